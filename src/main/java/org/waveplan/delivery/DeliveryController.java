package org.waveplan.delivery;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery states of the last day's and the coming airings (roles ENGINEER and PRODUCER). */
@RestController
class DeliveryController {

	private final DeliveryStatus status;

	DeliveryController(DeliveryStatus status) {
		this.status = status;
	}

	/** @param state {@code waiting}, {@code ready}, {@code fetched}, {@code confirmed} or {@code late} */
	@GetMapping("/api/deliveries")
	List<DeliveryStatus.Status> list(@RequestParam(required = false) String site,
			@RequestParam(required = false) DeliveryState state) {
		return status.all()
			.stream()
			.filter(s -> site == null || s.site().equals(site))
			.filter(s -> state == null || s.state() == state)
			.toList();
	}

}
