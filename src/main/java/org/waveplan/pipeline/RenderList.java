package org.waveplan.pipeline;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.pipeline.RenderController.RenderView;

/** Renders as people see them, with their files: the API's list and the renders page. */
@Service
class RenderList {

	private final RenderRepository renders;

	private final RenditionRepository renditions;

	private final Clock clock;

	RenderList(RenderRepository renders, RenditionRepository renditions, Clock clock) {
		this.renders = renders;
		this.renditions = renditions;
		this.clock = clock;
	}

	/** Renders of airings from a day on ({@code null}: today), by airing, state or site if given. */
	@Transactional(readOnly = true)
	List<RenderView> find(Long airing, RenderState state, String site, LocalDate from) {
		LocalDate first = from != null ? from : LocalDate.now(clock);
		List<Render> found = renders.find(first.atStartOfDay(ZoneOffset.UTC).toInstant(), airing, state, site);
		Map<String, Rendition> files = renditions
			.findAllById(found.stream().map(Render::getRenditionKey).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Rendition::getKey, Function.identity()));
		return found.stream().map(r -> RenderView.of(r, files.get(r.getRenditionKey()))).toList();
	}

	/** The render as it stands after it was asked for now. */
	RenderView view(Render render) {
		return RenderView.of(render, renditions.findById(render.getRenditionKey()).orElse(null));
	}

}
