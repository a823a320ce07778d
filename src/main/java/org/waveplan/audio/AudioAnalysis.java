package org.waveplan.audio;

/**
 * What a sound audio file holds and how loud it is, from {@link LoudnessMeter#analyze}, with its short-term
 * loudness over time.
 */
public record AudioAnalysis(AudioInfo info, Loudness loudness, LoudnessCurve curve) {
}
