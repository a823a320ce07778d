package org.waveplan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.audio.AudioAnalysis;
import org.waveplan.audio.AudioInfo;
import org.waveplan.audio.Loudness;
import org.waveplan.audio.LoudnessCurve;
import org.waveplan.audio.LoudnessMeter;
import org.waveplan.audio.UndecodableAudioException;
import org.waveplan.shared.ProblemException;
import org.waveplan.shared.StoredContent;

/**
 * Takes an episode in: streams it to disk, probes it, measures its loudness once, and stores the
 * original by its SHA-256. What is not decodable audio is refused and leaves nothing behind.
 */
@Service
class EpisodeIngest {

	private static final Logger log = LoggerFactory.getLogger(EpisodeIngest.class);

	/** The longest file name kept (the column's length). */
	static final int NAME_LENGTH = 255;

	private final ProgramService programs;

	private final EpisodeRepository episodes;

	private final OriginalStore store;

	private final LoudnessMeter meter;

	private final Clock clock;

	private final CatalogProperties settings;

	private final TransactionTemplate transaction;

	EpisodeIngest(ProgramService programs, EpisodeRepository episodes, OriginalStore store, LoudnessMeter meter,
			Clock clock, CatalogProperties settings, PlatformTransactionManager transactions) {
		this.programs = programs;
		this.episodes = episodes;
		this.store = store;
		this.meter = meter;
		this.clock = clock;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** @param shortTermLufs the short-term loudness at the end of each second; null if not measured at ingest */
	record EpisodeView(long id, String program, String title, String sha256, long sizeBytes, String originalName,
			AudioInfo audio, double durationSeconds, Loudness loudness, List<Double> shortTermLufs, Instant uploadedAt) {

		static EpisodeView of(Episode e) {
			LoudnessCurve curve = e.curve();
			return new EpisodeView(e.getId(), e.getProgram().getSlug(), e.getTitle(), e.getSha256(), e.getSizeBytes(),
					e.getOriginalName(), e.info(), e.duration().toMillis() / 1000.0, e.loudness(),
					curve == null ? null : IntStream.rangeClosed(1, curve.seconds()).mapToObj(curve::lufsAt).toList(),
					e.getUploadedAt());
		}

	}

	/**
	 * Not one transaction: decoding an hour of audio takes seconds, and storing it in S3 may take minutes; no
	 * database connection should wait on either. An upload refused at any step leaves no file behind; once accepted,
	 * the original is stored, then the episode saved in one short transaction. Should that fail, the stored original
	 * stays: addressed by its content, it harms nothing, and the same bytes may be another episode's.
	 */
	EpisodeView upload(String slug, String title, String originalName, InputStream content, Authentication user)
			throws IOException {
		Program program = programs.editable(slug, user);
		if (title == null || title.isBlank() || title.length() > 200) {
			throw ProblemException.invalid("title", "an episode needs a title of 1 to 200 characters");
		}
		String name = shortened(originalName);
		StoredContent received = store.receive(content);
		try {
			// the same bytes were measured before: no need to decode them again
			AudioAnalysis analysis = episodes.findFirstBySha256(received.sha256())
				.map(e -> new AudioAnalysis(e.info(), e.loudness(), e.curve()))
				.orElseGet(() -> analyzed(received));
			AudioInfo info = analysis.info();
			Loudness loudness = analysis.loudness();
			if (info.duration().compareTo(settings.shortestEpisode()) < 0) {
				throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "too-short", "Audio too short",
						"the upload holds " + info.duration().toMillis() / 1000.0 + " s of audio; an episode lasts at least "
								+ settings.shortestEpisode().toMillis() / 1000.0 + " s")
					.with("durationSeconds", info.duration().toMillis() / 1000.0)
					.with("shortestSeconds", settings.shortestEpisode().toMillis() / 1000.0);
			}
			try {
				store.publish(received);
			}
			catch (IOException e) {
				log.warn("cannot store the original of {} of {}", name, slug, e);
				throw new ProblemException(HttpStatus.INSUFFICIENT_STORAGE, "original-not-stored",
						"Cannot store the upload", "the original cannot be stored just now (" + e.getMessage()
								+ "); nothing of this upload was kept");
			}
			Episode episode = transaction.execute(status -> episodes.saveAndFlush(new Episode(program, title.trim(),
					received, name, info, loudness, analysis.curve(), clock.instant(), user.getName())));
			log.info("Episode {} of {}: {} ({}), {} s, {} LUFS", episode.getId(), slug, name, info.codec(),
					info.duration().toSeconds(), loudness.integratedLufs());
			return EpisodeView.of(episode);
		}
		finally {
			store.discard(received);
		}
	}

	/** A client's file name as kept: at most {@value #NAME_LENGTH} characters, its extension kept. */
	private static String shortened(String name) {
		if (name == null || name.length() <= NAME_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
		int cut = NAME_LENGTH - 1 - extension.length();
		if (Character.isHighSurrogate(name.charAt(cut - 1))) {
			cut--;
		}
		return name.substring(0, cut) + "\u2026" + extension;
	}

	@Transactional(readOnly = true)
	List<EpisodeView> list(String slug) {
		return episodes.findByProgramOrderById(programs.find(slug)).stream().map(EpisodeView::of).toList();
	}

	// probe and loudness in one decode
	private AudioAnalysis analyzed(StoredContent received) {
		try {
			return meter.analyze(received.path());
		}
		catch (UndecodableAudioException e) {
			throw e.problem("the upload");
		}
	}

}
