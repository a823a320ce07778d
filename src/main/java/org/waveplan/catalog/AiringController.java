package org.waveplan.catalog;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.catalog.AiringListing.AiringView;

@RestController
@RequestMapping("/api/airings")
class AiringController {

	private final AiringListing listing;

	private final AiringPlanner planner;

	AiringController(AiringListing listing, AiringPlanner planner) {
		this.listing = listing;
		this.planner = planner;
	}

	/** Airings on the air between the dates (default: today to the end of the planning horizon). */
	@GetMapping
	List<AiringView> list(@RequestParam(required = false) String site, @RequestParam(required = false) String program,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return listing.list(site, program, from, to);
	}

	/** Plans now, as the hourly job does; answers what it did. */
	@PostMapping("/plan")
	AiringPlanner.Report plan() {
		return planner.plan();
	}

}
