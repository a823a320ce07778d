package org.waveplan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.waveplan.catalog.EpisodeIngest.EpisodeView;
import org.waveplan.catalog.QueueService.EntryChange;
import org.waveplan.catalog.QueueService.EntryView;
import org.waveplan.catalog.QueueService.NewEntry;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * The programs' pages: a program's episodes with their loudness, the upload, the queue and the coming airings.
 * Every change goes through the services the API calls; a refused one draws the page again with the API's problem
 * beside the form that was sent. Done, a form answers a redirect to the page (post, redirect, get).
 */
@Controller
@RequestMapping("/programs")
class ProgramPages {

	private static final String PAGE = "catalog/program";

	private final ProgramService programs;

	private final EpisodeIngest ingest;

	private final QueueService queue;

	private final AiringListing airings;

	ProgramPages(ProgramService programs, EpisodeIngest ingest, QueueService queue, AiringListing airings) {
		this.programs = programs;
		this.ingest = ingest;
		this.queue = queue;
		this.airings = airings;
	}

	/** An episode as the page shows it: its picture null when it has no curve. */
	record EpisodeRow(EpisodeView episode, LoudnessPicture picture) {
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("programs", programs.all());
		return "catalog/programs";
	}

	@GetMapping("/{slug}")
	String page(@PathVariable String slug, @RequestParam(required = false) Long added, Model model) {
		model.addAttribute("program", programs.view(slug));
		model.addAttribute("episodes",
				ingest.list(slug).stream().map(e -> new EpisodeRow(e, LoudnessPicture.of(e.shortTermLufs()))).toList());
		model.addAttribute("queue", queue.list(slug));
		model.addAttribute("airings", airings.list(null, slug, null, null));
		model.addAttribute("added", added);
		model.addAttribute("targetLufs", LoudnessPicture.TARGET_LUFS);
		return PAGE;
	}

	/**
	 * The same upload as the API's, through the same gate and limits; upload.js sends it with a progress bar and
	 * shows the page's answer, a plain form works without it.
	 */
	@PostMapping("/{slug}/episodes")
	String upload(@PathVariable String slug, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String title, Authentication user, Model model,
			HttpServletResponse response) throws IOException {
		try {
			if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
					|| file.getOriginalFilename().isEmpty())) {
				throw ProblemException.invalid("file", "choose the episode's audio file");
			}
			EpisodeView episode;
			try (InputStream content = file.getInputStream()) {
				episode = ingest.upload(slug, title, file.getOriginalFilename(), content, user);
			}
			return "redirect:/programs/" + slug + "?added=" + episode.id() + "#episode-" + episode.id();
		}
		catch (ProblemException e) {
			model.addAttribute("episodeTitle", title);
			return refused(e, "upload", slug, model, response);
		}
	}

	@PostMapping("/{slug}/queue")
	String enqueue(@PathVariable String slug, @Valid NewEntry entry, BindingResult binding, Authentication user,
			Model model, HttpServletResponse response) {
		return change(slug, model, response, () -> {
			if (binding.hasErrors()) {
				throw FormProblem.of(binding);
			}
			queue.add(slug, entry, user);
		});
	}

	/** Up, down or, by dragging (queue.js), to any place (none keeps it): the entry keeps its pin. */
	@PostMapping("/{slug}/queue/{entryId}/position")
	String move(@PathVariable String slug, @PathVariable long entryId, @RequestParam(required = false) Integer position,
			Authentication user, Model model, HttpServletResponse response) {
		Integer place = position == null ? null : Math.max(1, position);
		return change(slug, model, response,
				() -> queue.change(slug, entryId, new EntryChange(place, pin(slug, entryId)), user));
	}

	/** An empty date unpins. */
	@PostMapping("/{slug}/queue/{entryId}/pin")
	String pin(@PathVariable String slug, @PathVariable long entryId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate pinnedDate,
			Authentication user, Model model, HttpServletResponse response) {
		return change(slug, model, response, () -> queue.change(slug, entryId, new EntryChange(null, pinnedDate), user));
	}

	@PostMapping("/{slug}/queue/{entryId}/remove")
	String remove(@PathVariable String slug, @PathVariable long entryId, Authentication user, Model model,
			HttpServletResponse response) {
		return change(slug, model, response, () -> queue.remove(slug, entryId, user));
	}

	private String change(String slug, Model model, HttpServletResponse response, Runnable change) {
		try {
			change.run();
			return "redirect:/programs/" + slug + "#queue";
		}
		catch (ProblemException e) {
			return refused(e, "queue", slug, model, response);
		}
	}

	private LocalDate pin(String slug, long entryId) {
		return queue.list(slug).stream().filter(e -> e.id() == entryId).findFirst().map(EntryView::pinnedDate).orElse(null);
	}

	/** The page again, the problem beside the form that was sent; a program that does not exist is a 404 page. */
	private String refused(ProblemException e, String form, String slug, Model model, HttpServletResponse response) {
		page(slug, null, model);
		model.addAttribute("form", form);
		return FormProblem.show(e, model, response, PAGE);
	}

}
