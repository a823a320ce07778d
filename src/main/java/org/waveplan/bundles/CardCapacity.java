package org.waveplan.bundles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A card or drive of a given nominal capacity, as a FAT32 volume would store a bundle's files on it.
 * <p>
 * Capacity is read as card makers print it, in decimal units (1 GB = 10^9 bytes). Clusters follow Windows' default
 * for FAT32 (Microsoft, "Default cluster size for NTFS, FAT, and exFAT", the FAT32 column), read on the nominal size
 * with each range including its lower end: 4 KiB from 256 MB, 8 KiB from 8 GB, 16 KiB from 16 GB and 32 KiB from
 * 32 GB (as the issue has it), 2 KiB from 128 MB, 1 KiB from 64 MB, 512 bytes below. The SD Association's formatter
 * takes 32 KiB on every SDHC card (4 to 32 GB): at most 24 KiB more per file than reckoned here, which the margin
 * below covers many times over.
 * <p>
 * Usable is less than nominal: the card's user area is smaller than its label (SD cards keep a protected area and
 * spare blocks back; "8GB" cards hold 7.8 to 7.97 * 10^9 bytes, "32GB" 31.0 to 31.9 * 10^9), so 96 % of the
 * nominal size is taken, before the volume's own structures: the partition's start aligned to the card's erase
 * block (4 MiB, as the SD formatter does), 32 reserved sectors, and two FATs of 4 bytes per cluster. Every file
 * then takes whole clusters, and every directory whole clusters of 32-byte entries: one per file plus one
 * long-name entry per 13 UTF-16 units of its name (counted even where an 8.3 name would do), and the root's
 * volume label.
 */
record CardCapacity(long nominalBytes) {

	static final int[] FIT_BITRATES = { 64, 56, 48, 40, 32, 24 };

