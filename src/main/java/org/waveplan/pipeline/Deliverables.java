package org.waveplan.pipeline;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.audio.Codec;

/** The rendered files of airings, for delivery to the sites. */
@Service
@Transactional(readOnly = true)
public class Deliverables {

	private static final Pattern NAME = Pattern.compile("([0-9a-f]{64})\\.([a-z0-9]{2,4})");

	private final RenderRepository renders;

	private final RenditionRepository renditions;

	private final RenditionStore store;

	Deliverables(RenderRepository renders, RenditionRepository renditions, RenditionStore store) {
		this.renders = renders;
		this.renditions = renditions;
		this.store = store;
	}

	/** The files of those airings whose render is done, by airing id. */
	public Map<Long, DeliverableFile> ofAirings(Collection<Long> airingIds) {
		if (airingIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Render> done = renders.findAllById(airingIds)
			.stream()
			.filter(r -> r.getState() == RenderState.DONE)
			.collect(Collectors.toMap(Render::getAiringId, Function.identity()));
		Map<String, Rendition> files = renditions
			.findAllById(done.values().stream().map(Render::getRenditionKey).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Rendition::getKey, Function.identity()));
		return done.values()
			.stream()
			.filter(r -> files.containsKey(r.getRenditionKey()))
			.collect(Collectors.toMap(Render::getAiringId, r -> file(r.getAiringId(), files.get(r.getRenditionKey()))));
	}

	/**
	 * The file of that name, if it is the done render of one of the site's airings; anything else, a name that
	 * is not a rendition's above all, is not found.
	 */
	public Optional<DeliverableFile> named(String site, String name) {
		Matcher m = NAME.matcher(name);
		if (!m.matches()) {
			return Optional.empty();
		}
		return renditions.findById(m.group(1))
			.filter(r -> r.getCodec().extension().equals(m.group(2)))
			.flatMap(r -> renders.findFirstBySiteAndRenditionKeyAndState(site, r.getKey(), RenderState.DONE)
				.map(render -> file(render.getAiringId(), r)));
	}

	private DeliverableFile file(long airingId, Rendition r) {
		Codec codec = r.getCodec();
		return new DeliverableFile(airingId, r.getKey() + "." + codec.extension(), store.object(r.getKey(), codec, r.getSha256()),
				r.getSizeBytes(), r.getSha256(), r.getCreatedAt());
	}

}
