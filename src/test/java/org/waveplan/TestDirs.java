package org.waveplan;

import java.nio.file.Path;

/**
 * Where tests keep their data directories: {@code target/fork-N} when surefire runs test classes in several JVMs at
 * once (it sets {@code waveplan.test.dir}), so that two forks never count, sweep or lock each other's files;
 * {@code target} otherwise. In annotation properties the same is {@code ${waveplan.test.dir:target}}.
 */
public final class TestDirs {

	private TestDirs() {
	}

	public static Path path(String name) {
		return Path.of(System.getProperty("waveplan.test.dir", "target"), name);
	}

}
