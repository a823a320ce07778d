package org.waveplan.pipeline;

import java.time.Duration;

import org.waveplan.audio.Codec;
import org.waveplan.audio.OutputSpec;
import org.waveplan.audio.Preset;

/**
 * A delivery profile's values, checked: what a render for the site is made of. Part of a render's
 * content address, so two sites with the same profile share one render.
 */
record DeliveryProfileSpec(Codec codec, int bitrateKbps, int sampleRate, int channels, double targetLufs,
		double truePeakCeilingDbtp, Duration leadTime, Preset preset) {

	static final double DEFAULT_TARGET_LUFS = -23;

	static final double DEFAULT_CEILING_DBTP = -1;

	static final Duration DEFAULT_LEAD_TIME = Duration.ofHours(12);

	/** The preset as the API names it: {@code am-sw}, {@code mw} or {@code none}. */
	static String name(Preset preset) {
		return preset.name().toLowerCase().replace('_', '-');
	}

	/** What the renderer makes of it, named for messages. */
	OutputSpec output(String name) {
		return new OutputSpec(name, codec, bitrateKbps, sampleRate, channels, targetLufs, truePeakCeilingDbtp, preset);
	}

}
