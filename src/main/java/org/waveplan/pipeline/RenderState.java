package org.waveplan.pipeline;

/** Where an airing's render stands. */
enum RenderState {

	/** waiting for its time (air time less the site's lead time), or for a retry */
	QUEUED,
	/** FFmpeg is at it */
	RUNNING,
	/** its rendition is made and verified */
	DONE,
	/** it cannot be rendered; the reason says why */
	FAILED

}
