package org.waveplan.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.waveplan.audio.OutputSpec;
import org.waveplan.audio.ProcessingProperties;

/**
 * The files a batch's run is to make: one per rendition that does not exist yet, in the format of a site that
 * takes it. A render whose site's profile changed since planning is left out: the render planner queues it with
 * its new key.
 */
@Component
class OutputChooser {

	/** An output of the run and the rendition it becomes. */
	record Output(OutputSpec spec, String key) {
	}

	private final RenditionRepository renditions;

	private final DeliveryProfileRepository profiles;

	private final ProcessingProperties processing;

	OutputChooser(RenditionRepository renditions, DeliveryProfileRepository profiles,
			ProcessingProperties processing) {
		this.renditions = renditions;
		this.profiles = profiles;
		this.processing = processing;
	}

	/** The outputs, each named after a site that takes it. */
	List<Output> outputs(List<Render> batch) {
		Map<String, List<Render>> byKey = batch.stream()
			.collect(Collectors.groupingBy(Render::getRenditionKey, LinkedHashMap::new, Collectors.toList()));
		List<Output> outputs = new ArrayList<>();
		byKey.forEach((key, sharing) -> {
			if (renditions.existsById(key)) {
				return;
			}
			Render render = sharing.get(0);
			DeliveryProfileSpec profile = profiles.findBySite(render.getSite()).map(DeliveryProfile::spec).orElse(null);
			if (profile != null && key.equals(RenditionKey.of(render.getSourceSha256(), render.getIdentSha256(),
					render.length(), profile, processing.processingVersion()))) {
				outputs.add(new Output(profile.output(render.getSite() + "-" + key.substring(0, 8)), key));
			}
		});
		return outputs;
	}

}
