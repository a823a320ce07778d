package org.waveplan.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.audio.AudioRenderer;
import org.waveplan.audio.OutputSpec;
import org.waveplan.audio.ProcessingProperties;
import org.waveplan.audio.RenderException;
import org.waveplan.audio.RenderOutcome;
import org.waveplan.audio.RenderRequest;
import org.waveplan.audio.RenderedFile;
import org.waveplan.catalog.AiringBook;
import org.waveplan.catalog.PlannedAiring;
import org.waveplan.shared.AtomicFiles;

/**
 * Renders an airing when its job fires, together with every queued render of the same source, ident and length
 * on the same day (one decode for all their sites), skipping renditions that exist already. The job claims the
 * renders it takes in the database, so another job or instance leaves them alone, and a recovered job (after a
 * crash) takes its own claims back. A failure that may pass is retried with growing waits; a source that cannot
 * be rendered fails at once, with the reason.
 */
@Service
class RenderWorker {

	private static final Logger log = LoggerFactory.getLogger(RenderWorker.class);

	/** Progress is stored at this step, so a render costs a few dozen small updates, not thousands. */
	private static final double PROGRESS_STEP = 0.02;

	private final RenderRepository renders;

	private final RenditionRepository renditions;

	private final DeliveryProfileRepository profiles;

	private final AiringBook airings;

	private final AudioRenderer renderer;

	private final RenditionStore store;

	private final StationIdents idents;

	private final RenderTriggers triggers;

	private final PipelineProperties settings;

	private final ProcessingProperties processing;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Counter runs;

	private final Counter made;

	private final Counter failures;

	RenderWorker(RenderRepository renders, RenditionRepository renditions, DeliveryProfileRepository profiles,
			AiringBook airings, AudioRenderer renderer, RenditionStore store, StationIdents idents,
			RenderTriggers triggers, PipelineProperties settings, ProcessingProperties processing, Clock clock,
			PlatformTransactionManager transactions, MeterRegistry meters, ApplicationEventPublisher events) {
		this.events = events;
		this.renders = renders;
		this.renditions = renditions;
		this.profiles = profiles;
		this.airings = airings;
		this.renderer = renderer;
		this.store = store;
		this.idents = idents;
		this.triggers = triggers;
		this.settings = settings;
		this.processing = processing;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.runs = meters.counter("waveplan.render.runs");
		this.made = meters.counter("waveplan.render.renditions");
		this.failures = meters.counter("waveplan.render.failures");
	}

