package org.waveplan.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.waveplan.audio.AudioRenderer;
import org.waveplan.audio.RenderException;
import org.waveplan.audio.RenderOutcome;
import org.waveplan.audio.RenderRequest;
import org.waveplan.audio.RenderedFile;
import org.waveplan.catalog.AiringBook;
import org.waveplan.catalog.PlannedAiring;
import org.waveplan.pipeline.OutputChooser.Output;
import org.waveplan.pipeline.RetryScheduler.Failure;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.SourceCache;
import org.waveplan.shared.Storage;
import org.waveplan.shared.StoredObject;

/**
 * Renders an airing when its job fires, together with every queued render of the same source, ident and length
 * on the same day (one decode for all their sites), skipping renditions that exist already, and publishes the
 * files. The claims on the batch are {@link RenderClaims}', the choice of files {@link OutputChooser}'s, what
 * becomes of a failure {@link RetryScheduler}'s.
 */
@Service
class RenderWorker {

	private static final Logger log = LoggerFactory.getLogger(RenderWorker.class);

	/** Progress is stored at this step, so a render costs a few dozen small updates, not thousands. */
	private static final double PROGRESS_STEP = 0.02;

	private final RenderClaims claims;

	private final OutputChooser chooser;

	private final RetryScheduler retries;

	private final AiringBook airings;

	private final AudioRenderer renderer;

	private final RenditionStore store;

	private final StationIdents idents;

	private final Storage storage;

	private final ApplicationEventPublisher events;

	private final Counter runs;

	private final Counter made;

	RenderWorker(RenderClaims claims, OutputChooser chooser, RetryScheduler retries, AiringBook airings,
			AudioRenderer renderer, RenditionStore store, StationIdents idents, Storage storage,
			MeterRegistry meters, ApplicationEventPublisher events) {
		this.claims = claims;
		this.chooser = chooser;
		this.retries = retries;
		this.airings = airings;
		this.renderer = renderer;
		this.store = store;
		this.idents = idents;
		this.storage = storage;
		this.events = events;
		this.runs = meters.counter("waveplan.render.runs");
		this.made = meters.counter("waveplan.render.renditions");
	}

	void render(long airingId) {
		String owner = RenderTriggers.owner(airingId);
		List<Render> batch = claims.claim(airingId, owner);
		if (batch.isEmpty()) {
			return;
		}
		Render first = batch.get(0);
		List<RenderOutcome> outcomes = List.of();
		try {
			Optional<PlannedAiring.Source> source = airings.find(first.getAiringId())
				.map(PlannedAiring::episode)
				.filter(episode -> episode.sha256().equals(first.getSourceSha256()));
			if (source.isEmpty()) {
				// the airing changed since it was planned; the render planner queues it anew
				claims.release(owner);
				return;
			}
			// a rendition that could not be published is found before the render spends its time on it
			Map<String, Failure> failed = new HashMap<>();
			Map<String, String> keyOfOutput = new LinkedHashMap<>();
			List<Output> outputs = new ArrayList<>();
			for (Output output : chooser.outputs(batch)) {
				try {
					store.checkWritable(output.key(), output.spec().codec());
					outputs.add(output);
					keyOfOutput.put(output.spec().name(), output.key());
				}
				catch (RenderException ex) {
					failed.put(output.key(), Failure.of(ex));
				}
			}
			log.info("rendering {} for {} airing(s) of {} on {}: {} file(s) to make", source.get().title(), batch.size(),
					first.getProgram(), first.getBroadcastDate(), outputs.size());
			if (!outputs.isEmpty()) {
				runs.increment();
				// FFmpeg reads local files: the stored ones, or checked copies of them while the render holds them
				try (SourceCache.Lease original = local(source.get().original());
						SourceCache.Lease ident = first.getIdentSha256() == null ? null
								: local(idents.object(first.getIdentSha256()))) {
					outcomes = renderer.renderEach(new RenderRequest(original.path(), source.get().loudness(),
							source.get().duration(), ident == null ? null : ident.path(), first.length(),
							outputs.stream().map(Output::spec).toList()), store.workDir(), new Progress(owner, first));
				}
			}
			Map<String, RenderedFile> files = new HashMap<>();
			Map<String, Long> published = new HashMap<>();
			for (RenderOutcome outcome : outcomes) {
				String key = keyOfOutput.get(outcome.spec().name());
				if (outcome.rendered()) {
					try {
						published.put(key, store.publish(outcome.file().file(), key, outcome.spec().codec()));
						files.put(key, outcome.file());
						made.increment();
					}
					catch (RenderException ex) {
						failed.put(key, Failure.of(ex));
					}
				}
				else {
					// one site's output that failed leaves the others their files; its renders fail on their own
					failed.put(key, Failure.of(outcome.failure()));
				}
			}
			claims.complete(owner, files, published);
			events.publishEvent(new RendersChanged());
			if (!failed.isEmpty()) {
				retries.fail(owner, failed::get);
			}
		}
		catch (RenderException ex) {
			retries.fail(owner, key -> Failure.of(ex));
		}
		catch (RuntimeException ex) {
			log.error("render of airing {} failed", airingId, ex);
			retries.fail(owner, key -> new Failure("it failed for an unexpected reason (a defect in"
					+ " Waveplan: the service's log tells more)", true));
		}
		finally {
			for (RenderOutcome outcome : outcomes) {
				if (outcome.rendered()) {
					AtomicFiles.discard(outcome.file().file());
				}
			}
		}
	}

	private SourceCache.Lease local(StoredObject object) {
		try {
			return storage.local(object);
		}
		catch (IOException ex) {
			throw RenderException.storage("cannot read " + object, ex);
		}
	}

	/** Stores the share done at every step, and logs it at every quarter. */
	private final class Progress implements DoubleConsumer {

		private final String owner;

		private final Render render;

		private double stored;

		private int quarter;

		Progress(String owner, Render render) {
			this.owner = owner;
			this.render = render;
		}

		@Override
		public void accept(double share) {
			if (share - stored >= PROGRESS_STEP || (share == 1 && stored < 1)) {
				stored = share;
				claims.progress(owner, share);
			}
			if ((int) (share * 4) > quarter) {
				quarter = (int) (share * 4);
				log.info("rendering {} of {}: {}%", render.getProgram(), render.getBroadcastDate(),
						Math.round(share * 100));
			}
		}

	}

}
