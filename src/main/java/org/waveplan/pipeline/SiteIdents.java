package org.waveplan.pipeline;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.audio.AudioAnalysis;
import org.waveplan.audio.Loudness;
import org.waveplan.audio.LoudnessMeter;
import org.waveplan.audio.UndecodableAudioException;
import org.waveplan.shared.ProblemException;
import org.waveplan.shared.StoredContent;
import org.waveplan.shared.StoredObject;

/**
 * Sets and removes a site's station ident, whoever asks (the API, the site's page). Either redoes the site's coming
 * renders, done ones too: the ident is part of every file.
 */
@Service
class SiteIdents {

	private final DeliveryProfileRepository profiles;

	private final StationIdents idents;

	private final LoudnessMeter meter;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	SiteIdents(DeliveryProfileRepository profiles, StationIdents idents, LoudnessMeter meter,
			ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.profiles = profiles;
		this.idents = idents;
		this.meter = meter;
		this.events = events;
		this.transaction = transaction;
	}

	/** A site's new ident, as stored. */
	record Ident(String site, String sha256, double durationSeconds, Loudness loudness) {
	}

	/** Any decodable audio that is not silent; the site must have a delivery profile. */
	Ident put(String code, InputStream file) throws IOException {
		profile(code);
		StoredContent received = idents.receive(file);
		try {
			AudioAnalysis analysis = analyzed(received);
			StoredObject stored = idents.publish(received);
			set(code, stored.sha256());
			return new Ident(code, stored.sha256(), analysis.info().duration().toMillis() / 1000.0, analysis.loudness());
		}
		finally {
			idents.discard(received);
		}
	}

	void remove(String code) {
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
