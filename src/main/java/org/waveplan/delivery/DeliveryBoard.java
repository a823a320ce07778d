package org.waveplan.delivery;

import java.util.List;

import org.springframework.stereotype.Service;

/** Delivery states, read-only, for the modules above delivery (the web UI's dashboard). */
@Service
public class DeliveryBoard {

	private final DeliveryStatus status;

	DeliveryBoard(DeliveryStatus status) {
		this.status = status;
	}

	/**
	 * An airing's delivery state, as {@code GET /api/deliveries} gives it.
	 *
	 * @param state {@code waiting}, {@code ready}, {@code fetched}, {@code confirmed} or {@code late}
	 */
	public record AiringDelivery(long airingId, String site, String state) {

		public boolean late() {
			return "late".equals(state);
		}

	}

	/** The airings of the last day and the horizon. */
	public List<AiringDelivery> all() {
		return status.all()
			.stream()
			.map(s -> new AiringDelivery(s.airingId(), s.site(), s.state().name().toLowerCase()))
			.toList();
	}

}
