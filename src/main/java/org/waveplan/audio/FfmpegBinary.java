package org.waveplan.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import ws.schild.jave.Version;
import ws.schild.jave.process.ProcessLocator;

/**
 * The FFmpeg binary that Jave bundles, unpacked into a directory of the user's own. Jave's default puts it in
 * {@code /tmp/jave}, shared by every user of the host: the first one's binary is then the only one, and a
 * second user can neither replace nor trust it.
 */
final class FfmpegBinary implements ProcessLocator {

	private final Path executable;

	/** Unpacks the binary into {@code dir}, unless an earlier start did. */
	FfmpegBinary(Path dir) {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String suffix = os.contains("windows") ? ".exe" : os.contains("mac") ? "-osx" : "";
		String bundled = "ffmpeg-" + System.getProperty("os.arch") + suffix;
		this.executable = dir.toAbsolutePath().resolve(bundled + "-" + Version.getVersion());
		try {
			if (!Files.isExecutable(executable)) {
				unpack(bundled, dir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot unpack FFmpeg into " + dir, ex);
		}
	}

	/** A directory of the user's own, for FFmpeg run without a data directory (tools, tests). */
	static Path userDir() {
		return Path.of(System.getProperty("user.home"), ".cache", "waveplan");
	}

	/** Whole or not at all: another process may be unpacking it at the same time, or have been killed doing it. */
	private void unpack(String bundled, Path dir) throws IOException {
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + bundled, ".tmp");
		try (InputStream in = ProcessLocator.class.getResourceAsStream("/ws/schild/jave/nativebin/" + bundled)) {
			if (in == null) {
				throw new IOException("Jave bundles no FFmpeg for this platform: " + bundled);
			}
			Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx------"));
			}
			else if (!temp.toFile().setExecutable(true)) {
				throw new IOException("cannot make " + temp + " executable");
			}
			Files.move(temp, executable, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public String getExecutablePath() {
		return executable.toString();
	}

}
