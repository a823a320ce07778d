package org.waveplan.schedule;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.propagation.SunspotNumberChanged;
import org.waveplan.shared.CoalescedRuns;

/**
 * Predicts the reach of the slots of the season in force in the background after they or a sunspot number change, on
 * one thread, so that the conflicts find them in memory within their time budget. Changes arriving meanwhile are
 * covered by one run after the current.
 */
@Component
class ReachWarmer {

	private static final Logger log = LoggerFactory.getLogger(ReachWarmer.class);

	private final SlotRepository slots;

	private final SlotReach reach;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	private final CoalescedRuns warmings = new CoalescedRuns(this::warm);

	private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
		Thread warming = new Thread(task, "reach-warmer");
		warming.setDaemon(true);
		return warming;
	});

	ReachWarmer(SlotRepository slots, SlotReach reach, Clock clock, PlatformTransactionManager transactions) {
		this.slots = slots;
		this.reach = reach;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@ApplicationModuleListener(id = "schedule.reach-warmer.slots-changed", propagation = Propagation.NOT_SUPPORTED)
	void on(SlotsChanged event) {
		thread.execute(warmings::request);
	}

	@ApplicationModuleListener(id = "schedule.reach-warmer.ssn-changed", propagation = Propagation.NOT_SUPPORTED)
	void on(SunspotNumberChanged event) {
		thread.execute(warmings::request);
	}

	/** Predicts every slot of the season in force whose prediction is not in memory; the slots read first. */
	void warm() {
		try {
			Period season = Period.of(null, null, clock);
			List<SlotReach.Asked> asked = readOnly.execute(status -> slots.findActive(season.from(), season.to())
				.stream()
				.map(slot -> SlotReach.Asked.of(slot.plan(), slot.getId()))
				.toList());
			asked.forEach(reach::of);
		}
		catch (RuntimeException e) {
			// advice only: the conflicts predict what is missing within their budget, or say so
			log.warn("Predicting the slots' reach failed: {}", e.toString());
		}
	}

	/** Waits for the warmings asked so far. */
	void awaitWarmed() throws Exception {
		thread.submit(() -> {
		}).get();
	}

	@PreDestroy
	void stop() {
		thread.shutdownNow();
	}

}
