package org.waveplan.pipeline;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;
import org.waveplan.audio.Ffmpeg;

/**
 * How many renders this instance runs at once: as many as its FFmpeg processes (a render keeps that many busy), not
 * as many as Quartz has threads, so that a busy instance leaves the renders it cannot start to a free one.
 */
@Component
class RenderSlots {

	private final Semaphore slots;

	RenderSlots(Ffmpeg ffmpeg) {
		this.slots = new Semaphore(ffmpeg.maxProcesses());
	}

	boolean tryTake() {
		return slots.tryAcquire();
	}

	void release() {
		slots.release();
	}

}
