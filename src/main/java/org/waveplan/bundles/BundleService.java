package org.waveplan.bundles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.waveplan.catalog.EpisodeShelf;
import org.waveplan.catalog.ShelvedEpisode;
import org.waveplan.shared.ProblemException;

/**
 * Bundles asked for, listed and deleted. A request is checked whole before anything is stored: a bundle that could
 * not be built as asked is refused with what was wrong, and no row or job is made.
 */
@Service
class BundleService {

	private static final Logger log = LoggerFactory.getLogger(BundleService.class);

	private final BundleRepository bundles;

	private final EpisodeShelf shelf;

	private final BundleTriggers triggers;

	private final BundleFit fit;

	private final BundleBuilder builder;

	private final Clock clock;

	BundleService(BundleRepository bundles, EpisodeShelf shelf, BundleTriggers triggers, BundleFit fit,
			BundleBuilder builder, Clock clock) {
		this.bundles = bundles;
		this.shelf = shelf;
		this.triggers = triggers;
		this.fit = fit;
		this.builder = builder;
		this.clock = clock;
	}

	/** Stores the bundle and its job together: it is built as soon as a Quartz thread is free. */
	@Transactional
	Bundle create(BundleRequest request) {
		BundlePlan plan = fit.fit(plan(request));
		Bundle bundle = bundles.save(new Bundle(plan, clock.instant()));
		triggers.scheduleIfAbsent(bundle.getId(), clock.instant());
		return bundle;
	}

	/** The request checked and resolved, before its capacity is considered. */
	BundlePlan plan(BundleRequest request) {
		if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
			throw ProblemException.invalid("name", "a name of 1 to 200 characters is needed");
		}
		FileNames names = choice("names", request.names(), FileNames.NEUTRAL);
		String language = request.language() == null ? "ko" : request.language();
		if (!language.equals("ko") && !language.equals("en")) {
			throw ProblemException.invalid("language", "'" + language + "' is not a language of the index page: ko or en");
		}
		BundleProfile profile = ProfileCheck.of(request.profile());
		Fit fit = choice("fit", request.fit(), Fit.REFUSE);
		return new BundlePlan(request.name().strip(), episodes(request), profile, names, language,
				capacity(request.capacity()), fit);
	}

	private static Long capacity(String text) {
		if (text == null) {
			return null;
		}
		try {
			return CardCapacity.parse(text).nominalBytes();
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("capacity", ex.getMessage());
		}
	}

	private List<ShelvedEpisode> episodes(BundleRequest request) {
		boolean byIds = request.episodes() != null;
		boolean byPrograms = request.programs() != null;
		if (byIds == byPrograms) {
			throw ProblemException.invalid("episodes", "give either episodes (ids) or programs with from and to");
		}
		List<ShelvedEpisode> found;
		if (byIds) {
			List<Long> ids = List.copyOf(new LinkedHashSet<>(request.episodes()));
			if (ids.isEmpty()) {
				throw ProblemException.invalid("episodes", "the selection is empty");
			}
			Map<Long, ShelvedEpisode> known = shelf.find(ids);
			List<Long> unknown = ids.stream().filter(id -> !known.containsKey(id)).toList();
			if (!unknown.isEmpty()) {
				throw ProblemException.invalid("episodes", "no such episodes: " + unknown).with("unknownEpisodes", unknown);
			}
			found = ids.stream().map(known::get).toList();
		}
		else {
			if (request.programs().isEmpty()) {
				throw ProblemException.invalid("programs", "the selection is empty");
			}
			if (request.from() == null || request.to() == null) {
				throw ProblemException.invalid(request.from() == null ? "from" : "to",
						"a date range is needed with programs");
			}
			if (request.from().isAfter(request.to())) {
				throw ProblemException.invalid("from", "is after to (" + request.from() + " > " + request.to() + ")");
			}
			Set<String> unknown = shelf.unknownPrograms(request.programs());
			if (!unknown.isEmpty()) {
				throw ProblemException.invalid("programs", "no such programs: " + unknown)
					.with("unknownPrograms", List.copyOf(unknown));
			}
			found = shelf.airedBetween(request.programs(), request.from(), request.to());
			if (found.isEmpty()) {
				throw ProblemException.invalid("programs", "the programs air no episode from " + request.from() + " to "
						+ request.to() + ": the selection is empty");
			}
		}
		return found;
	}

	private static <E extends Enum<E>> E choice(String field, String value, E fallback) {
		if (value == null) {
			return fallback;
		}
		for (E option : fallback.getDeclaringClass().getEnumConstants()) {
			if (option.name().equalsIgnoreCase(value)) {
				return option;
			}
		}
		List<String> options = new ArrayList<>();
		for (E option : fallback.getDeclaringClass().getEnumConstants()) {
			options.add(option.name().toLowerCase(Locale.ROOT));
		}
		throw ProblemException.invalid(field, ProblemException.unreadable(value) + ": one of " + options);
	}

	@Transactional(readOnly = true)
	List<Bundle> list() {
		return bundles.findAllByOrderByIdDesc();
	}

	@Transactional(readOnly = true)
	Bundle find(long id) {
		return bundles.findById(id).orElseThrow(() -> ProblemException.notFound("no bundle " + id));
	}

	/**
	 * Removes the bundle and its job; its file goes once the removal has committed, unless another bundle holds the
	 * same bytes. A build under way stops at its next episode and keeps nothing.
	 */
	@Transactional
	void delete(long id) {
		Bundle bundle = find(id);
		bundles.delete(bundle);
		bundles.flush();
		String sha256 = bundle.getSha256();
		// the job goes after the commit: Quartz's locks are not taken while this transaction holds the bundle's row,
		// which a running build updates (a build that finds its bundle gone stops by itself)
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				try {
					triggers.unschedule(id);
				}
				catch (IllegalStateException ex) {
					log.warn("bundle {} is deleted but its job stays until it runs and finds it gone: {}", id,
							ex.getMessage());
				}
				if (sha256 != null) {
					builder.discard(sha256);
				}
			}

		});
		log.info("bundle {} ({}) deleted", id, bundle.getName());
	}

}
