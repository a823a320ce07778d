package org.waveplan.bundles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.audio.AudioRenderer;
import org.waveplan.audio.OutputSpec;
import org.waveplan.audio.RenderException;
import org.waveplan.audio.RenderOutcome;
import org.waveplan.audio.RenderRequest;
import org.waveplan.catalog.EpisodeShelf;
import org.waveplan.catalog.PlannedAiring;
import org.waveplan.catalog.ShelvedEpisode;
import org.waveplan.pipeline.RenditionShelf;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.SourceCache;
import org.waveplan.shared.Storage;

/**
 * Builds a bundle when its job fires: each episode rendered clean to the bundle's sound, or found rendered already
 * by its content address; then the ZIP written in the work directory, searched for the forbidden strings, and
 * published under its SHA-256. Progress is stored after each episode. A bundle deleted meanwhile stops the build at
 * the next episode, and a ZIP finished for it is not kept.
 */
@Service
class BundleBuilder {

	private static final Logger log = LoggerFactory.getLogger(BundleBuilder.class);

	private final BundleRepository bundles;

	private final EpisodeShelf episodes;

	private final RenditionShelf renditions;

	private final AudioRenderer renderer;

	private final Storage storage;

	private final BundleStore store;

	private final ForbiddenStrings forbidden;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final BundleProperties settings;

	private final BundleTriggers triggers;

	BundleBuilder(BundleRepository bundles, EpisodeShelf episodes, RenditionShelf renditions, AudioRenderer renderer,
			Storage storage, BundleStore store, BundleProperties settings, BundleTriggers triggers,
			PlatformTransactionManager transactions, Clock clock) {
		this.bundles = bundles;
		this.episodes = episodes;
		this.renditions = renditions;
		this.renderer = renderer;
		this.storage = storage;
		this.store = store;
		this.forbidden = new ForbiddenStrings(settings.forbiddenStrings());
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
		this.triggers = triggers;
	}

	/** Why a build failed, for the people who asked for it, and whether another attempt may pass. */
	static final class Failure extends RuntimeException {

		private final boolean mayPass;

		Failure(String reason) {
			this(reason, false);
		}

		Failure(String reason, boolean mayPass) {
			super(reason, null, false, false);
			this.mayPass = mayPass;
		}

	}

	/** Thrown when the bundle was deleted during its build: the build stops and keeps nothing. */
	private static final class Deleted extends RuntimeException {

		Deleted() {
			super(null, null, false, false);
		}

	}

	void build(long id) {
		Optional<Bundle> started = update(id, bundle -> bundle.start(clock.instant()), true);
		if (started.isEmpty()) {
			return;
		}
		Bundle bundle = started.get();
		Path zip = null;
		try {
			List<ShelvedEpisode> content = content(bundle);
			OutputSpec spec = bundle.output();
			List<RenditionShelf.Shelved> files = renditions(id, content, spec);
			zip = Files.createTempFile(store.workDir(), "bundle-" + id + "-", ".zip");
			BundleArchive.Written written = write(bundle, content, files, zip);
			List<ForbiddenStrings.Hit> hits = forbidden.scan(zip);
			if (!hits.isEmpty()) {
				throw new Failure("the bundle holds forbidden strings: "
						+ String.join("; ", hits.stream().map(ForbiddenStrings.Hit::describe).toList()));
			}
			store.publish(zip, written.sha256());
			if (update(id, b -> b.done(written.size(), written.sha256(), clock.instant()), false).isEmpty()) {
				discard(written.sha256());
				return;
			}
			log.info("bundle {} ({}) built: {} episode(s), {} bytes, SHA-256 {}", id, bundle.getName(), content.size(),
					written.size(), written.sha256());
		}
		catch (Deleted ex) {
			log.info("bundle {} was deleted during its build: stopped", id);
		}
		catch (Failure ex) {
			fail(id, ex.getMessage(), ex.mayPass);
		}
		catch (RenderException ex) {
			fail(id, ex.getMessage(), ex.retryable());
		}
		catch (IOException ex) {
			log.error("bundle {} could not be written", id, ex);
			fail(id, "it could not be written or stored: " + ex.getMessage(), true);
		}
		catch (RuntimeException ex) {
			log.error("bundle {} failed", id, ex);
			fail(id, "it failed for an unexpected reason (a defect in Waveplan: the service's log tells more)", false);
		}
		finally {
			AtomicFiles.discard(zip);
		}
	}

	/** The episodes, in the bundle's order; one deleted since it was asked for fails the build. */
	private List<ShelvedEpisode> content(Bundle bundle) {
		List<Long> ids = bundle.episodeIds();
		Map<Long, ShelvedEpisode> found = episodes.find(ids);
		List<Long> gone = ids.stream().filter(episodeId -> !found.containsKey(episodeId)).toList();
		if (!gone.isEmpty()) {
			throw new Failure("episodes deleted since the bundle was asked for: " + gone);
		}
		return ids.stream().map(found::get).toList();
	}

