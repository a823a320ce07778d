package org.waveplan.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.schedule.ScheduleImporter.Format;
import org.waveplan.schedule.ScheduleImporter.Scope;
import org.waveplan.shared.ProblemException;

/**
 * Schedule files in and out. The body of an import is the file itself; HFCC and EiBi files are
 * Latin-1 as published, Waveplan files UTF-8.
 */
@RestController
@RequestMapping("/api/schedules")
class ScheduleFileController {

	private final ScheduleImporter importer;

	private final ScheduleExporter exporter;

	private final Clock clock;

	ScheduleFileController(ScheduleImporter importer, ScheduleExporter exporter, Clock clock) {
		this.importer = importer;
		this.clock = clock;
		this.exporter = exporter;
	}

	@PostMapping("/import")
	ScheduleImporter.Result importFile(@RequestParam Format format, @RequestParam(defaultValue = "own") Scope scope,
			@RequestParam(required = false) String season, @RequestParam(defaultValue = "false") boolean lenient,
			@RequestParam(defaultValue = "false") boolean allowOutOfBand, HttpServletRequest request) throws IOException {
		try (Reader in = new InputStreamReader(body(request), format.charset())) {
			return importer.importFile(format, scope, season(season, clock), lenient, allowOutOfBand, in);
		}
	}

	@GetMapping("/export")
	ResponseEntity<String> export(@RequestParam Format format, @RequestParam(required = false) String season) {
		return exporter.export(format, season(season, clock)).download();
	}

	/** The file: a multipart part named {@code file}, or the whole body (text/plain, octet-stream). */
	private static InputStream body(HttpServletRequest request) throws IOException {
		MediaType type = request.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
				: MediaType.parseMediaType(request.getContentType());
		if (MediaType.MULTIPART_FORM_DATA.includes(type)) {
			try {
				Part file = request.getPart("file");
				if (file == null) {
					throw ProblemException.invalid("file", "a multipart upload needs the schedule in a part named 'file'");
				}
				return file.getInputStream();
			}
			catch (ServletException e) {
				throw ProblemException.invalid("file", "the multipart upload cannot be read");
			}
		}
		if (MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
			// a form body is parsed into parameters and lost: curl --data-binary sends this unless told otherwise
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"Unsupported media type", "send the schedule file as text/plain or application/octet-stream "
							+ "(curl: -H 'Content-Type: text/plain'), or as a multipart part named 'file'");
		}
		return request.getInputStream();
	}

	/** The season named, or the one in force today. */
	static Season season(String name, Clock clock) {
		if (name == null || name.isBlank()) {
			return Season.containing(LocalDate.now(clock));
		}
		try {
			return Season.parse(name);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("season", e.getMessage());
		}
	}

}
