package org.waveplan.bundles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.waveplan.audio.Codec;
import org.waveplan.catalog.ShelvedEpisode;
import org.waveplan.shared.ProblemException;

/**
 * A bundle against its medium's capacity, before anything is encoded (the lengths are the catalog's): it fits as
 * asked, or with {@code fit: bitrate} at a lower bitrate down to 24 kb/s, or it is refused with how much is over and
 * how many of its episodes would fit. The audio files' sizes are reckoned high ({@link CardCapacity#estimatedSize}),
 * the text files' are their own.
 */
@Component
class BundleFit {

	/** The SHA-256 in hex, two spaces and a line end of each line of SHA256SUMS, beside the file's name. */
	private static final int SUMS_LINE = 64 + 2 + 1;

	/** The plan as it will be built: as asked, or at the bitrate that fits. */
	BundlePlan fit(BundlePlan plan) {
		if (plan.capacityBytes() == null) {
			return plan;
		}
		CardCapacity card = new CardCapacity(plan.capacityBytes());
		BundleProfile profile = plan.profile();
		boolean lowerBitrate = plan.fit() == Fit.BITRATE;
		if (lowerBitrate && !profile.codec().lossy()) {
			throw ProblemException.invalid("fit", profile.codec() + " has no bitrate to lower: fit must be refuse");
		}
		List<String> paths = paths(plan);
		List<Duration> lengths = plan.episodes().stream().map(ShelvedEpisode::duration).toList();
		List<CardCapacity.CardFile> others = others(plan, paths);
		int floor = lowerBitrate ? CardCapacity.FIT_BITRATES[CardCapacity.FIT_BITRATES.length - 1] : profile.bitrateKbps();
		int shortest = lengths.indexOf(lengths.stream().min(Comparator.naturalOrder()).orElseThrow());
		if (!card.fit(with(others, List.of(audio(paths.get(shortest), profile, floor, lengths.get(shortest))))).fits()) {
			throw ProblemException.invalid("capacity", "a card of " + card + " cannot hold even one episode of the"
					+ " bundle (the shortest lasts " + lengths.get(shortest).toSeconds() + " s)");
		}
		if (lowerBitrate) {
			OptionalInt kbps = card.bitrateThatFits(profile.bitrateKbps(), others, paths, lengths);
			if (kbps.isPresent()) {
				BundleProfile fitted = profile.withBitrate(kbps.getAsInt());
				ProfileCheck.check(fitted);
				return plan.with(fitted);
			}
		}
		else if (card.fit(with(others, audio(paths, profile, profile.bitrateKbps(), lengths))).fits()) {
			return plan;
		}
		List<CardCapacity.CardFile> atFloor = audio(paths, profile, floor, lengths);
		CardCapacity.Fit whole = card.fit(with(others, atFloor));
		int thatFit = card.fittingPrefix(others, atFloor);
		throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "bundle-does-not-fit", "Bundle does not fit",
				String.format("the bundle needs %d bytes on a card of %s, which has %d: %d bytes over; the first %d of"
						+ " its %d episodes would fit%s", whole.needed(), card, whole.available(), whole.over(), thatFit,
						paths.size(), lowerBitrate ? " at " + floor + " kb/s" : ""))
			.with("field", "capacity")
			.with("neededBytes", whole.needed())
			.with("availableBytes", whole.available())
			.with("over", whole.over())
			.with("episodesThatFit", thatFit)
			.with("bitrateKbps", floor);
	}

	private static List<String> paths(BundlePlan plan) {
		return plan.names()
			.of(plan.episodes().stream().map(ShelvedEpisode::title).toList(), plan.profile().codec().extension());
	}

	/** The index page and playlist as they will be, and the checksums' size. */
	private static List<CardCapacity.CardFile> others(BundlePlan plan, List<String> paths) {
		List<BundleItem> items = new ArrayList<>();
		for (int i = 0; i < paths.size(); i++) {
			ShelvedEpisode episode = plan.episodes().get(i);
			items.add(new BundleItem(episode.programTitle(), episode.title(), episode.duration(), paths.get(i)));
		}
		long sums = SUMS_LINE * 2L + IndexPage.NAME.length() + Playlist.NAME.length();
		for (String path : paths) {
			sums += SUMS_LINE + path.getBytes(StandardCharsets.UTF_8).length;
		}
		return List.of(new CardCapacity.CardFile(IndexPage.NAME, IndexPage.of(items, plan.language()).length),
				new CardCapacity.CardFile(Playlist.NAME, Playlist.of(items).length),
				new CardCapacity.CardFile(Checksums.NAME, sums));
	}

	private static List<CardCapacity.CardFile> audio(List<String> paths, BundleProfile profile, int kbps,
			List<Duration> lengths) {
		List<CardCapacity.CardFile> files = new ArrayList<>();
		for (int i = 0; i < paths.size(); i++) {
			files.add(audio(paths.get(i), profile, kbps, lengths.get(i)));
		}
		return files;
	}

	/** A lossless file reckoned as 16-bit PCM, which FLAC only makes smaller. */
	private static CardCapacity.CardFile audio(String path, BundleProfile profile, int kbps, Duration length) {
		int rate = profile.codec().lossy() ? kbps : profile.codec().sampleRate(profile.sampleRate()) * profile.channels() * 16 / 1000;
		return new CardCapacity.CardFile(path, CardCapacity.estimatedSize(rate, length));
	}

	private static List<CardCapacity.CardFile> with(List<CardCapacity.CardFile> a, List<CardCapacity.CardFile> b) {
		List<CardCapacity.CardFile> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
