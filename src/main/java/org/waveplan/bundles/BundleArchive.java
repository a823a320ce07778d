package org.waveplan.bundles;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.Sha256;

/**
 * Writes a bundle's ZIP so that the same entries give the same bytes, and so that the bytes say nothing of when or
 * by whom it was made: every entry carries one fixed DOS time, no extra field with times or owners, no comment, no
 * file attributes; the entries in the order given. Audio (already compressed) is STORED, so it is the very bytes
 * that were checked; text is DEFLATED (at the best level, named here, as the JDK's zlib makes it: the same Java
 * gives the same bytes). {@link ZipOutputStream} switches to zip64 by itself where an offset, a size or the count
 * of entries needs it (a whole over 4 GiB, more than 65,534 entries); no single file may reach 4 GiB, which FAT32
 * cannot hold. The SHA-256 of the whole ZIP is computed as it is written.
 */
final class BundleArchive {

	/** FAT32 stores a file's size in 32 bits: 4 GiB - 1 byte is the largest file a card formatted FAT32 holds. */
	static final long FAT32_LARGEST_FILE = 0xFFFF_FFFFL;

	/**
	 * 1980-01-01 00:00:02, the first instant of the DOS calendar that ZIP headers count in: it names no real moment
	 * of making. Two seconds (one DOS tick) past the epoch itself, because {@link ZipEntry} reads 00:00:00 as "before
	 * 1980" and then adds an extended-timestamp extra field; this value it writes as a plain DOS time and nothing
	 * else. Set as a local time: no time zone of the machine enters the bytes.
	 */
	static final LocalDateTime TIMESTAMP = LocalDateTime.of(1980, 1, 1, 0, 0, 2);

	private static final Set<String> TEXT = Set.of("html", "htm", "m3u8", "m3u", "txt", "css");

	private BundleArchive() {
	}

	/** The written ZIP: its length in bytes and its SHA-256 (lower-case hex). */
	record Written(long size, String sha256) {
	}

	/** Writes the ZIP to a temp file beside the target and moves it into place only when it is whole. */
	static Written write(List<BundleEntry> entries, Path target) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			Written written;
			try (OutputStream out = Files.newOutputStream(temp)) {
				written = write(entries, out);
			}
			AtomicFiles.publish(temp, target);
			return written;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Writes the ZIP to the stream (left open). */
	static Written write(List<BundleEntry> entries, OutputStream out) throws IOException {
		refuseUnfit(entries);
		MessageDigest sha = Sha256.digest();
		Counting counted = new Counting(new DigestOutputStream(out, sha));
		ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(counted, 1 << 16));
		zip.setLevel(Deflater.BEST_COMPRESSION);
		for (BundleEntry entry : entries) {
			ZipEntry zipEntry = new ZipEntry(entry.path());
			zipEntry.setTimeLocal(TIMESTAMP);
			if (deflated(entry.path())) {
				zipEntry.setMethod(ZipEntry.DEFLATED);
			}
			else {
				// STORED needs size and CRC in the local header (no data descriptor): one pass to learn the CRC
				long size = entry.size();
				zipEntry.setMethod(ZipEntry.STORED);
				zipEntry.setSize(size);
				zipEntry.setCompressedSize(size);
				zipEntry.setCrc(crc(entry));
			}
			zip.putNextEntry(zipEntry);
			try (InputStream in = entry.open()) {
				in.transferTo(zip);
			}
			// a file that changed since its CRC was taken fails here (ZipException), not in a reader's hands
			zip.closeEntry();
		}
		zip.finish();
		zip.flush();
		return new Written(counted.count, HexFormat.of().formatHex(sha.digest()));
	}

	static boolean deflated(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		// no extension: SHA256SUMS and the like, text
		return dot < 0 || TEXT.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	private static void refuseUnfit(List<BundleEntry> entries) {
		Map<String, String> seen = new HashMap<>();
		for (BundleEntry entry : entries) {
			FatNames.requireSafePath(entry.path());
			// FAT compares names without case: two such entries would be one file on the card
			String earlier = seen.putIfAbsent(entry.path().toUpperCase(Locale.ROOT), entry.path());
			if (earlier != null) {
				throw new IllegalArgumentException(
						"two files of the bundle would be one on a FAT32 card: " + earlier + " and " + entry.path());
			}
			long size = entry.size();
			if (size > FAT32_LARGEST_FILE) {
				throw new IllegalArgumentException("the file " + entry.path()
						+ (entry.file() != null ? " (" + entry.file() + ")" : "") + " has " + size
						+ " bytes, more than FAT32 holds in one file (4 GiB - 1 byte = " + FAT32_LARGEST_FILE + ")");
			}
		}
	}

	private static long crc(BundleEntry entry) throws IOException {
		CRC32 crc = new CRC32();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = entry.open()) {
			for (int n; (n = in.read(buffer)) > 0;) {
				crc.update(buffer, 0, n);
			}
		}
		return crc.getValue();
	}

	private static final class Counting extends FilterOutputStream {

		private long count;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}

	}

}
