package org.waveplan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command of a JVM that a test starts, on the test's classpath, as lean as the test JVMs themselves. */
public final class ChildJvm {

	/** Lean options for a short-lived JVM on a machine shared with other test forks (the pom's {@code test.jvm}). */
	public static final List<String> LEAN = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
			"-XX:+ExitOnOutOfMemoryError");

	private ChildJvm() {
	}

	/** The java launcher of the JVM that runs the tests. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Runs the main class with the arguments, after {@link #LEAN} and any other JVM options given. */
	public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(LEAN);
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(List.of(args));
		return command;
	}

	public static List<String> command(Class<?> main, String... args) {
		return command(List.of(), main, args);
	}

}
