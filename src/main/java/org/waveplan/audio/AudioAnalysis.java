package org.waveplan.audio;

/** What a sound audio file holds and how loud it is, from one decode. */
public record AudioAnalysis(AudioInfo info, Loudness loudness) {
}
