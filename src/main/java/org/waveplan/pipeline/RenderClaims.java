package org.waveplan.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.audio.RenderedFile;

/**
 * A render job's hold on its batch in the database: it claims the renders it takes, so another job or instance
 * leaves them alone (a recovered job, after a crash, takes its own claims back), stores their progress, marks them
 * done, or hands them back to the queue. Each step in a transaction of its own.
 */
@Component
class RenderClaims {

	private static final Logger log = LoggerFactory.getLogger(RenderClaims.class);

	private final RenderRepository renders;

	private final RenditionRepository renditions;

	private final RenderTriggers triggers;

	private final PipelineProperties settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	RenderClaims(RenderRepository renders, RenditionRepository renditions, RenderTriggers triggers,
			PipelineProperties settings, Clock clock, PlatformTransactionManager transactions) {
		this.renders = renders;
		this.renditions = renditions;
		this.triggers = triggers;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Takes the airing's render and its batch, or nothing if it is not to be rendered or another job has it. */
	List<Render> claim(long airingId, String owner) {
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

	/** Stores how far the owner's run got; a state change by someone else wins over it. */
	void progress(String owner, double share) {
		transaction.executeWithoutResult(status -> renders.progress(owner, share));
	}

	/**
	 * Records the new renditions, published, and marks done every claimed render whose rendition now exists.
	 * @param made the verified file of each new rendition, by key
	 * @param sizes the length of each published rendition, by key
	 */
	void complete(String owner, Map<String, RenderedFile> made, Map<String, Long> sizes) {
		transaction.executeWithoutResult(status -> {
			Instant now = clock.instant();
			made.forEach((key, file) -> {
				if (!renditions.existsById(key)) {
					renditions.save(new Rendition(key, file, sizes.get(key), now));
				}
			});
			Set<String> sites = new HashSet<>();
			for (Render render : renders.claimedBy(owner)) {
				if (renditions.existsById(render.getRenditionKey())) {
					render.done(now);
					sites.add(render.getSite());
				}
			}
			log.info("rendered for {}", sites);
		});
	}

	/** Puts the owner's claims back in the queue, each with its own job to run it now. */
	void release(String owner) {
		transaction.executeWithoutResult(status -> releaseNow(owner));
	}

	private void releaseNow(String owner) {
		Instant now = clock.instant();
		for (Render render : renders.claimedBy(owner)) {
			triggers.schedule(render.getAiringId(), now);
			render.requeue(now);
		}
	}

}
