package org.waveplan;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real schedules and references in {@code ../shared/data} beside the project, never in the repository. A test
 * that needs them is skipped on a developer's machine without them, but fails in CI (where {@code CI} is set),
 * which always has them: a missing file must not pass as green.
 */
public final class SharedData {

	private static final Path ROOT = Path.of("../shared/data");

	private SharedData() {
	}

	/** The shared file at the path under {@code ../shared/data}, which the calling test cannot go on without. */
	public static Path require(String relative) {
		Path file = ROOT.resolve(relative);
		String absent = file.toAbsolutePath().normalize() + " is not there (shared data beside the project)";
		if (System.getenv("CI") != null) {
			assertThat(file).as(absent).isRegularFile();
		}
		assumeTrue(Files.isRegularFile(file), absent + ": skipped");
		return file;
	}

}
