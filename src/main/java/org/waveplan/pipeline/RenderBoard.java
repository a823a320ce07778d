package org.waveplan.pipeline;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where renders stand, read-only, for the modules above the pipeline (the web UI's dashboard). */
@Service
@Transactional(readOnly = true)
public class RenderBoard {

	private final RenderRepository renders;

	RenderBoard(RenderRepository renders) {
		this.renders = renders;
	}

	/** Each airing's render state ({@code queued}, {@code running}, {@code done}, {@code failed}), if it has a render. */
	public Map<Long, String> statesOf(Collection<Long> airingIds) {
		return airingIds.isEmpty() ? Map.of()
				: renders.findAllById(airingIds)
					.stream()
					.collect(Collectors.toMap(Render::getAiringId, r -> r.getState().name().toLowerCase()));
	}

	/** Failed renders of airings that start at {@code from} or later: each needs a person. */
	public int failedFrom(Instant from) {
		return renders.find(from, null, RenderState.FAILED, null).size();
	}

}
