package org.waveplan.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.pipeline.DeliverableFile;
import org.waveplan.pipeline.Deliverables;
import org.waveplan.shared.ByteRange;
import org.waveplan.shared.ProblemException;
import org.waveplan.shared.RangedFile;
import org.waveplan.shared.StoreUnavailableException;

/**
 * A site's files, resumable ({@code Range}, {@code If-Range}), with their digest (RFC 9530) and strong ETag, and the
 * site's receipts. A file is found by its name among the site's rendered airings; its place in the store comes from
 * its key. Files on this machine's disk go out by sendfile; those in S3 are streamed through, ranges as ranged
 * GetObjects, or with {@code site-files=redirect} the site is sent to a short-lived pre-signed URL of the object
 * ({@link SiteFileRedirects}), to which it sends its range.
 */
@RestController
class SiteFileController {

	private static final Logger logger = LoggerFactory.getLogger(SiteFileController.class);

	private final Deliverables files;

	private final DeliveryLog log;

	private final SiteFileRedirects redirects;

	private final StreamedDownloads streams;

	SiteFileController(Deliverables files, DeliveryLog log, SiteFileRedirects redirects, StreamedDownloads streams) {
		this.files = files;
		this.log = log;
		this.redirects = redirects;
		this.streams = streams;
	}

	@RequestMapping(path = "/api/sites/{code}/files/{name}", method = { RequestMethod.GET, RequestMethod.HEAD })
	void file(@PathVariable String code, @PathVariable String name, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		DeliverableFile file = files.named(code, name)
			.orElseThrow(() -> ProblemException.notFound("site " + code + " has no file " + name));
		stored(file);
		RangedFile ranged = new RangedFile(file.content(), file.sizeBytes(), file.sha256(), file.createdAt(),
				contentType(name));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable");
		if (ranged.notModified(request, response)) {
			return;
		}
		boolean head = request.getMethod().equals("HEAD");
		Optional<URI> away = redirects.location(file, head);
		if (away.isPresent()) {
			// the URL is a credential for minutes: no cache may keep it, nor hand it out once it has expired
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader(HttpHeaders.LOCATION, away.get().toString());
			response.setStatus(HttpStatus.TEMPORARY_REDIRECT.value());
			if (!head) {
				// the bytes go by the store, out of sight: a site sent to them is as far as this instance can tell
				log.fetched(code, file);
			}
			return;
		}
		Optional<ByteRange> part = ranged.part(request, response);
		if (part.isEmpty() || head) {
			return;
		}
		try (StreamedDownloads.Place place = streams.take(file, response)) {
			if (part.get().last() == file.sizeBytes() - 1) {
				log.fetched(code, file);
			}
			ranged.send(part.get(), request, response);
		}
	}

	/**
	 * Checks that the rendition is stored whole before a byte of the answer goes: its length is announced from the
	 * record, and a site told 200 with that length but sent nothing would retry the same nothing forever.
	 */
	private static void stored(DeliverableFile file) {
		long size;
		try {
			OptionalLong stored = file.content().size();
			size = stored.isPresent() ? stored.getAsLong() : -1;
		}
		catch (StoreUnavailableException ex) {
			// the store's trouble, not the file's: nothing to render again
			logger.warn("cannot reach {}: {}", file.content(), ex.getMessage());
			throw ex.answer("ask again");
		}
		catch (IOException ex) {
			logger.warn("cannot reach {}: {}", file.content(), ex.getMessage());
			size = -1;
		}
		if (size != file.sizeBytes()) {
			logger.error("the rendition {} of airing {} is listed as done but {} in storage: render it again",
					file.name(), file.airingId(),
					size < 0 ? "is missing" : "has " + size + " bytes, not " + file.sizeBytes());
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "file-unavailable", "File unavailable",
					"the file " + file.name() + " cannot be served now: it is missing or damaged on the server;"
							+ " try later")
				.with("file", file.name())
				.retryAfter(Duration.ofMinutes(5));
		}
	}

	/** Receipt: the site holds the airing's file and its SHA-256 is right (409 if it is not). */
	@PostMapping("/api/sites/{code}/receipts")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void receipt(@PathVariable String code, @Valid @RequestBody Receipt receipt) {
		log.confirmed(code, receipt.airingId(), receipt.sha256());
	}

	record Receipt(@NotNull Long airingId, @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256) {
	}

	private static String contentType(String name) {
		return switch (name.substring(name.lastIndexOf('.') + 1)) {
			case "mp3" -> "audio/mpeg";
			case "m4a" -> "audio/mp4";
			case "ogg" -> "audio/ogg";
			case "flac" -> "audio/flac";
			case "wav" -> "audio/wav";
			default -> "application/octet-stream";
		};
	}

}
