package org.waveplan.pipeline;

/** Renders were planned, finished or failed: what sites are to fetch may have changed. */
public record RendersChanged() {
}
