package org.waveplan.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.catalog.AiringBook;
import org.waveplan.catalog.PlannedAiring;
import org.waveplan.pipeline.DeliverableFile;
import org.waveplan.pipeline.Deliverables;

/**
 * Every airing's delivery state (of the last day and the horizon). Looking at them changes nothing; the
 * {@link #refresh() refresh}, which {@link LateWatch} runs, records what changed, counts them per site and state
 * as gauges ({@code waveplan.deliveries}), and warns in the log, once, when an airing goes late.
 */
@Service
class DeliveryStatus {

	private static final Logger log = LoggerFactory.getLogger(DeliveryStatus.class);

	// airings that have aired stay in view this long, late ones above all
	private static final Duration PAST = Duration.ofDays(1);

	private final AiringBook airings;

	private final Deliverables files;

	private final DeliveryRepository deliveries;

	private final Manifests manifests;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, Map<DeliveryState, Long>> counts = new ConcurrentHashMap<>();

	DeliveryStatus(AiringBook airings, Deliverables files, DeliveryRepository deliveries, Manifests manifests,
			MeterRegistry meters, Clock clock) {
		this.airings = airings;
		this.files = files;
		this.deliveries = deliveries;
		this.manifests = manifests;
		this.meters = meters;
		this.clock = clock;
	}

	record Status(long airingId, String site, String program, Instant startsAt, Instant deadline,
			DeliveryState state, String file, Instant fetchedAt, Instant confirmedAt) {
	}

	/** An airing as seen now: its file if rendered, what its site did with it so far, and its state. */
	private record Seen(PlannedAiring airing, DeliverableFile file, Delivery delivery, Status status) {
	}

	/** Every state, as it is now: nothing is written. */
	@Transactional(readOnly = true)
	List<Status> all() {
		return seen(clock.instant()).stream().map(Seen::status).toList();
	}

	/**
	 * Records what the states say: a delivery of a file rendered again is unconfirmed, and an airing gone late is
	 * warned of once. Refreshes the gauges.
	 */
	@Transactional
	void refresh() {
		Instant now = clock.instant();
		List<Seen> seen = seen(now);
		for (Seen s : seen) {
			Delivery delivery = s.delivery();
			if (delivery != null && s.file() != null) {
				delivery.file(s.file().sha256());
			}
			boolean reported = delivery != null && delivery.getLateReportedAt() != null;
			if (s.status().state() == DeliveryState.LATE && !reported) {
				PlannedAiring airing = s.airing();
				log.warn("airing {} of {} at {} ({}) is late: its file is not confirmed on site, the deadline was {}",
						airing.id(), airing.program(), airing.site(), airing.startsAt(), s.status().deadline());
				if (delivery == null) {
					delivery = deliveries.save(new Delivery(airing.id(), airing.site(),
							s.file() == null ? "" : s.file().sha256()));
				}
				delivery.lateReported(now);
			}
		}
		count(seen.stream().map(Seen::status).toList());
	}

	private List<Seen> seen(Instant now) {
		List<PlannedAiring> planned = airings.startingAfter(now.minus(PAST));
		List<Long> ids = planned.stream().map(PlannedAiring::id).toList();
		Map<Long, DeliverableFile> rendered = files.ofAirings(ids);
		Map<Long, Delivery> done = deliveries.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(Delivery::getAiringId, Function.identity()));
		return planned.stream().map(airing -> {
			DeliverableFile file = rendered.get(airing.id());
			Delivery delivery = done.get(airing.id());
			// what the site did with a file rendered before counts no more
			boolean current = delivery != null && (file == null || file.sha256().equals(delivery.getSha256()));
			Instant fetchedAt = current ? delivery.getFetchedAt() : null;
			Instant confirmedAt = current ? delivery.getConfirmedAt() : null;
			Instant deadline = manifests.deadline(airing.startsAt());
			return new Seen(airing, file, delivery, new Status(airing.id(), airing.site(), airing.program(),
					airing.startsAt(), deadline, state(file, fetchedAt, confirmedAt, deadline, now),
					file == null ? null : file.name(), fetchedAt, confirmedAt));
		}).toList();
	}

	private static DeliveryState state(DeliverableFile file, Instant fetchedAt, Instant confirmedAt, Instant deadline,
			Instant now) {
		if (confirmedAt != null) {
			return DeliveryState.CONFIRMED;
		}
		if (now.isAfter(deadline)) {
			return DeliveryState.LATE;
		}
		if (file == null) {
			return DeliveryState.WAITING;
		}
		return fetchedAt != null ? DeliveryState.FETCHED : DeliveryState.READY;
	}

	private void count(List<Status> all) {
		Map<String, Map<DeliveryState, Long>> now = new TreeMap<>();
		for (Status status : all) {
			now.computeIfAbsent(status.site(), s -> new EnumMap<>(DeliveryState.class))
				.merge(status.state(), 1L, Long::sum);
		}
		for (String site : now.keySet()) {
			if (!counts.containsKey(site)) {
				for (DeliveryState state : DeliveryState.values()) {
					Gauge.builder("waveplan.deliveries", counts,
							c -> c.getOrDefault(site, Map.of()).getOrDefault(state, 0L))
						.description("airings of the last day and the coming horizon by delivery state")
						.tag("site", site)
						.tag("state", state.name().toLowerCase())
						.register(meters);
				}
			}
		}
		counts.keySet().retainAll(now.keySet());
		counts.putAll(now);
	}

}
