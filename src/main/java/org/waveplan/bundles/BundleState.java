package org.waveplan.bundles;

/** Where a bundle's job is. */
enum BundleState {

	QUEUED, RUNNING, DONE, FAILED

}
