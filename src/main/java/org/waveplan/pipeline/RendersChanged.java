package org.waveplan.pipeline;

/**
 * Renders were planned, finished or failed: what sites are to fetch may have changed. Not stored: its one listener,
 * the manifest cache, runs once the change's transaction is over.
 */
public record RendersChanged() {
}
