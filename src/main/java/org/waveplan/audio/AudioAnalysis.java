package org.waveplan.audio;

/** What a sound audio file holds and how loud it is, from {@link LoudnessMeter#analyze}. */
public record AudioAnalysis(AudioInfo info, Loudness loudness) {
}
