package org.waveplan.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The deny-list ({@code waveplan.bundles.forbidden-strings}, e.g. the organisation's names) searched in every byte
 * of a finished ZIP, as UTF-8, UTF-16LE and UTF-16BE, without case: the raw bytes of the file (headers, names,
 * STORED entries, the central directory) and the inflated content of every DEFLATED entry, whose compressed bytes
 * hide what they say. All strings at once in one pass (Aho-Corasick), streamed: a bundle of gigabytes is never in
 * memory.
 * <p>
 * Without case: ASCII letters are folded in the patterns and in the bytes alike; for other scripts each string is
 * also searched in its {@code toLowerCase} and {@code toUpperCase} forms (Hangul has no case). A word that mixes
 * cases of non-ASCII letters inside itself is the one form not caught.
 */
final class ForbiddenStrings {

	/** Where in the ZIP a hit lies. */
	enum Where {
		/** an entry's local header (its name) */
		HEADER,
		/** an entry's stored bytes: the offset inside the entry is exact */
		DATA,
		/** after an entry's data: its data descriptor */
		TRAILER,
		/** the central directory and end records (names again) */
		CENTRAL_DIRECTORY,
		/** a DEFLATED entry's content once inflated: the offset inside the entry is exact, none in the ZIP */
		INFLATED
	}

	/**
	 * A forbidden string found: which, in which encoding, in which entry ({@code null} in the central directory),
	 * at which offset of the ZIP file ({@code -1} for inflated content) and of the entry's content ({@code -1} in
	 * headers and in compressed bytes).
	 */
	record Hit(String string, String encoding, Where where, String entry, long zipOffset, long entryOffset) {

		String describe() {
			return "\"" + string + "\" (" + encoding + ") " + switch (where) {
				case CENTRAL_DIRECTORY -> "in the ZIP's central directory at byte " + zipOffset;
				case HEADER -> "in the header of " + entry + " at byte " + zipOffset + " of the ZIP";
				case TRAILER -> "after the data of " + entry + " at byte " + zipOffset + " of the ZIP";
				case DATA -> "in " + entry + " at byte " + entryOffset + " (byte " + zipOffset + " of the ZIP)";
				case INFLATED -> "in " + entry + " at byte " + entryOffset + " (compressed in the ZIP)";
			};
		}

	}

	/** Hits kept: a string short enough to turn up by chance in audio would otherwise fill the memory. */
	static final int MOST_HITS = 100;

	private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
			StandardCharsets.UTF_16BE);

	private final List<String> strings = new ArrayList<>();

	private final List<String> encodings = new ArrayList<>();

	private final List<Integer> lengths = new ArrayList<>();

	private final Automaton automaton;

	ForbiddenStrings(List<String> forbidden) {
		Set<String> seen = new HashSet<>();
		List<byte[]> patterns = new ArrayList<>();
		for (String string : forbidden) {
			if (string == null || string.isBlank()) {
				continue;
			}
			String text = string.strip();
			for (Charset charset : ENCODINGS) {
				for (String form : new LinkedHashSet<>(
						List.of(text, text.toLowerCase(Locale.ROOT), text.toUpperCase(Locale.ROOT)))) {
					byte[] pattern = fold(form.getBytes(charset));
					if (seen.add(Arrays.toString(pattern))) {
						patterns.add(pattern);
						strings.add(text);
						encodings.add(charset.name());
						lengths.add(pattern.length);
					}
				}
			}
		}
		automaton = new Automaton(patterns);
	}

	boolean isEmpty() {
		return strings.isEmpty();
	}

	/**
	 * Every hit in the ZIP (the first {@link #MOST_HITS}), in the order of the file: raw bytes first, then inflated
	 * entries.
	 */
	List<Hit> scan(Path zip) throws IOException {
		if (isEmpty()) {
			return List.of();
		}
		Layout layout = Layout.of(zip);
		List<Hit> hits = new ArrayList<>();
		try (InputStream in = Files.newInputStream(zip)) {
			search(in, hits, (pattern, start) -> layout.hit(strings.get(pattern), encodings.get(pattern), start));
		}
		try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
			for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				if (entry.getMethod() != ZipEntry.DEFLATED) {
					continue;
				}
				// a fresh search per entry: the end of one and the start of the next are not one text
				try (InputStream in = file.getInputStream(entry)) {
					search(in, hits, (pattern, start) -> new Hit(strings.get(pattern), encodings.get(pattern),
							Where.INFLATED, entry.getName(), -1, start));
				}
			}
		}
		return hits;
	}

	/** Fails with every hit's place when the ZIP holds a forbidden string. */
	void requireNone(Path zip) throws IOException {
		List<Hit> hits = scan(zip);
		if (!hits.isEmpty()) {
			throw new IllegalStateException("the bundle holds forbidden strings: "
					+ String.join("; ", hits.stream().map(Hit::describe).toList()));
		}
	}

	private interface Found {

		Hit at(int pattern, long start);

	}

	private void search(InputStream in, List<Hit> hits, Found found) throws IOException {
		byte[] buffer = new byte[1 << 16];
		int state = 0;
		long offset = 0;
		for (int n; (n = in.read(buffer)) > 0;) {
			for (int i = 0; i < n; i++) {
				state = automaton.next(state, buffer[i]);
				for (int pattern : automaton.output(state)) {
					if (hits.size() < MOST_HITS) {
						hits.add(found.at(pattern, offset + i - lengths.get(pattern) + 1));
					}
				}
			}
			offset += n;
		}
	}

	private static byte[] fold(byte[] bytes) {
		byte[] folded = bytes.clone();
		for (int i = 0; i < folded.length; i++) {
			folded[i] = fold(folded[i]);
		}
		return folded;
	}

	private static byte fold(byte b) {
		return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
	}

	/** Aho-Corasick as a full table of transitions on ASCII-folded bytes. */
	private static final class Automaton {

		private static final int[] NONE = new int[0];

		private final int[][] next;

		private final int[][] output;

		Automaton(List<byte[]> patterns) {
			int capacity = 1 + patterns.stream().mapToInt(p -> p.length).sum();
			int[][] trie = new int[capacity][];
			List<List<Integer>> outs = new ArrayList<>();
			trie[0] = new int[256];
			Arrays.fill(trie[0], -1);
			outs.add(new ArrayList<>());
			int states = 1;
			for (int p = 0; p < patterns.size(); p++) {
				int state = 0;
				for (byte b : patterns.get(p)) {
					int c = b & 0xFF;
					if (trie[state][c] < 0) {
						trie[states] = new int[256];
						Arrays.fill(trie[states], -1);
						outs.add(new ArrayList<>());
						trie[state][c] = states++;
					}
					state = trie[state][c];
				}
				outs.get(state).add(p);
			}
			// breadth first: each state's failure is known before its children's
			int[] fail = new int[states];
			int[] queue = new int[states];
			int head = 0;
			int tail = 0;
			for (int c = 0; c < 256; c++) {
				if (trie[0][c] < 0) {
					trie[0][c] = 0;
				}
				else {
					fail[trie[0][c]] = 0;
					queue[tail++] = trie[0][c];
				}
			}
			while (head < tail) {
				int state = queue[head++];
				outs.get(state).addAll(outs.get(fail[state]));
				for (int c = 0; c < 256; c++) {
					int child = trie[state][c];
					if (child < 0) {
						trie[state][c] = trie[fail[state]][c];
					}
					else {
						fail[child] = trie[fail[state]][c];
						queue[tail++] = child;
					}
				}
			}
			next = Arrays.copyOf(trie, states);
			output = new int[states][];
			for (int s = 0; s < states; s++) {
				output[s] = outs.get(s).isEmpty() ? NONE : outs.get(s).stream().mapToInt(Integer::intValue).toArray();
			}
		}

		int next(int state, byte b) {
			return next[state][fold(b) & 0xFF];
		}

		int[] output(int state) {
			return output[state];
		}

	}

	/** Where each entry's header and data lie in the ZIP, read from its central directory. */
	private record Layout(List<Region> regions, long centralDirectory) {

		private record Region(String name, long header, long data, long end) {
		}

		Hit hit(String string, String encoding, long start) {
			if (start >= centralDirectory || regions.isEmpty()) {
				return new Hit(string, encoding, Where.CENTRAL_DIRECTORY, null, start, -1);
			}
			int i = Collections.binarySearch(regions.stream().map(Region::header).toList(), start);
			Region region = regions.get(i >= 0 ? i : Math.max(0, -i - 2));
			if (start < region.data()) {
				return new Hit(string, encoding, Where.HEADER, region.name(), start, -1);
			}
			if (start < region.end()) {
				return new Hit(string, encoding, Where.DATA, region.name(), start, start - region.data());
			}
			return new Hit(string, encoding, Where.TRAILER, region.name(), start, -1);
		}

		static Layout of(Path zip) throws IOException {
			try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
				long size = channel.size();
				int tailLength = (int) Math.min(size, 22 + 0xFFFF);
				ByteBuffer tail = read(channel, size - tailLength, tailLength);
				int end = tailLength - 22;
				while (end >= 0 && tail.getInt(end) != 0x06054b50) {
					end--;
				}
				if (end < 0) {
					throw new IOException("not a ZIP (no end of central directory): " + zip);
				}
				long count = tail.getShort(end + 10) & 0xFFFF;
				long cdSize = tail.getInt(end + 12) & 0xFFFF_FFFFL;
				long cdOffset = tail.getInt(end + 16) & 0xFFFF_FFFFL;
				if (end >= 20 && tail.getInt(end - 20) == 0x07064b50) {
					ByteBuffer zip64 = read(channel, tail.getLong(end - 20 + 8), 56);
					count = zip64.getLong(32);
					cdSize = zip64.getLong(40);
					cdOffset = zip64.getLong(48);
				}
				ByteBuffer cd = read(channel, cdOffset, Math.toIntExact(cdSize));
				List<Region> regions = new ArrayList<>();
				int at = 0;
				for (long n = 0; n < count; n++) {
					if (cd.getInt(at) != 0x02014b50) {
						throw new IOException("a broken central directory in " + zip + " at byte " + (cdOffset + at));
					}
					long compressed = cd.getInt(at + 20) & 0xFFFF_FFFFL;
					int nameLength = cd.getShort(at + 28) & 0xFFFF;
					int extraLength = cd.getShort(at + 30) & 0xFFFF;
					int commentLength = cd.getShort(at + 32) & 0xFFFF;
					long header = cd.getInt(at + 42) & 0xFFFF_FFFFL;
					byte[] name = new byte[nameLength];
					cd.get(at + 46, name);
					// zip64: the values too large for 32 bits, in this order, in extra field 1
					for (int x = at + 46 + nameLength; x < at + 46 + nameLength + extraLength;) {
						int id = cd.getShort(x) & 0xFFFF;
						int length = cd.getShort(x + 2) & 0xFFFF;
						if (id == 1) {
							int v = x + 4;
							if ((cd.getInt(at + 24) & 0xFFFF_FFFFL) == 0xFFFF_FFFFL) {
								v += 8;
							}
							if (compressed == 0xFFFF_FFFFL) {
								compressed = cd.getLong(v);
								v += 8;
							}
							if (header == 0xFFFF_FFFFL) {
								header = cd.getLong(v);
							}
						}
						x += 4 + length;
					}
					ByteBuffer local = read(channel, header, 30);
					long data = header + 30 + (local.getShort(26) & 0xFFFF) + (local.getShort(28) & 0xFFFF);
					regions.add(new Region(new String(name, StandardCharsets.UTF_8), header, data, data + compressed));
					at += 46 + nameLength + extraLength + commentLength;
				}
				regions.sort((a, b) -> Long.compare(a.header(), b.header()));
				return new Layout(regions, cdOffset);
			}
		}

		private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
			ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, position + buffer.position()) < 0) {
					throw new IOException("the ZIP ends before byte " + (position + length));
				}
			}
			return buffer.flip();
		}

	}

}
