package org.waveplan;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;
import org.waveplan.shared.S3Server;

/**
 * One instance of the service as a JVM of its own, as an operator runs it: {@code java} of this JVM's Java home on
 * the test class path, running {@link WaveplanApplication} on a free port it takes itself, with a data directory of
 * its own and the given settings, its output in {@link #log()}. A cluster is several nodes given the same
 * {@link #settings}: one database on the tests' embedded PostgreSQL, one s3proxy bucket, one key-encryption key.
 * {@link #kill()} is a machine's sudden death (SIGKILL, its FFmpeg processes too), {@link #stop()} an operator's
 * graceful stop; whatever is still running when the test JVM ends is killed, and a node whose test JVM is gone
 * however it ended (its standard input closes) stops, so no node outlives the build.
 */
public final class ClusterNode implements AutoCloseable {

	/**
	 * How often a node's Quartz checks in: a node that stops checking in is found failed this long plus Quartz's
	 * fixed 7.5 s margin later, and its jobs that asked for recovery run on another node.
	 */
	public static final Duration CHECK_IN = Duration.ofSeconds(1);

	/** Quartz's fixed margin after a missed check-in before it takes a node for failed (JobStoreSupport). */
	public static final Duration QUARTZ_FAILURE_MARGIN = Duration.ofMillis(7500);

	private static final int SIGKILL_EXIT = 128 + 9;

