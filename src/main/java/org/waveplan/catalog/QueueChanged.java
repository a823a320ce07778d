package org.waveplan.catalog;

/** A program's queue changed: its airings are planned again once the change commits. */
record QueueChanged(String program) {
}
