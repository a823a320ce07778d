package org.waveplan.audio;

import java.time.Duration;

/**
 * What a sound audio file holds, as FFmpeg decoded it.
 *
 * @param container FFmpeg's name of the container format, e.g. {@code mp3}, {@code wav}, {@code ogg},
 * {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec FFmpeg's name of the codec of the first audio stream, e.g. {@code mp3}, {@code pcm_s16le}, {@code aac}
 * @param duration length of the decoded audio (counted in samples, not read from the header)
 * @param sampleRate samples per second and channel
 * @param channels number of channels
 */
public record AudioInfo(String container, String codec, Duration duration, int sampleRate, int channels) {
}
