package org.waveplan.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.waveplan.catalog.AiringBook;
import org.waveplan.catalog.PlannedAiring;
import org.waveplan.delivery.AgentPoll;
import org.waveplan.delivery.AgentPolls;
import org.waveplan.delivery.DeliveryBoard;
import org.waveplan.pipeline.RenderBoard;
import org.waveplan.schedule.ConflictCounts;

/** What is on the air now and in the next 24 hours, and what needs a person. */
@Service
class Dashboard {

	static final Duration AHEAD = Duration.ofHours(24);

	private final AiringBook airings;

	private final RenderBoard renders;

	private final DeliveryBoard deliveries;

	private final ConflictCounts conflicts;

	private final AgentPolls agents;

	private final Clock clock;

	Dashboard(AiringBook airings, RenderBoard renders, DeliveryBoard deliveries, ConflictCounts conflicts,
			AgentPolls agents, Clock clock) {
		this.airings = airings;
		this.renders = renders;
		this.deliveries = deliveries;
		this.conflicts = conflicts;
		this.agents = agents;
		this.clock = clock;
	}

	/**
	 * @param render {@code queued}, {@code running}, {@code done}, {@code failed} or {@code none}
	 * @param delivery {@code waiting}, {@code ready}, {@code fetched}, {@code confirmed}, {@code late} or {@code none}
	 */
	record Row(long airingId, boolean onAir, String site, int frequencyKhz, String program, String episode,
			String startsUtc, String startsKst, String stopsUtc, String stopsKst, String render, String delivery) {
	}

	/** @param silentAgents sites whose agent has not polled for more than two of its intervals */
	record Counts(int conflicts, int failedRenders, long lateDeliveries, long silentAgents) {
	}

	record View(String nowUtc, String nowKst, List<Row> airings, Counts counts) {
	}

	View now() {
		Instant now = clock.instant();
		List<PlannedAiring> coming = airings.onAirBetween(now, now.plus(AHEAD), null);
		List<Long> ids = coming.stream().map(PlannedAiring::id).toList();
		Map<Long, String> renderStates = renders.statesOf(ids);
		List<DeliveryBoard.AiringDelivery> delivered = deliveries.all();
		Map<Long, String> deliveryStates = delivered.stream()
			.collect(Collectors.toMap(DeliveryBoard.AiringDelivery::airingId, DeliveryBoard.AiringDelivery::state));
		List<Row> rows = coming.stream()
			.map(a -> new Row(a.id(), !a.startsAt().isAfter(now), a.site(), a.frequencyKhz(), a.program(),
					a.episode() == null ? null : a.episode().title(), Times.utc(a.startsAt()), Times.kst(a.startsAt()),
					Times.utc(a.stopsAt()), Times.kst(a.stopsAt()), renderStates.getOrDefault(a.id(), "none"),
					deliveryStates.getOrDefault(a.id(), "none")))
			.toList();
		Counts counts = new Counts(conflicts.now().total(), renders.failedFrom(now),
				delivered.stream().filter(DeliveryBoard.AiringDelivery::late).count(),
				agents.all().stream().filter(AgentPoll::silent).count());
		return new View(Times.utc(now), Times.kst(now), rows, counts);
	}

}
