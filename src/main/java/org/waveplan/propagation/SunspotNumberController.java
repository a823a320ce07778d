package org.waveplan.propagation;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The monthly smoothed sunspot numbers predictions take (role ENGINEER; producers may read). */
@RestController
@RequestMapping("/api/propagation/ssn")
class SunspotNumberController {

	private final SunspotNumbers numbers;

	SunspotNumberController(SunspotNumbers numbers) {
		this.numbers = numbers;
	}

	/** A month's number, 0-300 (kept to one decimal). */
	record SsnRequest(Double ssn) {
	}

	record SsnView(String month, double ssn, String setBy, Instant setAt) {

		static SsnView of(SunspotNumber number) {
			return new SsnView(number.month().toString(), number.ssn(), number.setBy(), number.setAt());
		}

	}

	/** The table, months in order. */
	@GetMapping
	List<SsnView> all() {
		return numbers.all().stream().map(SsnView::of).toList();
	}

	@GetMapping("/{month}")
	SsnView get(@PathVariable String month) {
		var yearMonth = SunspotNumbers.month(month);
		return SsnView.of(numbers.find(yearMonth).orElseThrow(() -> SunspotNumbers.notFound(yearMonth)));
	}

	/** Sets a month's number: 201 for a month that had none, 200 when it replaces one. */
	@PutMapping("/{month}")
	ResponseEntity<SsnView> put(@PathVariable String month, @RequestBody SsnRequest request, Authentication user) {
		var yearMonth = SunspotNumbers.month(month);
		SunspotNumbers.Stored stored = numbers.put(yearMonth, request.ssn(), user.getName());
		SsnView view = SsnView.of(stored.number());
		return stored.created() ? ResponseEntity.created(URI.create("/api/propagation/ssn/" + yearMonth)).body(view)
				: ResponseEntity.ok(view);
	}

	@DeleteMapping("/{month}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String month) {
		numbers.delete(SunspotNumbers.month(month));
	}

}
