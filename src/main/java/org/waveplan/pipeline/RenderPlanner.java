package org.waveplan.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.audio.ProcessingProperties;
import org.waveplan.catalog.AiringBook;
import org.waveplan.catalog.AiringsChanged;
import org.waveplan.catalog.PlannedAiring;
import org.waveplan.shared.CoalescedRuns;
import org.waveplan.shared.ProblemException;

/**
 * Keeps one render per airing that is still to come and has an episode and a site profile, each due at its air
 * time less the site's lead time. A render whose rendition (content address) stays the same is left alone, done
 * or not; one that needs another rendition, because the episode, the length, the ident or the profile changed,
 * starts over; one whose rendition exists already is done at once. Runs after every planner run and profile change.
 */
@Service
class RenderPlanner {

	private static final Logger log = LoggerFactory.getLogger(RenderPlanner.class);

	// a worker or another instance may change a render meanwhile: plan again on the new state
	private static final int ATTEMPTS = 3;

	private final AiringBook airings;

	private final RenderRepository renders;

	private final RenditionRepository renditions;

	private final DeliveryProfileRepository profiles;

	private final RenderTriggers triggers;

	private final ProcessingProperties processing;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	// a burst of changes plans once more, not once each
	private final CoalescedRuns replans = new CoalescedRuns(this::plan);

	RenderPlanner(AiringBook airings, RenderRepository renders, RenditionRepository renditions,
			DeliveryProfileRepository profiles, RenderTriggers triggers, ProcessingProperties processing, Clock clock,
			PlatformTransactionManager transactions, ApplicationEventPublisher events) {
		this.events = events;
		this.airings = airings;
		this.renders = renders;
		this.renditions = renditions;
		this.profiles = profiles;
		this.triggers = triggers;
		this.processing = processing;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What a run did: renders queued (new or started over), made done by an existing rendition, dropped. */
	record Report(int queued, int reused, int dropped) {
	}

	// durable (event publication registry), after the change commits, on another thread; plan() takes its own
	// transactions, so a handler waiting for its turn holds no connection; ids as in AiringPlanner
	@ApplicationModuleListener(id = "pipeline.render-planner.airings-changed", propagation = Propagation.NOT_SUPPORTED)
	void on(AiringsChanged event) {
		replans.request();
	}

	@ApplicationModuleListener(id = "pipeline.render-planner.profile-changed", propagation = Propagation.NOT_SUPPORTED)
	void on(ProfileChanged event) {
		replans.request();
	}

	synchronized Report plan() {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> {
					Report report = planAt(clock.instant());
					events.publishEvent(new RendersChanged());
					return report;
				});
			}
			catch (OptimisticLockingFailureException | DataIntegrityViolationException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				log.debug("renders changed while planning, again: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Queues the airing's render to run at once (a failed one gets a fresh set of attempts); a done render stays
	 * done: its rendition is the same file.
	 */
	synchronized Render renderNow(long airingId) {
		return transaction.execute(status -> {
			Instant now = clock.instant();
			Render render = renders.findById(airingId).orElse(null);
			if (render == null) {
				refuseUnplanned(airingId, now);
				planAt(now);
				render = renders.findById(airingId).orElseThrow();
			}
			switch (render.getState()) {
				case RUNNING -> throw new ProblemException(HttpStatus.CONFLICT, "render-running", "Rendering now",
						"airing " + airingId + " is being rendered (" + Math.round(render.getProgress() * 100) + "%)");
				case QUEUED, FAILED -> {
					render.requeue(now);
					triggers.schedule(airingId, now);
				}
				case DONE -> {
				}
			}
			return render;
		});
	}

	/** Why an airing without a render cannot have one. */
	private void refuseUnplanned(long airingId, Instant now) {
		PlannedAiring airing = airings.find(airingId)
			.orElseThrow(() -> ProblemException.notFound("no airing " + airingId));
		String why = !airing.startsAt().isAfter(now) ? "it is on the air or past"
				: airing.episode() == null ? "it has no episode: the queue of " + airing.program() + " is empty"
						: profiles.findBySite(airing.site()).isEmpty()
								? "site " + airing.site() + " has no delivery profile" : null;
		if (why != null) {
			throw new ProblemException(HttpStatus.CONFLICT, "not-renderable", "Cannot be rendered",
					"airing " + airingId + " cannot be rendered: " + why);
		}
	}

	private Report planAt(Instant now) {
		Map<String, DeliveryProfile> bySite = profiles.findAll()
			.stream()
			.collect(Collectors.toMap(DeliveryProfile::getSite, Function.identity()));
		Map<Long, Render> existing = new HashMap<>(renders.findByStartsAtAfter(now)
			.stream()
			.collect(Collectors.toMap(Render::getAiringId, Function.identity())));
		// repeats of an episode for a site share a key: one query a key, not one a render
		Map<String, Boolean> rendered = new HashMap<>();
		int queued = 0;
		int reused = 0;
		for (PlannedAiring airing : airings.startingAfter(now)) {
			DeliveryProfile profile = bySite.get(airing.site());
			if (airing.episode() == null || profile == null) {
				continue;
			}
			Render render = existing.remove(airing.id());
			if (render == null) {
				render = new Render(airing);
			}
			DeliveryProfileSpec spec = profile.spec();
			String key = RenditionKey.of(airing.episode().sha256(), profile.getIdentSha256(), airing.length(), spec,
					processing.processingVersion());
			Instant due = airing.startsAt().minus(spec.leadTime());
			boolean schedule = render.need(airing, profile.getIdentSha256(), key, due, now);
			if (render.getState() == RenderState.QUEUED && rendered.computeIfAbsent(key, renditions::existsById)) {
				render.done(now);
				triggers.unschedule(airing.id());
				reused++;
			}
			else if (schedule) {
				triggers.schedule(airing.id(), due.isAfter(now) ? due : now);
				queued++;
			}
			renders.save(render);
		}
		// what is left has lost its episode or its site's profile
		for (Render gone : existing.values()) {
			triggers.unschedule(gone.getAiringId());
			renders.delete(gone);
		}
		return new Report(queued, reused, existing.size());
	}

}
