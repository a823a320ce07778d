package org.waveplan.pipeline;

import java.io.IOException;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waveplan.audio.AudioAnalysis;
import org.waveplan.audio.LoudnessMeter;
import org.waveplan.audio.UndecodableAudioException;
import org.waveplan.shared.ProblemException;
import org.waveplan.shared.StoredContent;

/**
 * A site's station ident, played before every program it airs (role ENGINEER). Setting or removing it redoes
 * the site's coming renders, done ones too: the ident is part of every file.
 */
@RestController
@RequestMapping("/api/sites/{code}/ident")
class StationIdentController {

	private final DeliveryProfileRepository profiles;

	private final StationIdents idents;

	private final LoudnessMeter meter;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	StationIdentController(DeliveryProfileRepository profiles, StationIdents idents, LoudnessMeter meter,
			ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.profiles = profiles;
		this.idents = idents;
		this.meter = meter;
		this.events = events;
		this.transaction = transaction;
	}

	/** Multipart {@code file}: any decodable audio that is not silent; answers its SHA-256 and loudness. */
	@PutMapping
	Map<String, Object> put(@PathVariable String code, @RequestParam("file") MultipartFile file) throws IOException {
		profile(code);
		StoredContent received;
		try (var in = file.getInputStream()) {
			received = idents.receive(in);
		}
		try {
			AudioAnalysis analysis = analyzed(received);
			StoredContent stored = idents.publish(received);
			set(code, stored.sha256());
			return Map.of("site", code, "sha256", stored.sha256(), "durationSeconds",
					analysis.info().duration().toMillis() / 1000.0, "loudness", analysis.loudness());
		}
		finally {
			idents.discard(received);
		}
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String code) {
		profile(code);
		set(code, null);
	}

	private void set(String code, String sha256) {
		transaction.executeWithoutResult(status -> {
			profile(code).ident(sha256);
			events.publishEvent(new ProfileChanged(code));
		});
	}

	private DeliveryProfile profile(String code) {
		return profiles.findBySite(code)
			.orElseThrow(() -> ProblemException.notFound("site '" + code + "' has no delivery profile: set it first"));
	}

	private AudioAnalysis analyzed(StoredContent received) {
		try {
			AudioAnalysis analysis = meter.analyze(received.path());
			if (analysis.loudness().silent()) {
				throw ProblemException.invalid("file", "the ident is silent");
			}
			return analysis;
		}
		catch (UndecodableAudioException ex) {
			throw ex.problem("the ident");
		}
	}

}
