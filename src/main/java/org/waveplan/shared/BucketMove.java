package org.waveplan.shared;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one-shot move of a file system store into the S3 bucket ({@code java -jar waveplan.jar move-into-bucket}
 * with the S3 settings): every stored file of every area is put under the same key, unless an object of its length
 * is there already, and then read back from the bucket and hashed. A file whose name is its SHA-256 must hash to
 * it. Nothing is deleted: once the report says all is verified, the folders can go. Run again, it verifies what is
 * there and puts only what is missing.
 */
public final class BucketMove {

	// what a store keeps: ab/<name>[.ext]; temp and work folders are left alone
	private static final Pattern STORED = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{64}(\\.[a-z0-9]+)?");

	// the areas whose names are their content's SHA-256 (a rendition's is its recipe's)
	private static final Set<String> BY_CONTENT = Set.of("originals", "idents");

	/** One kind of object: its folder on the file system and its place in the bucket. */
	record Area(String name, Path root, ObjectStore bucket) {
	}

	private BucketMove() {
	}

	/** What the move did: objects put, found there already, and the files that failed, each with its reason. */
	public record Report(int put, int present, List<String> failed) {

		public boolean verified() {
			return failed.isEmpty();
		}

	}

	/** Moves the files under each area's folder into that area of the bucket. */
	static Report run(List<Area> areas) throws IOException {
		int put = 0;
		int present = 0;
		List<String> failed = new ArrayList<>();
		for (Area area : areas) {
			Path root = area.root();
			if (!Files.isDirectory(root)) {
				continue;
			}
			List<Path> files;
			try (Stream<Path> walk = Files.walk(root)) {
				files = walk.filter(Files::isRegularFile)
					.filter(f -> STORED.matcher(key(root, f)).matches())
					.sorted()
					.toList();
			}
			for (Path file : files) {
				String key = key(root, file);
				ObjectStore bucket = area.bucket();
				try {
					long size = Files.size(file);
					String local = Sha256.of(file);
					String named = file.getFileName().toString().replaceFirst("\\..*$", "");
					// a file damaged on disk is not carried into the bucket
					if (BY_CONTENT.contains(area.name()) && !local.equals(named)) {
						failed.add(file + ": its bytes hash to " + local + ", not to its name");
						continue;
					}
					OptionalLong there = bucket.size(key);
					if (there.isPresent() && there.getAsLong() == size) {
						present++;
					}
					else {
						try (InputStream in = Files.newInputStream(file)) {
							bucket.put(key, in, size);
						}
						put++;
					}
					String stored = hash(bucket, key, size);
					if (!stored.equals(local)) {
						failed.add(bucket.describe(key) + ": hashes to " + stored + ", the file " + file + " to " + local);
					}
				}
				catch (IOException | RuntimeException e) {
					failed.add(file + ": " + e.getMessage());
				}
			}
		}
		return new Report(put, present, List.copyOf(failed));
	}

	private static String key(Path root, Path file) {
		return root.relativize(file).toString().replace(File.separatorChar, '/');
	}

	private static String hash(ObjectStore bucket, String key, long size) throws IOException {
		MessageDigest digest = Sha256.digest();
		if (size > 0) {
			try (InputStream in = new DigestInputStream(bucket.read(key, 0, size - 1), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

}
