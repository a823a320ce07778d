package org.waveplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.sun.management.OperatingSystemMXBean;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Where a test run's time goes: with {@code WAVEPLAN_TEST_CPU_REPORT} naming a file, each test JVM appends a line a
 * test class: its name, the JVM's CPU milliseconds while it ran, its child processes' (FFmpeg, browsers, JVMs;
 * counted as they end) and the wall milliseconds. A JVM runs one class at a time, so the figures are the class's
 * even with several JVMs at once. {@code sort -k2 -rn} the file.
 */
public class TestCpuReport implements TestExecutionListener {

	private static final String FILE = System.getenv("WAVEPLAN_TEST_CPU_REPORT");

	private long cpu;

	private long children;

	private long wall;

	@Override
	public void executionStarted(TestIdentifier test) {
		if (FILE != null && test.getSource().orElse(null) instanceof ClassSource) {
			cpu = ownCpuMillis();
			children = childrenCpuMillis();
			wall = System.currentTimeMillis();
		}
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (FILE != null && test.getSource().orElse(null) instanceof ClassSource source) {
			String line = String.join(" ", source.getClassName(), Long.toString(ownCpuMillis() - cpu),
					Long.toString(childrenCpuMillis() - children), Long.toString(System.currentTimeMillis() - wall));
			try {
				Files.writeString(Path.of(FILE), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static long ownCpuMillis() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
	}

	/** The ended children's user and system time, from Linux's {@code /proc/self/stat} (in ticks of 10 ms). */
	private static long childrenCpuMillis() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
