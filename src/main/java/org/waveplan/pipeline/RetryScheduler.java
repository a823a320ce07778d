package org.waveplan.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.audio.RenderException;
import org.waveplan.shared.StoreUnavailableException;

/**
 * Fails the renders of a run that did not make their rendition: those whose failure may pass are queued again,
 * with a job to take them up after a wait that doubles with each attempt ({@link PipelineProperties}), until
 * their attempts are used up; the others fail for good, with the reason.
 */
@Component
class RetryScheduler {

	private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);

	private final RenderRepository renders;

	private final RenderTriggers triggers;

	private final PipelineProperties settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Counter failures;

	RetryScheduler(RenderRepository renders, RenderTriggers triggers, PipelineProperties settings, Clock clock,
			PlatformTransactionManager transactions, MeterRegistry meters) {
		this.renders = renders;
		this.triggers = triggers;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.failures = meters.counter("waveplan.render.failures");
	}

	/**
	 * Why a rendition was not made, whether another attempt may make it, and whether it was the service's trouble (the
	 * object store out of reach): then it is tried again, after the first wait, as often as it takes, and costs no
	 * attempt, so that an outage of the store does not fail every render due meanwhile for good.
	 */
	record Failure(String reason, boolean retryable, boolean outage) {

		Failure(String reason, boolean retryable) {
			this(reason, retryable, false);
		}

		static Failure of(RenderException ex) {
			return new Failure(ex.reason(), ex.retryable(), ex.getCause() instanceof StoreUnavailableException);
		}

	}

	/**
	 * Fails the renders the owner holds whose rendition failed ({@code failureOfKey} gives {@code null} for the
	 * others); those that may pass are queued again, with one job to take them up after a growing wait.
	 */
	void fail(String owner, Function<String, Failure> failureOfKey) {
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
			List<Render> retried = claimed.stream().filter(render -> {
				Failure failure = failureOfKey.apply(render.getRenditionKey());
				return failure.outage() || failure.retryable() && render.getAttempts() < settings.maxAttempts();
			}).sorted(Comparator.comparing(Render::getAiringId)).toList();
			int attempts = retried.stream()
				.filter(render -> !failureOfKey.apply(render.getRenditionKey()).outage())
				.mapToInt(Render::getAttempts)
				.max()
				.orElse(1);
			Instant again = now.plus(settings.backoffAfter(attempts));
			// the jobs first: Quartz's lock before the render rows, in the order the render planner takes them. Each
			// retried render has its own (a job takes its batch up only while its own render is queued): the first to
			// fire takes the batch, the others find theirs taken
			for (Render render : retried) {
				triggers.schedule(render.getAiringId(), again);
			}
			for (Render render : claimed) {
				Failure failure = failureOfKey.apply(render.getRenditionKey());
				boolean retry = retried.contains(render);
				String said = failure.reason() + (failure.outage() ? " (not counted as an attempt; again at " + again + ")"
						: retry ? " (attempt " + render.getAttempts() + " of " + settings.maxAttempts() + ", again at "
								+ again + ")" : "");
				render.failed(said, retry, now);
				if (failure.outage()) {
					render.notAnAttempt();
				}
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

}
