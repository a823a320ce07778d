package org.waveplan.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/slots")
class SlotController {

	private final SlotService slots;

	private final Clock clock;

	SlotController(SlotService slots, Clock clock) {
		this.slots = slots;
		this.clock = clock;
	}

	/** Stores the slot unless it has a hard conflict (409); collisions come back with it. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SlotView create(@Valid @RequestBody SlotRequest request) {
		return slots.create(request);
	}

	/**
	 * Checks a slot as {@link #create} does, hard conflicts answered alike, and stores nothing: the
	 * answer it would give, less the id.
	 */
	@PostMapping("/check")
	SlotView check(@Valid @RequestBody SlotRequest request) {
		return slots.check(request);
	}

	/** Slots with airings in the period (default: the season in force today), optionally of one site. */
	@GetMapping
	List<SlotView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String site) {
		Period period = Period.of(from, to, clock);
		return slots.list(period.from(), period.to(), site);
	}

	@GetMapping("/{id}")
	SlotView get(@PathVariable long id) {
		return slots.get(id);
	}

	@PutMapping("/{id}")
	SlotView update(@PathVariable long id, @Valid @RequestBody SlotRequest request) {
		return slots.update(id, request);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		slots.delete(id);
	}

}
