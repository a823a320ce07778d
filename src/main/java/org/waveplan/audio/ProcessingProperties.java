package org.waveplan.audio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link AudioRenderer} processes audio for the air.
 *
 * @param highPassHz AM_SW and MW: -3 dB point of the 2-pole high-pass (rumble and hum eat carrier power)
 * @param amSwLowPassHz AM_SW: -3 dB point of the steep low-pass
 * @param mwLowPassHz MW: -3 dB point of the steep low-pass
 * @param lowPassTransitionHz from the cutoff to the low-pass's stop band (-90 dB in its gain table)
 * @param lowPassFirSeconds half length of the low-pass FIR (FFmpeg firequalizer's delay): longer is steeper and
 * slower
 * @param compressorAboveTargetDb AM_SW and MW: compression starts this far above the output's target loudness
 * (as an RMS level in dBFS)
 * @param compressorRatio gentle, so quiet passages keep their distance (20 dB and more) from loud ones
 * @param compressorAttackMs compressor attack
 * @param compressorReleaseMs compressor release
 * @param limiterMarginDb the sample-peak limiter works this far below each output's true-peak ceiling: room for
 * peaks between samples and for lossy codecs' overshoot
 * @param limiterAttackMs limiter attack (look-ahead)
 * @param limiterReleaseMs limiter release
 * @param maxGainDb most gain given to an episode in all: near-silence is not raised to the target, it fails
 * verification instead
 * @param fadeOut fade at the end of an episode trimmed to its airing
 * @param processingVersion names this processing; part of the content address of renders, so change it with
 * any setting that changes the sound
 */
@ConfigurationProperties("waveplan.audio.processing")
public record ProcessingProperties(@DefaultValue("150") double highPassHz, @DefaultValue("4500") double amSwLowPassHz,
		@DefaultValue("5000") double mwLowPassHz, @DefaultValue("300") double lowPassTransitionHz,
		@DefaultValue("0.02") double lowPassFirSeconds, @DefaultValue("6") double compressorAboveTargetDb,
		@DefaultValue("2") double compressorRatio, @DefaultValue("20") double compressorAttackMs,
		@DefaultValue("250") double compressorReleaseMs, @DefaultValue("1.5") double limiterMarginDb,
		@DefaultValue("5") double limiterAttackMs, @DefaultValue("50") double limiterReleaseMs,
		@DefaultValue("30") double maxGainDb, @DefaultValue("3s") Duration fadeOut,
		@DefaultValue("1") String processingVersion) {

	/** The -3 dB point of the preset's low-pass, 0 for none. */
	double lowPassHz(Preset preset) {
		return switch (preset) {
			case AM_SW -> amSwLowPassHz;
			case MW -> mwLowPassHz;
			case NONE -> 0;
		};
	}

}
