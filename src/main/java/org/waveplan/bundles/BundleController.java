package org.waveplan.bundles;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.shared.ByteRange;
import org.waveplan.shared.ProblemException;
import org.waveplan.shared.RangedFile;
import org.waveplan.shared.StoredObject;

/** Offline bundles: asked for, followed, downloaded (resumable, as site files are) and deleted. */
@RestController
class BundleController {

	private static final Logger log = LoggerFactory.getLogger(BundleController.class);

	private final BundleService bundles;

	private final BundleStore store;

	BundleController(BundleService bundles, BundleStore store) {
		this.bundles = bundles;
		this.store = store;
	}

	/**
	 * A bundle as the API shows it.
	 *
	 * @param progress the share of its episodes done, 0 to 1
	 * @param hours of audio
	 * @param reason why it failed, or why its last attempt failed while it waits for the next
	 * @param attempts how many times its build has started
	 * @param file where its ZIP is, once it is done
	 */
	record BundleView(long id, String name, String state, double progress, int episodes, BundleProfile profile,
			String names, String language, Long capacityBytes, double hours, Long sizeBytes, String sha256,
			String reason, int attempts, Instant createdAt, Instant updatedAt, String file) {

		static BundleView of(Bundle b) {
			return new BundleView(b.getId(), b.getName(), lower(b.getState()), b.getProgress(), b.episodeIds().size(),
					b.profile(), lower(b.getNames()), b.getLanguage(), b.getCapacityBytes(),
					Math.round(b.audio().toMillis() / 3_600_000.0 * 1000) / 1000.0, b.getSizeBytes(), b.getSha256(),
					b.getReason(), b.getAttempts(), b.getCreatedAt(), b.getUpdatedAt(),
					b.getState() == BundleState.DONE ? "/api/bundles/" + b.getId() + "/file" : null);
		}

		private static String lower(Enum<?> value) {
			return value.name().toLowerCase(Locale.ROOT);
		}

	}

	@PostMapping("/api/bundles")
	ResponseEntity<BundleView> create(@RequestBody BundleRequest request) {
		Bundle bundle = bundles.create(request);
		return ResponseEntity.accepted()
			.location(URI.create("/api/bundles/" + bundle.getId()))
			.body(BundleView.of(bundle));
	}

	@GetMapping("/api/bundles")
	List<BundleView> list() {
		return bundles.list().stream().map(BundleView::of).toList();
	}

	@GetMapping("/api/bundles/{id}")
	BundleView get(@PathVariable long id) {
		return BundleView.of(bundles.find(id));
	}

	@DeleteMapping("/api/bundles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		bundles.delete(id);
	}

	/** The length is announced from the record: a file missing or cut short is a 503 before any byte goes. */
	private static void stored(Bundle bundle, StoredObject zip) throws IOException {
		OptionalLong size = zip.size();
		if (size.isEmpty() || size.getAsLong() != bundle.getSizeBytes()) {
			log.error("the file of bundle {} is {} in storage: delete the bundle and ask for it again", bundle.getId(),
					size.isEmpty() ? "missing" : "cut short (" + size.getAsLong() + " bytes)");
			throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "file-unavailable", "File unavailable",
					"the file of bundle " + bundle.getId() + " is missing or damaged on the server");
		}
	}

	@RequestMapping(path = "/api/bundles/{id}/file", method = { RequestMethod.GET, RequestMethod.HEAD })
	void file(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Bundle bundle = bundles.find(id);
		if (bundle.getState() != BundleState.DONE) {
			throw new ProblemException(HttpStatus.CONFLICT, "bundle-not-ready", "Bundle not ready",
					"bundle " + id + " is " + bundle.getState().name().toLowerCase(Locale.ROOT) + ": it has no file yet")
				.with("state", bundle.getState().name().toLowerCase(Locale.ROOT));
		}
		StoredObject zip = store.object(bundle.getSha256());
		stored(bundle, zip);
		RangedFile ranged = new RangedFile(zip, bundle.getSizeBytes(), bundle.getSha256(), bundle.getUpdatedAt(),
				"application/zip");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable");
		// a name that says nothing of the service or when: the bundle's own hash
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"" + bundle.getSha256().substring(0, 16) + ".zip\"");
		if (ranged.notModified(request, response)) {
			return;
		}
		Optional<ByteRange> part = ranged.part(request, response);
		if (part.isEmpty() || request.getMethod().equals("HEAD")) {
			return;
		}
		ranged.send(part.get(), request, response);
	}

}
