package org.waveplan.delivery;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.shared.ProblemException;

/**
 * A site's signed manifest (the site's token, or an admin), and the keys that sign manifests: public to every
 * signed-in caller, rotated by admins.
 */
@RestController
class ManifestController {

	/** The header that carries the manifest's Ed25519 signature over the exact body bytes. */
	static final String SIGNATURE = "Waveplan-Signature";

	private final Manifests manifests;

	private final SigningKeys keys;

	ManifestController(Manifests manifests, SigningKeys keys) {
		this.manifests = manifests;
		this.keys = keys;
	}

	@GetMapping("/api/sites/{code}/manifest")
	ResponseEntity<byte[]> manifest(@PathVariable String code,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		Manifests.Signed manifest = manifests.of(code)
			.orElseThrow(() -> ProblemException.notFound("no site '" + code + "'"));
		boolean unchanged = ETags.noneMatchFails(ifNoneMatch, manifest.etag());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
			.eTag(manifest.etag())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header(SIGNATURE, manifest.signature().header());
		return unchanged ? response.build() : response.contentType(MediaType.APPLICATION_JSON).body(manifest.body());
	}

	/** The current key, which sites pin, and all keys made so far. */
	@GetMapping("/api/delivery/signing-key")
	Map<String, Object> signingKey() {
		return Map.of("current", keys.current(), "all", keys.all());
	}

	@PostMapping("/api/delivery/signing-key/rotate")
	SigningKeys.PublicKeyView rotate() throws IOException {
		return keys.rotate();
	}

}