	/**
	 * The episodes' renditions, {@link BundleProperties#rendersAtOnce()} made at once, the progress stored as each is
	 * ready, in the bundle's order. A failure, or the bundle deleted, starts no more; those under way are waited for.
	 */
	private List<RenditionShelf.Shelved> renditions(long id, List<ShelvedEpisode> content, OutputSpec spec)
			throws IOException {
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.rendersAtOnce(), content.size()));
		try {
			List<Future<RenditionShelf.Shelved>> made = new ArrayList<>();
			for (ShelvedEpisode episode : content) {
				made.add(pool.submit(() -> rendition(episode, spec)));
			}
			List<RenditionShelf.Shelved> files = new ArrayList<>();
			for (int i = 0; i < content.size(); i++) {
				files.add(ready(made.get(i)));
				double share = (i + 1.0) / (content.size() + 1);
				update(id, b -> b.progress(share, clock.instant()), false).orElseThrow(Deleted::new);
			}
			return files;
		}
		finally {
			pool.shutdownNow();
			awaitEnd(pool);
		}
	}

	private static RenditionShelf.Shelved ready(Future<RenditionShelf.Shelved> rendition) throws IOException {
		try {
			return rendition.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Failure("the build was interrupted (the service stopped)", true);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Renders under way end on their own (an FFmpeg run is not left halfway); the build waits for them. */
	private static void awaitEnd(ExecutorService pool) {
		boolean interrupted = Thread.interrupted();
		while (true) {
			try {
				if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
					break;
				}
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** The episode's clean rendition to the spec: found by its content address, or made and stored. */
	private RenditionShelf.Shelved rendition(ShelvedEpisode episode, OutputSpec spec) throws IOException {
		PlannedAiring.Source source = episode.source();
		String key = renditions.key(source.sha256(), source.duration(), spec);
		Optional<RenditionShelf.Shelved> made = renditions.find(key);
		if (made.isPresent()) {
			return made.get();
		}
		RenderOutcome outcome;
		try (SourceCache.Lease original = storage.local(source.original())) {
			outcome = renderer.renderEach(new RenderRequest(original.path(), source.loudness(), source.duration(), null,
					source.duration(), List.of(spec)), renditions.workDir(), share -> {
					}).get(0);
		}
		if (!outcome.rendered()) {
			throw new Failure("episode " + episode.id() + " (" + episode.title() + "): " + outcome.failure().getMessage(),
					outcome.failure().retryable());
		}
		try {
			return renditions.put(key, outcome.file());
		}
		finally {
			AtomicFiles.discard(outcome.file().file());
		}
	}

	/** The ZIP: index page, playlist, the audio files, and their checksums. */
	private BundleArchive.Written write(Bundle bundle, List<ShelvedEpisode> content,
			List<RenditionShelf.Shelved> files, Path zip) throws IOException {
		List<String> names = bundle.getNames()
			.of(content.stream().map(ShelvedEpisode::title).toList(), bundle.output().codec().extension());
		List<SourceCache.Lease> leases = new ArrayList<>();
		try {
			List<BundleItem> items = new ArrayList<>();
			List<Path> audio = new ArrayList<>();
			for (int i = 0; i < content.size(); i++) {
				ShelvedEpisode episode = content.get(i);
				SourceCache.Lease lease = storage.local(files.get(i).content());
				leases.add(lease);
				items.add(new BundleItem(episode.programTitle(), episode.title(), episode.duration(), names.get(i)));
				audio.add(lease.path());
			}
			List<BundleEntry> entries = BundleContents.of(items, audio, bundle.getLanguage());
			return BundleArchive.write(entries, zip);
		}
		finally {
			leases.forEach(SourceCache.Lease::close);
		}
	}

	/**
	 * Changes the bundle in a transaction of its own; empty if it is gone (deleted, or deleted meanwhile).
	 * @param fromQueue only a queued or running bundle is started (a recovered job's bundle may run again)
	 */
	private Optional<Bundle> update(long id, Consumer<Bundle> change, boolean fromQueue) {
		try {
			return tx.execute(status -> bundles.findById(id)
				.filter(b -> !fromQueue || b.getState() == BundleState.QUEUED || b.getState() == BundleState.RUNNING)
				.map(b -> {
					change.accept(b);
					return bundles.saveAndFlush(b);
				}));
		}
		catch (OptimisticLockingFailureException deletedMeanwhile) {
			return Optional.empty();
		}
	}

	/**
	 * Fails the bundle, or, if another attempt may pass and it has attempts left, queues it again for one after the
	 * backoff, the reason kept with when.
	 */
	private void fail(long id, String reason, boolean mayPass) {
		Instant now = clock.instant();
		Optional<Bundle> bundle = bundles.findById(id);
		int attempts = bundle.map(Bundle::getAttempts).orElse(0);
		if (mayPass && attempts < settings.maxAttempts()) {
			Instant again = now.plus(settings.backoffAfter(attempts));
			String said = String.format(Locale.ROOT, "%s (attempt %d of %d; again at %s)", reason, attempts,
					settings.maxAttempts(), again);
			log.warn("bundle {}: {}", id, said);
			if (update(id, b -> b.retry(said, now), false).isPresent()) {
				triggers.retry(id, attempts + 1, again);
			}
			return;
		}
		String said = mayPass ? reason + " (after " + attempts + " attempts)" : reason;
		log.warn("bundle {} failed: {}", id, said);
		update(id, b -> b.fail(said, now), false);
	}

	/** Deletes a stored ZIP that no bundle holds any more. */
	void discard(String sha256) {
		try {
			if (!bundles.existsBySha256(sha256)) {
				store.delete(sha256);
			}
		}
		catch (IOException ex) {
			log.warn("cannot delete the bundle file {}: {}", sha256, ex.getMessage());
		}
	}

}
