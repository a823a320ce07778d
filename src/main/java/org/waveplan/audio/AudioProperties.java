package org.waveplan.audio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audio module.
 *
 * @param ffmpegTimeout longest one FFmpeg run over a whole file may take before it is stopped
 * @param maxProcesses most FFmpeg processes at once; 0 (the default) for the number of cores
 */
@ConfigurationProperties("waveplan.audio")
record AudioProperties(@DefaultValue("30m") Duration ffmpegTimeout, @DefaultValue("0") int maxProcesses) {
}
