package org.waveplan.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.catalog.AiringBook;
import org.waveplan.catalog.AiringsChanged;
import org.waveplan.catalog.PlannedAiring;
import org.waveplan.delivery.ManifestFormat.Entry;
import org.waveplan.delivery.ManifestFormat.FileRef;
import org.waveplan.delivery.ManifestFormat.Manifest;
import org.waveplan.pipeline.DeliverableFile;
import org.waveplan.pipeline.Deliverables;
import org.waveplan.pipeline.RendersChanged;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.shared.Sha256;

/**
 * Makes a site's manifest: its airings within the horizon, each with its file once rendered, and the deadline
 * by which the file must be confirmed on site. The bytes are what is signed: a site checks the signature over
 * exactly the body it received.
 */
@Service
class Manifests {

	// with the time a manifest takes to make and send, another instance's change is served here within 5 s
	static final Duration FRESH = Duration.ofSeconds(4);

	private final AiringBook airings;

	private final Deliverables files;

	private final SiteManifestRepository versions;

	private final SigningKeys keys;

	private final SiteDirectory sites;

	private final DeliveryProperties settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final Map<String, Making> making = new ConcurrentHashMap<>();

	// counts the changes announced here: a manifest made before the last one is not to be served
	private final AtomicLong changes = new AtomicLong();

	private record Cached(Signed manifest, long generation, long madeAt) {

		boolean fresh() {
			return System.nanoTime() - madeAt < FRESH.toNanos();
		}

		static Cached later(Cached one, Cached other) {
			return other.generation >= one.generation ? other : one;
		}

	}

	/** A manifest being made, which the callers that come meanwhile wait for rather than make again. */
	private record Making(long generation, CompletableFuture<Optional<Signed>> result) {

		Optional<Signed> await() {
			try {
				return result.join();
			}
			catch (CompletionException e) {
				throw e.getCause() instanceof RuntimeException cause ? cause : e;
			}
		}

	}

	Manifests(AiringBook airings, Deliverables files, SiteManifestRepository versions, SigningKeys keys,
			DeliveryProperties settings, Clock clock, PlatformTransactionManager transactions,
			SiteDirectory sites) {
		this.sites = sites;
		this.airings = airings;
		this.files = files;
		this.versions = versions;
		this.keys = keys;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The manifest's bytes, signed, and its version. */
	record Signed(long version, byte[] body, String etag, SigningKeys.Signed signature) {
	}

	/**
	 * The site's manifest, from the cache while nothing it shows has changed: a site polls, hundreds of sites
	 * may poll at once, and the manifest changes seldom. Other instances' changes show within 5 s ({@link #FRESH}), and
	 * their key rotations within {@link SigningKeys#REFRESH}.
	 * One caller makes a missing or expired manifest; the others that come meanwhile go on with the expired
	 * one, or, after a change here, wait for the new one (and get its failure, if it fails).
	 */
	Optional<Signed> of(String site) {
		long generation = changes.get();
		Cached cached = cache.get(site);
		// signed by a key since rotated (on any instance): signed again at once
		boolean current = cached != null && cached.generation() == generation
				&& cached.manifest().signature().keyId().equals(keys.current().keyId());
		if (current && cached.fresh()) {
			return Optional.of(cached.manifest());
		}
		Making mine = new Making(generation, new CompletableFuture<>());
		Making running = making.compute(site, (s, m) -> m == null || m.generation() < generation ? mine : m);
		if (running != mine) {
			return current ? Optional.of(cached.manifest()) : running.await();
		}
		// its age counts from before it reads anything: a change committed meanwhile may be missing from it
		long madeAt = System.nanoTime();
		try {
			Optional<Signed> made = sites.exists(site) ? Optional.of(make(site)) : Optional.empty();
			made.ifPresent(m -> cache.merge(site, new Cached(m, generation, madeAt), Cached::later));
			mine.result().complete(made);
			return made;
		}
		catch (RuntimeException | Error e) {
			mine.result().completeExceptionally(e);
			throw e;
		}
		finally {
			making.remove(site, mine);
		}
	}

	// on the publishing thread once its transaction is over (at once without one): AFTER_COMPLETION, not
	// AFTER_COMMIT, so that no publication is stored for a cache in memory, which a restart empties anyway; a
	// rollback costs one remake
	@TransactionalEventListener(classes = { AiringsChanged.class, RendersChanged.class },
			phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
	void changed() {
		changes.incrementAndGet();
		cache.clear();
	}

	private Signed make(String site) {
		Instant now = clock.instant();
		// the airing on the air now stays listed, so that its file is not deleted on site while it plays
		List<PlannedAiring> planned = airings.onAirBetween(now, now.plus(settings.horizon()), site);
		Map<Long, DeliverableFile> rendered = files.ofAirings(planned.stream().map(PlannedAiring::id).toList());
		List<Entry> entries = planned.stream().map(a -> entry(a, rendered.get(a.id()))).toList();
		SiteManifest version = version(site, Sha256.hex(ManifestFormat.write(entries)), now);
		byte[] body = ManifestFormat.write(new Manifest(site, version.getVersion(), version.getIssuedAt(),
				version.getIssuedAt().plus(settings.manifestValidity()), entries));
		return new Signed(version.getVersion(), body, "\"" + Sha256.hex(body) + "\"", keys.sign(body));
	}

	Instant deadline(Instant startsAt) {
		return startsAt.minus(settings.onSiteBefore());
	}

	private Entry entry(PlannedAiring a, DeliverableFile file) {
		return new Entry(a.id(), a.startsAt(), a.stopsAt(), a.transmitter(), a.frequencyKhz(), a.program(),
				a.episode() == null ? null : a.episode().title(), deadline(a.startsAt()),
				file == null ? null : new FileRef(file.name(), file.sizeBytes(), file.sha256(),
						"/api/sites/" + a.site() + "/files/" + file.name()));
	}

	private SiteManifest version(String site, String contentSha256, Instant now) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> {
					// a site's first version comes after every version issued: after a restore from a dump older than it,
					// the site's agent holds one the database lost (deploy/backup)
					SiteManifest manifest = versions.lock(site)
						.orElseGet(() -> new SiteManifest(site, versions.highestVersion()));
					manifest.content(contentSha256, now, settings.manifestValidity());
					return versions.save(manifest);
				});
			}
			catch (DataIntegrityViolationException ex) {
				// the first manifest of the site, asked for twice at once: the row is there now
				if (attempt == 2) {
					throw ex;
				}
			}
		}
	}

}
