package org.waveplan.pipeline;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A site's station ident, played before every program it airs (role ENGINEER). */
@RestController
@RequestMapping("/api/sites/{code}/ident")
class StationIdentController {

	private final SiteIdents idents;

	StationIdentController(SiteIdents idents) {
		this.idents = idents;
	}

	/** Multipart {@code file}: any decodable audio that is not silent; answers its SHA-256 and loudness. */
	@PutMapping
	Map<String, Object> put(@PathVariable String code, @RequestParam("file") MultipartFile file) throws IOException {
		SiteIdents.Ident ident;
		try (var in = file.getInputStream()) {
			ident = idents.put(code, in);
		}
		return Map.of("site", code, "sha256", ident.sha256(), "durationSeconds", ident.durationSeconds(), "loudness",
				ident.loudness());
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String code) {
		idents.remove(code);
	}

}
