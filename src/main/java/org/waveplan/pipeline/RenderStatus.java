package org.waveplan.pipeline;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.catalog.RenderedAirings;

/** Tells the catalog which airings are rendered: those whose render is done. */
@Component
class RenderStatus implements RenderedAirings {

	private final RenderRepository renders;

	RenderStatus(RenderRepository renders) {
		this.renders = renders;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> renderedAmong(Collection<Long> airingIds) {
		return airingIds.isEmpty() ? Set.of() : renders.doneAmong(airingIds);
	}

}