	private static final Pattern LISTENING = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Set<ClusterNode> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ClusterNode::killAll), "cluster-nodes"));
	}

	private final String name;

	private final Path dataDir;

	private final Path log;

	private final Process process;

	// known once the node listens: it takes a free port itself, so that nothing takes it between a look and its start
	private volatile int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ClusterNode(String name, Path dataDir, Path log, Process process) {
		this.name = name;
		this.dataDir = dataDir;
		this.log = log;
		this.process = process;
	}

	/**
	 * The settings every node of one cluster shares: the database (made if missing) on the tests' PostgreSQL, the
	 * bucket on the tests' s3proxy, the key-encryption key, the Quartz cluster's name and a short check-in.
	 */
	public static Map<String, String> settings(String database, String bucket) {
		Map<String, String> settings = new LinkedHashMap<>();
		EmbeddedPostgres.register((property, value) -> {
			// each node has a data directory of its own
			if (!property.equals("waveplan.data-dir")) {
				settings.put(property, String.valueOf(value.get()));
			}
		}, "unused", database);
		settings.putAll(S3Server.settings(bucket));
		settings.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval",
				Long.toString(CHECK_IN.toMillis()));
		return settings;
	}

	/** Starts a node with {@link ChildJvm#LEAN}; it is ready once {@link #awaitReady} returns. */
	public static ClusterNode start(String name, Path dir, Map<String, String> settings) {
		return start(name, dir, settings, ChildJvm.LEAN);
	}

	/**
	 * Starts a node: its data directory is {@code dir/name} (emptied first), its output {@code dir/name.log}.
	 * @param settings Spring properties, given as command line arguments
	 */
	public static ClusterNode start(String name, Path dir, Map<String, String> settings, List<String> jvmOptions) {
		try {
			Path dataDir = dir.resolve(name);
			FileSystemUtils.deleteRecursively(dataDir);
			Files.createDirectories(dataDir);
			Path log = dir.resolve(name + ".log");
			List<String> command = new ArrayList<>();
			command.add(ChildJvm.java());
			command.addAll(jvmOptions);
			command.add("-cp");
			command.add(classPath());
			command.add(Main.class.getName());
			Map<String, String> all = new LinkedHashMap<>(settings);
			all.put("server.port", "0");
			all.put("waveplan.data-dir", dataDir.toAbsolutePath().toString());
			// the console goes to the node's log; one file is enough
			all.put("logging.file.name", "");
			all.forEach((property, value) -> command.add("--" + property + "=" + value));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			// the AWS default chain, as in production (S3Server gives this JVM its credentials as system properties)
			if (System.getProperty("aws.accessKeyId") != null) {
				builder.environment().put("AWS_ACCESS_KEY_ID", System.getProperty("aws.accessKeyId"));
				builder.environment().put("AWS_SECRET_ACCESS_KEY", System.getProperty("aws.secretAccessKey"));
			}
			ClusterNode node = new ClusterNode(name, dataDir, log, builder.start());
			RUNNING.add(node);
			return node;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start node " + name, ex);
		}
	}

	public String name() {
		return name;
	}

	/** {@code http://127.0.0.1:port}, without a slash at the end (waits until the node listens). */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** The port the node listens on; waits until it does (at most 2 minutes), as it chooses a free one itself. */
	public int port() {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (port == 0) {
			port = listening();
			if (port == 0) {
				if (!process.isAlive()) {
					throw new IllegalStateException("node " + name + " ended with exit code " + process.exitValue()
							+ " before it listened\n" + tail(60));
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("node " + name + " not listening after 2 minutes\n" + tail(60));
				}
				sleep(Duration.ofMillis(100));
			}
		}
		return port;
	}

	public Path dataDir() {
		return dataDir;
	}

	/** The node's output: its whole log. */
	public Path log() {
		return log;
	}

	public long pid() {
		return process.pid();
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** {@link #awaitReady(Duration)} for at most 2 minutes: two nodes starting on a loaded 2-core machine. */
	public ClusterNode awaitReady() {
		return awaitReady(Duration.ofMinutes(2));
	}

	/** Waits until {@code /actuator/health/readiness} answers 200; fails with the log's tail if it dies or is late. */
	public ClusterNode awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"node " + name + " ended with exit code " + process.exitValue() + " before it was ready\n"
								+ tail(60));
			}
			try {
				if (port == 0) {
					port = listening();
				}
				if (port != 0 && http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not answering yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while node " + name + " starts", ex);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("node " + name + " not ready within " + timeout + "\n" + tail(60));
			}
			sleep(Duration.ofMillis(250));
		}
	}

	/**
	 * Kills the node as a machine's failure would: SIGKILL to its JVM (checked by the exit code, 128 + 9) and to the
	 * FFmpeg processes it started, so nothing of it runs on; no shutdown hook, nothing flushed or released.
	 */
	public void kill() {
		List<ProcessHandle> ffmpeg = ffmpegProcesses();
		process.destroyForcibly();
		int exit = waitFor(Duration.ofSeconds(30));
		ffmpeg.forEach(ProcessHandle::destroyForcibly);
		// and any that its JVM started between the look and the kill
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		for (List<ProcessHandle> left = ffmpegProcesses(); !left.isEmpty(); left = ffmpegProcesses()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("FFmpeg of node " + name + " still runs after SIGKILL: " + left);
			}
			left.forEach(ProcessHandle::destroyForcibly);
			sleep(Duration.ofMillis(50));
		}
		RUNNING.remove(this);
		if (exit != SIGKILL_EXIT) {
			throw new IllegalStateException("node " + name + " ended with exit code " + exit + ", not SIGKILL's "
					+ SIGKILL_EXIT + "\n" + tail(30));
		}
	}

	/** Stops the node as an operator would (SIGTERM: Spring's graceful shutdown), killed if it takes over 30 s. */
	public void stop() {
		if (process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					killAll();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				killAll();
			}
		}
		RUNNING.remove(this);
	}

	@Override
	public void close() {
		stop();
	}

	/** The last lines of the node's log, headed by its name. */
	public String tail(int lines) {
		try {
			List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
			return "--- last " + Math.min(lines, all.size()) + " lines of node " + name + " (" + log + ") ---\n"
					+ String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size())) + "\n";
		}
		catch (IOException ex) {
			return "--- node " + name + ": cannot read " + log + ": " + ex + "\n";
		}
	}

	/** The tails of the nodes' logs, for a failed assertion's message. */
	public static String tails(int lines, ClusterNode... nodes) {
		return Arrays.stream(nodes).map(node -> node.tail(lines)).collect(Collectors.joining());
	}

	/** Whether the node's log has a line that contains the text. */
	public boolean logged(String text) {
		try {
			return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "node " + name + " (pid " + process.pid() + (port == 0 ? ")" : ", port " + port + ")");
	}

	private void killAll() {
		List<ProcessHandle> ffmpeg = ffmpegProcesses();
		process.destroyForcibly();
		ffmpeg.forEach(ProcessHandle::destroyForcibly);
	}

	/** The node's FFmpeg runs: the binary is unpacked in its data directory, so they are found even once orphaned. */
	private List<ProcessHandle> ffmpegProcesses() {
		String home = dataDir.toAbsolutePath().toString() + File.separator;
		try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
			return all.filter(p -> p.info().command().map(command -> command.startsWith(home)).orElse(false))
				.toList();
		}
	}

	private int waitFor(Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("node " + name + " still runs " + timeout + " after SIGKILL");
			}
			return process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * This JVM's class path, whoever started it: surefire may give it as a jar whose manifest lists it, and a
	 * plugin's or IDE's launcher as a class loader's URLs. The S3 server's jars, which the tests load apart, are left
	 * out (Jackson's XML format would change the node's answers).
	 */
	static String classPath() {
		Set<String> entries = new LinkedHashSet<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.add(entry);
			entries.addAll(manifestClassPath(entry));
		}
		String app = location(WaveplanApplication.class);
		if (entries.stream().map(e -> Path.of(e).toAbsolutePath().normalize().toString()).noneMatch(app::equals)) {
			entries.clear();
			for (ClassLoader loader = ClusterNode.class.getClassLoader(); loader != null; loader = loader.getParent()) {
				if (loader instanceof URLClassLoader urls) {
					Arrays.stream(urls.getURLs()).map(ClusterNode::path).forEach(entries::add);
				}
			}
		}
		return entries.stream()
			.filter(e -> !Path.of(e).getFileName().toString().matches("(s3proxy|jackson-dataformat-xml)-.*\\.jar"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	/** The class path a launcher's jar lists in its manifest (absolute URLs, or relative to the jar). */
	private static List<String> manifestClassPath(String entry) {
		Path file = Path.of(entry);
		if (!entry.endsWith(".jar") || !Files.isRegularFile(file)) {
			return List.of();
		}
		try (JarFile jar = new JarFile(file.toFile())) {
			Manifest manifest = jar.getManifest();
			String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
			if (listed == null) {
				return List.of();
			}
			URI base = file.toAbsolutePath().getParent().toUri();
			// a library's manifest may name jars that are not there: only what exists is followed
			return Arrays.stream(listed.trim().split("\\s+"))
				.map(name -> Path.of(base.resolve(name)).toString())
				.filter(name -> Files.exists(Path.of(name)))
				.toList();
		}
		catch (IOException | IllegalArgumentException ex) {
			return List.of();
		}
	}

	private static String location(Class<?> type) {
		return Path.of(path(type.getProtectionDomain().getCodeSource().getLocation())).toAbsolutePath().normalize()
			.toString();
	}

	private static String path(URL url) {
		try {
			return Path.of(url.toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(url.toString(), ex);
		}
	}

	/** The port the node's log says its web server listens on, 0 until it does. */
	private int listening() {
		try {
			Matcher started = LISTENING.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
			return started.find() ? Integer.parseInt(started.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * A node's {@code main}: the service, which stops once the JVM that started it is gone, even killed, as the pipe
	 * of its standard input then closes.
	 */
	public static final class Main {

		private Main() {
		}

		public static void main(String[] args) throws Exception {
			Thread watch = new Thread(() -> {
				try {
					while (System.in.read() >= 0) {
						// nothing is sent: only the end counts
					}
				}
				catch (IOException ex) {
					// ended all the same
				}
				System.exit(0);
			}, "test-jvm-watch");
			watch.setDaemon(true);
			watch.start();
			WaveplanApplication.main(args);
		}

	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
