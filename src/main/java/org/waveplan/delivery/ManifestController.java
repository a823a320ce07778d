package org.waveplan.delivery;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.security.SiteCredentials;
import org.waveplan.shared.ProblemException;

/**
 * A site's signed manifest (the site's token, or an admin), and the keys that sign manifests: public to every
 * signed-in caller, rotated by admins.
 */
@RestController
class ManifestController {

	private final Manifests manifests;

	private final SigningKeys keys;

	private final SiteCredentials sites;

	private final AgentPollLog polls;

	ManifestController(Manifests manifests, SigningKeys keys, SiteCredentials sites, AgentPollLog polls) {
		this.manifests = manifests;
		this.keys = keys;
		this.sites = sites;
		this.polls = polls;
	}

	/**
	 * Admins' way to a manifest; a site's own agent is answered by {@link ManifestFastPath}, and here only when
	 * that left it to this way. Only the site's own token polling counts as its agent's poll.
	 */
	@GetMapping(ManifestFastPath.PATTERN)
	void manifest(@PathVariable String code, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Manifests.Signed manifest = manifests.of(code)
			.orElseThrow(() -> ProblemException.notFound("no site '" + code + "'"));
		if (sites.siteOf(request).filter(code::equals).isPresent()) {
			polls.polled(request, code, manifest);
		}
		ManifestResponse.write(manifest, request, response);
	}

	/** The current key, which sites pin, and all keys made so far. */
	@GetMapping("/api/delivery/signing-key")
	Map<String, Object> signingKey() {
		return Map.of("current", keys.current(), "all", keys.all());
	}

	@PostMapping("/api/delivery/signing-key/rotate")
	SigningKeys.PublicKeyView rotate() {
		return keys.rotate();
	}

}
