package org.waveplan.audio;

/**
 * How one output of a render ended: with its verified file, or with why it has none.
 *
 * @param file {@code null} if it failed
 * @param failure {@code null} if it was rendered
 */
public record RenderOutcome(OutputSpec spec, RenderedFile file, RenderException failure) {

	public boolean rendered() {
		return file != null;
	}

}
