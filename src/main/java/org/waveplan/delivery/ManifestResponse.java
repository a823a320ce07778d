package org.waveplan.delivery;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.waveplan.shared.ETags;

/** How a signed manifest goes out, the same on either way a request reaches it. */
final class ManifestResponse {

	private ManifestResponse() {
	}

	static void write(Manifests.Signed manifest, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader(HttpHeaders.ETAG, manifest.etag());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, private");
		response.setHeader(ManifestFormat.SIGNATURE_HEADER, manifest.signature().header());
		// what the security chain adds to every answer, so that both ways answer alike
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-XSS-Protection", "0");
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
		if (ETags.noneMatchFails(request.getHeader(HttpHeaders.IF_NONE_MATCH), manifest.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(manifest.body().length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(manifest.body());
		}
	}

}
