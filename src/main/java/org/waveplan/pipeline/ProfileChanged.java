package org.waveplan.pipeline;

/** A site's delivery profile was set: its renders may need redoing. */
record ProfileChanged(String site) {
}
