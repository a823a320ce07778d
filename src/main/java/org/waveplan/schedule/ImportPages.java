package org.waveplan.schedule;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.waveplan.schedule.ScheduleImporter.Format;
import org.waveplan.schedule.ScheduleImporter.Scope;
import org.waveplan.shared.Choices;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/**
 * Schedule files through the pages: an import takes the options of {@code POST /api/schedules/import} and shows its
 * summary, or the lines it refused; the exports are the API's, under a page path that the session reaches.
 */
@Controller
class ImportPages {

	private static final String VIEW = "schedule/imports";

	private final ScheduleImporter importer;

	private final ScheduleExporter exporter;

	private final Clock clock;

	ImportPages(ScheduleImporter importer, ScheduleExporter exporter, Clock clock) {
		this.importer = importer;
		this.exporter = exporter;
		this.clock = clock;
	}

	@GetMapping("/imports")
	String form(Model model) {
		return form(model, "hfcc", "external", "", false, false);
	}

	@PostMapping("/imports")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String format,
			@RequestParam(defaultValue = "own") String scope, @RequestParam(required = false) String season,
			@RequestParam(defaultValue = "false") boolean lenient,
			@RequestParam(defaultValue = "false") boolean allowOutOfBand, HttpServletResponse response, Model model)
			throws IOException {
		form(model, format, scope, season, lenient, allowOutOfBand);
		try {
			FieldErrors errors = new FieldErrors();
			Format asFormat = choice(errors, "format", Format.class, format);
			Scope asScope = choice(errors, "scope", Scope.class, scope);
			if (file == null || file.isEmpty()) {
				errors.add("file", "choose the schedule file to import");
			}
			errors.throwIfAny();
			Season inSeason = ScheduleFileController.season(season, clock);
			try (Reader in = new InputStreamReader(file.getInputStream(), asFormat.charset())) {
				model.addAttribute("result", importer.importFile(asFormat, asScope, inSeason, lenient, allowOutOfBand, in));
			}
			model.addAttribute("fileName", file.getOriginalFilename());
			return VIEW;
		}
		catch (ProblemException e) {
			return FormProblem.show(e, model, response, VIEW);
		}
	}

	/** The same file as {@code GET /api/schedules/export}, as a download. */
	@GetMapping("/imports/export")
	ResponseEntity<String> export(@RequestParam String format, @RequestParam(required = false) String season) {
		FieldErrors errors = new FieldErrors();
		Format asFormat = choice(errors, "format", Format.class, format);
		errors.throwIfAny();
		return exporter.export(asFormat, ScheduleFileController.season(season, clock)).download();
	}

	private String form(Model model, String format, String scope, String season, boolean lenient,
			boolean allowOutOfBand) {
		model.addAttribute("format", format.toLowerCase(Locale.ROOT));
		model.addAttribute("scope", scope.toLowerCase(Locale.ROOT));
		model.addAttribute("season", season);
		model.addAttribute("lenient", lenient);
		model.addAttribute("allowOutOfBand", allowOutOfBand);
		model.addAttribute("currentSeason", Season.containing(LocalDate.now(clock)).name());
		return VIEW;
	}

	private static <E extends Enum<E>> E choice(FieldErrors errors, String field, Class<E> type, String value) {
		Optional<E> chosen = Choices.named(type, value);
		if (chosen.isEmpty()) {
			errors.add(field, Choices.noneOf(type, value));
		}
		return chosen.orElse(null);
	}

}
