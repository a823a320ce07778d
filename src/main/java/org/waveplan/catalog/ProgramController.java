package org.waveplan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waveplan.catalog.EpisodeIngest.EpisodeView;
import org.waveplan.catalog.ProgramService.ProgramRequest;
import org.waveplan.catalog.ProgramService.ProgramView;

@RestController
@RequestMapping("/api/programs")
class ProgramController {

	private final ProgramService programs;

	private final EpisodeIngest ingest;

	ProgramController(ProgramService programs, EpisodeIngest ingest) {
		this.programs = programs;
		this.ingest = ingest;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProgramView create(@Valid @RequestBody ProgramRequest request, Authentication user) {
		return programs.create(request, user);
	}

	@GetMapping
	List<ProgramView> all() {
		return programs.all();
	}

	@GetMapping("/{slug}")
	ProgramView get(@PathVariable String slug) {
		return programs.view(slug);
	}

	@PutMapping("/{slug}")
	ProgramView update(@PathVariable String slug, @Valid @RequestBody ProgramRequest request, Authentication user) {
		return programs.update(slug, request, user);
	}

	/** Multipart {@code file} and {@code title}; the file is on disk before this runs, never in memory. */
	@PostMapping("/{slug}/episodes")
	@ResponseStatus(HttpStatus.CREATED)
	EpisodeView upload(@PathVariable String slug, @RequestPart("file") MultipartFile file,
			@RequestParam String title, Authentication user) throws IOException {
		try (InputStream content = file.getInputStream()) {
			return ingest.upload(slug, title, file.getOriginalFilename(), content, user);
		}
	}

	@GetMapping("/{slug}/episodes")
	List<EpisodeView> episodes(@PathVariable String slug) {
		return ingest.list(slug);
	}

}