	private static final Pattern CAPACITY = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT])B?",
			Pattern.CASE_INSENSITIVE);

	private static final Map<Character, Long> UNITS = Map.of('K', 1_000L, 'M', 1_000_000L, 'G', 1_000_000_000L, 'T',
			1_000_000_000_000L);

	/** The smallest volume Windows formats FAT32. */
	private static final long SMALLEST = 32_000_000L;

	/** The largest FAT32 volume of 512-byte sectors (2^32 of them). */
	private static final long LARGEST = 1L << 41;

	private static final long PARTITION_ALIGNMENT = 4L << 20;

	private static final long RESERVED_SECTORS = 32 * 512;

	private static final int ENTRY = 32;

	/** A file of the bundle as the card will hold it: its path ({@code /} between folders) and size in bytes. */
	record CardFile(String path, long size) {
	}

	/** What the files take on the card and what it has for them. */
	record Fit(long needed, long available) {

		boolean fits() {
			return needed <= available;
		}

		/** Bytes too many (0 when they fit). */
		long over() {
			return Math.max(0, needed - available);
		}

	}

	CardCapacity {
		if (nominalBytes < SMALLEST || nominalBytes > LARGEST) {
			throw new IllegalArgumentException(
					"a FAT32 card has at least 32 MB and at most 2 TiB, not " + nominalBytes + " bytes");
		}
	}

	/** {@code 8GB}, {@code 512MB}, {@code 1.5 TB}, {@code 64G}: decimal units as card makers count. */
	static CardCapacity parse(String text) {
		Matcher m = CAPACITY.matcher(text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException(
					"a capacity is a number and KB, MB, GB or TB (decimal, as printed on cards), e.g. 8GB: " + text);
		}
		long unit = UNITS.get(Character.toUpperCase(m.group(2).charAt(0)));
		return new CardCapacity(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)).longValue());
	}

	int clusterBytes() {
		long gb = 1_000_000_000L;
		long mb = 1_000_000L;
		if (nominalBytes >= 32 * gb) {
			return 32 << 10;
		}
		if (nominalBytes >= 16 * gb) {
			return 16 << 10;
		}
		if (nominalBytes >= 8 * gb) {
			return 8 << 10;
		}
		if (nominalBytes >= 256 * mb) {
			return 4 << 10;
		}
		if (nominalBytes >= 128 * mb) {
			return 2 << 10;
		}
		return nominalBytes >= 64 * mb ? 1 << 10 : 512;
	}

	/** The bytes of clusters the volume has for directories and files. */
	long usableBytes() {
		long volume = nominalBytes / 100 * 96 - PARTITION_ALIGNMENT - RESERVED_SECTORS;
		long fat = roundUp(4 * (volume / clusterBytes() + 2), 512);
		return (volume - 2 * fat) / clusterBytes() * clusterBytes();
	}

	Fit fit(List<CardFile> files) {
		return new Fit(footprint(files), usableBytes());
	}

	/**
	 * How many of the files in order fit beside those that are always there (the index, the playlist, the sums):
	 * the episodes a refused bundle could hold.
	 */
	int fittingPrefix(List<CardFile> always, List<CardFile> inOrder) {
		int low = 0;
		int high = inOrder.size();
		if (!fit(always).fits()) {
			return 0;
		}
		while (low < high) {
			int middle = (low + high + 1) / 2;
			List<CardFile> files = new ArrayList<>(always);
			files.addAll(inOrder.subList(0, middle));
			if (fit(files).fits()) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low;
	}

	/**
	 * For {@code fit: bitrate}: the highest bitrate, the one asked for then those of {@link #FIT_BITRATES} below it
	 * down to the floor of 24 kb/s, at which the audio files (paths and lengths) would fit beside the others; empty
	 * when not even the floor fits.
	 */
	OptionalInt bitrateThatFits(int requestedKbps, List<CardFile> others, List<String> audioPaths,
			List<Duration> durations) {
		if (audioPaths.size() != durations.size()) {
			throw new IllegalArgumentException("a path for every length: " + audioPaths.size() + " paths, "
					+ durations.size() + " lengths");
		}
		IntStream candidates = IntStream.concat(IntStream.of(requestedKbps),
				IntStream.of(FIT_BITRATES).filter(kbps -> kbps < requestedKbps));
		return candidates.filter(kbps -> {
			List<CardFile> files = new ArrayList<>(others);
			for (int i = 0; i < audioPaths.size(); i++) {
				files.add(new CardFile(audioPaths.get(i), estimatedSize(kbps, durations.get(i))));
			}
			return fit(files).fits();
		}).findFirst();
	}

	/**
	 * An encoded file's size, over-reckoned: the bitrate's bytes for the length, 2 % for frame headers, padding and
	 * a container's pages, and 16 KiB for the encoder's first and last frames.
	 */
	static long estimatedSize(int kbps, Duration duration) {
		double bytes = kbps * 1000 / 8.0 * (duration.toMillis() / 1000.0);
		return (long) Math.ceil(bytes * 1.02) + (16 << 10);
	}

	/** The bytes the files take on the volume: whole clusters for each, and for each directory's entries. */
	long footprint(List<CardFile> files) {
		long cluster = clusterBytes();
		// directory -> its entries' count; the root also holds the volume label, a folder its "." and ".."
		Map<String, Long> entries = new TreeMap<>();
		entries.put("", 1L);
		long bytes = 0;
		for (CardFile file : files) {
			bytes += roundUp(file.size(), cluster);
			String path = file.path();
			for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
				String folder = path.substring(0, slash);
				if (entries.putIfAbsent(folder, 2L) == null) {
					addEntry(entries, folder);
				}
			}
			addEntry(entries, path);
		}
		for (long count : entries.values()) {
			bytes += Math.max(cluster, roundUp(count * ENTRY, cluster));
		}
		return bytes;
	}

	/** A name's entries in its directory: the short entry and one long-name entry per 13 UTF-16 units. */
	private static void addEntry(Map<String, Long> entries, String path) {
		int slash = path.lastIndexOf('/');
		String name = path.substring(slash + 1);
		entries.merge(slash < 0 ? "" : path.substring(0, slash), 1L + (name.length() + 12) / 13, Long::sum);
	}

	private static long roundUp(long bytes, long unit) {
		return (bytes + unit - 1) / unit * unit;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%.1f GB", nominalBytes / 1e9);
	}

}