	void render(long airingId) {
		String owner = RenderTriggers.owner(airingId);
		List<Render> batch = claim(airingId, owner);
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
				release(owner);
				return;
			}
			Map<String, String> keyOfOutput = new LinkedHashMap<>();
			// a rendition that could not be published is found before the render spends its time on it
			Map<String, Failure> failed = new HashMap<>();
			List<OutputSpec> outputs = new ArrayList<>();
			for (OutputSpec output : outputs(batch, keyOfOutput)) {
				try {
					store.checkWritable(keyOfOutput.get(output.name()), output.codec());
					outputs.add(output);
				}
				catch (RenderException ex) {
					failed.put(keyOfOutput.get(output.name()), Failure.of(ex));
				}
			}
			log.info("rendering {} for {} airing(s) of {} on {}: {} file(s) to make", source.get().title(), batch.size(),
					first.getProgram(), first.getBroadcastDate(), outputs.size());
			if (!outputs.isEmpty()) {
				runs.increment();
				Path ident = first.getIdentSha256() == null ? null : idents.pathOf(first.getIdentSha256());
				outcomes = renderer.renderEach(new RenderRequest(source.get().file(), source.get().loudness(),
						source.get().duration(), ident, first.length(), outputs), store.workDir(),
						new Progress(owner, first));
			}
			List<RenderedFile> files = outcomes.stream().filter(RenderOutcome::rendered).map(RenderOutcome::file).toList();
			Map<String, Path> published = new HashMap<>();
			for (RenderedFile file : files) {
				String key = keyOfOutput.get(file.spec().name());
				published.put(key, store.publish(file.file(), key, file.spec().codec()));
				made.increment();
			}
			complete(owner, files, keyOfOutput, published);
			events.publishEvent(new RendersChanged());
			// one site's output that failed leaves the others their files; its renders fail on their own
			outcomes.stream()
				.filter(outcome -> !outcome.rendered())
				.forEach(outcome -> failed.put(keyOfOutput.get(outcome.spec().name()), Failure.of(outcome.failure())));
			if (!failed.isEmpty()) {
				fail(airingId, owner, failed::get);
			}
		}
		catch (RenderException ex) {
			fail(airingId, owner, key -> Failure.of(ex));
		}
		catch (RuntimeException ex) {
			log.error("render of airing {} failed", airingId, ex);
			fail(airingId, owner, key -> new Failure("it failed for an unexpected reason (a defect in Waveplan: the"
					+ " service's log tells more, at " + clock.instant() + ")", true));
		}
		finally {
			for (RenderOutcome outcome : outcomes) {
				if (outcome.rendered()) {
					AtomicFiles.discard(outcome.file().file());
				}
			}
		}
	}

	/** Takes the airing's render and its batch, or nothing if it is not to be rendered or another job has it. */
	private List<Render> claim(long airingId, String owner) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> {
					Render own = renders.findById(airingId).orElse(null);
					if (own == null) {
						// the airing is gone: what this job claimed before goes back to the queue
						releaseNow(owner);
						return List.<Render>of();
					}
					boolean free = own.getState() == RenderState.QUEUED || own.claimedBy(owner);
					if (!free) {
						return List.<Render>of();
					}
					Instant now = clock.instant();
					List<Render> batch = new ArrayList<>();
					for (Render render : renders.batch(own.getSourceSha256(), own.getBroadcastDate(),
							own.length().toMillis(), own.getIdentSha256(), owner)) {
						// taken back after a crash: each run it had was cut short (one that kills the service?)
						if (render.claimedBy(owner) && render.getAttempts() >= settings.maxAttempts()) {
							render.failed("each of its " + render.getAttempts() + " runs was cut short: the service"
									+ " stopped during it", false, now);
							log.error("render of airing {} for {} failed: cut short {} times", render.getAiringId(),
									render.getSite(), render.getAttempts());
						}
						else {
							render.claim(owner, now);
							batch.add(render);
						}
					}
					return batch;
				});
			}
			catch (OptimisticLockingFailureException ex) {
				// another job claimed some of the batch at the same moment: look again
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	/** One output per rendition still to make, named after a site that takes it; each with its key. */
	private List<OutputSpec> outputs(List<Render> batch, Map<String, String> keyOfOutput) {
		Map<String, List<Render>> byKey = batch.stream()
			.collect(Collectors.groupingBy(Render::getRenditionKey, LinkedHashMap::new, Collectors.toList()));
		List<OutputSpec> outputs = new ArrayList<>();
		byKey.forEach((key, sharing) -> {
			if (renditions.existsById(key)) {
				return;
			}
			Render render = sharing.get(0);
			DeliveryProfileSpec profile = profiles.findBySite(render.getSite()).map(DeliveryProfile::spec).orElse(null);
			// a profile changed since planning is left to the render planner, which queues it with its new key
			if (profile != null && key.equals(RenditionKey.of(render.getSourceSha256(), render.getIdentSha256(),
					render.length(), profile, processing.processingVersion()))) {
				OutputSpec output = profile.output(render.getSite() + "-" + key.substring(0, 8));
				outputs.add(output);
				keyOfOutput.put(output.name(), key);
			}
		});
		return outputs;
	}

	/** Records the new renditions and marks done every claimed render whose rendition now exists. */
	private void complete(String owner, List<RenderedFile> files, Map<String, String> keyOfOutput,
			Map<String, Path> published) {
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			for (RenderedFile file : files) {
				String key = keyOfOutput.get(file.spec().name());
				if (!renditions.existsById(key)) {
					renditions.save(new Rendition(key, file, size(published.get(key)), now));
				}
			}
			Set<String> made = new HashSet<>();
			for (Render render : renders.claimedBy(owner)) {
				if (renditions.existsById(render.getRenditionKey())) {
					render.done(now);
					made.add(render.getSite());
				}
			}
			log.info("rendered for {}", made);
		});
	}

	/** Why a rendition was not made, and whether another attempt may make it. */
	record Failure(String reason, boolean retryable) {

		static Failure of(RenderException ex) {
			return new Failure(ex.reason(), ex.retryable());
		}

	}

	/**
	 * Fails the renders the owner holds whose rendition failed ({@code failureOfKey} gives {@code null} for the
	 * others); those that may pass are queued again, with one job to take them up after a growing wait.
	 */
	void fail(long airingId, String owner, Function<String, Failure> failureOfKey) {
		failures.increment();
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			List<Render> claimed = renders.claimedBy(owner)
				.stream()
				.filter(render -> failureOfKey.apply(render.getRenditionKey()) != null)
				.toList();
			if (claimed.isEmpty()) {
				return;
			}
			// each render counts its own attempts: renders of one batch may have failed different times before
			List<Render> retried = claimed.stream()
				.filter(render -> failureOfKey.apply(render.getRenditionKey()).retryable()
						&& render.getAttempts() < settings.maxAttempts())
				.sorted(Comparator.comparing(Render::getAiringId))
				.toList();
			int attempts = retried.stream().mapToInt(Render::getAttempts).max().orElse(1);
			Instant again = now.plus(settings.backoffAfter(attempts));
			if (!retried.isEmpty()) {
				// the job first: Quartz's lock before the render rows, in the order the render planner takes them.
				// A job takes its batch up only while its own render is queued: the job of a retried render, then
				long job = retried.stream().anyMatch(render -> render.getAiringId() == airingId) ? airingId
						: retried.get(0).getAiringId();
				triggers.schedule(job, again);
			}
			for (Render render : claimed) {
				Failure failure = failureOfKey.apply(render.getRenditionKey());
				boolean retry = retried.contains(render);
				String said = failure.reason() + (retry ? " (attempt " + render.getAttempts() + " of "
						+ settings.maxAttempts() + ", again at " + again + ")" : "");
				render.failed(said, retry, now);
				if (retry) {
					log.warn("render of airing {} for {} failed, will retry: {}", render.getAiringId(), render.getSite(),
							said);
				}
				else {
					log.error("render of airing {} for {} failed: {}", render.getAiringId(), render.getSite(), said);
				}
			}
		});
	}

	private void release(String owner) {
		transaction.executeWithoutResult(status -> releaseNow(owner));
	}

	/** Puts the owner's claims back in the queue, each with its own job to run it now. */
	private void releaseNow(String owner) {
		Instant now = clock.instant();
		for (Render render : renders.claimedBy(owner)) {
			triggers.schedule(render.getAiringId(), now);
			render.requeue(now);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("a published rendition is gone: " + file, ex);
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
				transaction.executeWithoutResult(status -> renders.progress(owner, share));
			}
			if ((int) (share * 4) > quarter) {
				quarter = (int) (share * 4);
				log.info("rendering {} of {}: {}%", render.getProgram(), render.getBroadcastDate(),
						Math.round(share * 100));
			}
		}

	}

}
