package org.waveplan.catalog;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.catalog.QueueService.EntryChange;
import org.waveplan.catalog.QueueService.EntryView;
import org.waveplan.catalog.QueueService.NewEntry;

/** A program's queue; every answer is the whole queue as it now stands. */
@RestController
@RequestMapping("/api/programs/{slug}/queue")
class QueueController {

	private final QueueService queue;

	QueueController(QueueService queue) {
		this.queue = queue;
	}

	@GetMapping
	List<EntryView> list(@PathVariable String slug) {
		return queue.list(slug);
	}

	@PostMapping
	List<EntryView> add(@PathVariable String slug, @Valid @RequestBody NewEntry entry, Authentication user) {
		return queue.add(slug, entry, user);
	}

	@PutMapping("/{entryId}")
	List<EntryView> change(@PathVariable String slug, @PathVariable long entryId, @Valid @RequestBody EntryChange change,
			Authentication user) {
		return queue.change(slug, entryId, change, user);
	}

	@DeleteMapping("/{entryId}")
	List<EntryView> remove(@PathVariable String slug, @PathVariable long entryId, Authentication user) {
		return queue.remove(slug, entryId, user);
	}

}
