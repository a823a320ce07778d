package org.waveplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;
import org.waveplan.shared.S3Server;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What the service stored, as a test looks at it from outside, wherever its settings put it: files under the data
 * folders, or objects in the S3 bucket (s3proxy). Keys are as the stores name them: {@code ab/abcdef...}.
 */
public final class StoredFiles {

	public enum Area {

		ORIGINALS("originals"), RENDERS("renders");

		private final String name;

		Area(String name) {
			this.name = name;
		}

	}

	private final Environment settings;

	public StoredFiles(Environment settings) {
		this.settings = settings;
	}

	public List<String> keys(Area area) {
		if (s3()) {
			try (S3Client s3 = S3Server.client()) {
				return s3.listObjectsV2Paginator(r -> r.bucket(bucket()).prefix(prefix(area)))
					.contents()
					.stream()
					.map(S3Object::key)
					.map(key -> key.substring(prefix(area).length()))
					.toList();
			}
		}
		Path root = root(area);
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		// the stores' own two-level layout; the instances' temp folders (incoming, work) are not stored content
		try (Stream<Path> files = Files.walk(root, 2)) {
			return files.filter(Files::isRegularFile)
				.map(f -> root.relativize(f).toString())
				.filter(key -> key.matches("[0-9a-f]{2}/.+"))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public boolean exists(Area area, String key) {
		return keys(area).contains(key);
	}

	/** Removes every stored object of the area. */
	public void clear(Area area) {
		for (String key : keys(area)) {
			delete(area, key);
		}
	}

	public byte[] read(Area area, String key) {
		if (s3()) {
			try (S3Client s3 = S3Server.client()) {
				return s3.getObjectAsBytes(r -> r.bucket(bucket()).key(prefix(area) + key)).asByteArray();
			}
		}
		try {
			return Files.readAllBytes(root(area).resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void write(Area area, String key, byte[] content) {
		if (s3()) {
			try (S3Client s3 = S3Server.client()) {
				s3.putObject(r -> r.bucket(bucket()).key(prefix(area) + key), RequestBody.fromBytes(content));
			}
			return;
		}
		try {
			Files.createDirectories(root(area).resolve(key).getParent());
			Files.write(root(area).resolve(key), content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void delete(Area area, String key) {
		if (s3()) {
			try (S3Client s3 = S3Server.client()) {
				s3.deleteObject(r -> r.bucket(bucket()).key(prefix(area) + key));
			}
			return;
		}
		try {
			Files.deleteIfExists(root(area).resolve(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Takes the object away until the answer is closed, which puts it back as it was. */
	public AutoCloseable hide(Area area, String key) {
		byte[] content = read(area, key);
		delete(area, key);
		return () -> write(area, key, content);
	}

	private boolean s3() {
		return "s3".equalsIgnoreCase(settings.getProperty("waveplan.storage.type"));
	}

	private String bucket() {
		return settings.getRequiredProperty("waveplan.storage.bucket");
	}

	private String prefix(Area area) {
		return settings.getProperty("waveplan.storage.prefix", "") + area.name + "/";
	}

	private Path root(Area area) {
		return switch (area) {
			case ORIGINALS -> Path.of(settings.getRequiredProperty("waveplan.catalog.storage-root")).resolve("originals");
			case RENDERS -> Path.of(settings.getRequiredProperty("waveplan.pipeline.renders-dir"));
		};
	}

}
