package org.waveplan;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.waveplan.audio.Ffmpeg;
import org.waveplan.shared.S3Server;
import org.waveplan.shared.Sha256;

import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * Two nodes as one service under the load of a broadcaster's network, as separate JVMs ({@link ClusterNode}) on one
 * embedded PostgreSQL and one s3proxy bucket:
 * <ul>
 * <li>10,000 sites, each with its own token, poll their manifests every 60 s with {@code If-None-Match}, spread
 * evenly over the minute and sent to either node at random, for 3 minutes, after a minute in which each site polls
 * once (its first poll ever makes its manifest's version: a site's first day, not the steady state);</li>
 * <li>meanwhile 50 agents pull a real 53 MB render (5 minutes of 44.1 kHz stereo WAV) at once through the nodes, and
 * later the same 50 pulls straight from s3proxy (pre-signed URLs, the same client);</li>
 * <li>then 16 queued airings (distinct episodes, one render each) rendered by both nodes, and 16 more by one node
 * with the other stopped.</li>
 * </ul>
 * Run with {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.ClusterBenchmark}; for a
 * trial, {@code -Dbench.seconds=60 -Dbench.sites=2000 -Dbench.agents=10 -Dbench.render-minutes=2}; to give the nodes a
 * setting, {@code -Dbench.node.<property>=<value>}.
 */
public final class ClusterBenchmark {

	private static final int SITES = Integer.getInteger("bench.sites", 10_000);

	private static final int AGENTS = Integer.getInteger("bench.agents", 50);

	private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 180));

	private static final Duration PERIOD = Duration.ofSeconds(60);

	private static final int RENDERS = 16;

	/** Each render round's episodes; 10 minutes, as a short program is. */
	private static final Duration RENDER_LENGTH = Duration.ofMinutes(Long.getLong("bench.render-minutes", 10));

	/** The agents' file: 5 minutes of 44.1 kHz 16-bit stereo, 52.9 MB. */
	private static final Duration FILE_LENGTH = Duration.ofMinutes(5);

	/** A node as production runs one (C2, G1), not the tests' lean options. */
	private static final List<String> JVM = List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError");

	private static final Ffmpeg FFMPEG = new Ffmpeg();

	private static final String RENDERED = "rendered for";

	private static final String NODE_SETTING = "bench.node.";

	private ClusterBenchmark() {
	}

	public static void main(String[] args) {
		int status = 0;
		try {
			run();
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 1;
		}
		// s3proxy's and the embedded PostgreSQL's threads would keep the JVM
		System.exit(status);
	}

	private static void run() throws Exception {
		List<String> report = new ArrayList<>();
		report.add(load("before the nodes start"));
		String bucket = S3Server.bucket();
		Map<String, String> settings = ClusterNode.settings("cluster_benchmark", bucket);
		// -Dbench.node.<property>=<value> gives the nodes a setting, to compare one
		System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith(NODE_SETTING)).forEach(
				p -> settings.put(p.substring(NODE_SETTING.length()), System.getProperty(p)));
		Path dir = Files.createTempDirectory("cluster-benchmark");
		List<ClusterNode> nodes = List.of(ClusterNode.start("a", dir, settings, JVM),
				ClusterNode.start("b", dir, settings, JVM));
		try (SingleConnectionDataSource database = new SingleConnectionDataSource(
				settings.get("spring.datasource.url"), settings.get("spring.datasource.username"),
				settings.get("spring.datasource.password"), true)) {
			nodes.forEach(node -> node.awaitReady(Duration.ofMinutes(3)));
			JdbcTemplate jdbc = new JdbcTemplate(database);
			String password = adminPassword(nodes);
			List<TestRestTemplate> admins = nodes.stream()
				.map(node -> new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl()))
					.withBasicAuth("admin", password))
				.toList();
			Fixtures fixtures = new Fixtures(admins.get(0));

			long setUp = System.nanoTime();
			List<String> agentSites = IntStream.range(0, AGENTS).mapToObj(ClusterBenchmark::code).toList();
			deliverySites(fixtures, agentSites, dir);
			renderSites(fixtures, dir);
			List<ManifestPolls.Site> sites = sitesAndTokens(jdbc);
			await(() -> jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0
					&& jdbc.queryForObject("select count(*) from render", Integer.class) == AGENTS + 2 * RENDERS,
					Duration.ofMinutes(2), "the planners");
			report.add(String.format("set-up: %,d sites and tokens (%d sites through the API), %d programs, in %.0f s;"
					+ " the manifests of the %d agents' sites list one airing with its file, the other sites' are empty",
					SITES, AGENTS + 2, RENDERS + 1, (System.nanoTime() - setUp) / 1e9, AGENTS));

			long rendering = System.nanoTime();
			renderAgentsFile(admins.get(0), jdbc, agentSites);
			JsonNode file = manifest(nodes.get(0), sites.get(0)).path("airings").path(0).path("file");
			String name = file.path("name").asText();
			long size = file.path("sizeBytes").asLong();
			String sha256 = file.path("sha256").asText();
			report.add(String.format("the agents' file: %s, %.1f MB, rendered once for the %d sites in %.0f s", name,
					size / 1e6, AGENTS, (System.nanoTime() - rendering) / 1e9));

			List<FilePulls.Pull> throughNodes = new ArrayList<>();
			for (int i = 0; i < AGENTS; i++) {
				ManifestPolls.Site site = sites.get(i);
				throughNodes.add(new FilePulls.Pull(URI.create(nodes.get(i % nodes.size()).baseUrl() + "/api/sites/"
						+ site.code() + "/files/" + name), site.token()));
			}
			List<FilePulls.Pull> fromTheStore = Collections.nCopies(AGENTS,
					new FilePulls.Pull(presigned(bucket, name), null));

			ManifestPolls polls = new ManifestPolls(sites, nodes.stream().map(ClusterNode::baseUrl).toList());
			report.add(load("before the warm-up"));
			// each site's first poll makes its manifest's version, once in its life: not the service's steady state
			report.add(pollSummary("warm-up, each site's first poll", polls.run(PERIOD, PERIOD)));

			report.add(load("before the polls"));
			ExecutorService side = Executors.newSingleThreadExecutor();
			long start = System.nanoTime();
			// through the nodes once the polls run steadily, from the store later in the same run: the same load around both
			CompletableFuture<List<FilePulls.Result>> pulls = CompletableFuture.supplyAsync(() -> List.of(
					pullAt(start + RUN.toNanos() / 4, throughNodes, size, sha256),
					pullAt(start + RUN.toNanos() * 5 / 8, fromTheStore, size, sha256)), side);
			ManifestPolls.Result polled = polls.run(RUN, PERIOD);
			List<FilePulls.Result> pulled = pulls.join();
			side.shutdown();
			report.add(load("after the polls"));
			report.addAll(pollFigures(polled, nodes, pulled));
			report.addAll(pullFigures(pulled.get(0), pulled.get(1)));

			report.add(load("before the renders"));
			double both = renderRound("ZZA", nodes, admins, jdbc, report);
			nodes.get(1).stop();
			report.add(load("before the one-node round"));
			double one = renderRound("ZZB", nodes.subList(0, 1), admins.subList(0, 1), jdbc, report);
			report.add(String.format("render throughput, two nodes / one node: %.2fx (2 cores: one node's %d FFmpeg"
					+ " processes (waveplan.audio.max-processes, 0 = the cores) already keep both busy)", both / one,
					Runtime.getRuntime().availableProcessors()));
			report.add(load("at the end"));
		}
		catch (RuntimeException | Error e) {
			System.err.println(ClusterNode.tails(40, nodes.toArray(ClusterNode[]::new)));
			throw e;
		}
		finally {
			nodes.forEach(ClusterNode::stop);
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
		System.out.println();
		System.out.println("=== ClusterBenchmark: two nodes, one PostgreSQL, one s3proxy bucket, "
				+ Runtime.getRuntime().availableProcessors() + " cores ===");
		report.forEach(System.out::println);
	}

	/** The site code of the n-th site: AAA, AAB, ... (three capital letters, as HFCC's). */
	private static String code(int n) {
		return new String(new char[] { (char) ('A' + n / 676), (char) ('A' + n / 26 % 26), (char) ('A' + n % 26) });
	}

	private static String adminPassword(List<ClusterNode> nodes) throws IOException {
		for (ClusterNode node : nodes) {
			Path file = node.dataDir().resolve("initial-admin-password");
			if (Files.exists(file)) {
				return Files.readString(file).trim();
			}
		}
		throw new IllegalStateException("no node made the initial admin");
	}

	/**
	 * The agents' sites as an engineer makes them, through the API: each with its transmitter, a WAV profile and one
	 * slot tomorrow at 12:00 for five minutes, all of the same program and episode, so one render serves them all.
	 */
	private static void deliverySites(Fixtures fixtures, List<String> codes, Path dir) {
		fixtures.program("feature", (int) FILE_LENGTH.toMinutes());
		fixtures.queue("feature", fixtures.episode("feature", episode(dir.resolve("feature.mp3"), 0, FILE_LENGTH),
				"Feature"));
		String day = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			fixtures.site(code, 1, "TX1");
			fixtures.deliveryProfile(code, Map.of("codec", "WAV_PCM16", "sampleRate", 44_100, "channels", 2, "preset",
					"none", "leadTime", "PT1H"));
			// channels 10 kHz apart in the 49 and 31 m bands: no adjacent-channel conflict between the sites
			int khz = i < 25 ? 5950 + 10 * i : 9500 + 10 * (i - 25);
			fixtures.bindSlot(with(slot(code, "TX1", khz, "12:00", "12:05"), "validFrom", day, "validTo", day),
					"feature");
		}
	}

	/**
	 * Two sites for the render rounds, ZZA (two days ahead) and ZZB (three), each with 16 airings of 16 programs, each
	 * program its own episode: 16 renders a round that share nothing. The sites' loudness targets differ, so the
	 * second round's files are not the first's.
	 */
	private static void renderSites(Fixtures fixtures, Path dir) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String[] sites = { "ZZA", "ZZB" };
		for (int s = 0; s < sites.length; s++) {
			fixtures.site(sites[s], 1, "TX1");
			fixtures.deliveryProfile(sites[s], Map.of("codec", "MP3", "bitrateKbps", 128, "sampleRate", 22_050,
					"channels", 1, "preset", "am-sw", "targetLufs", -23 - s, "leadTime", "PT1H"));
		}
		for (int p = 0; p < RENDERS; p++) {
			String program = String.format("render-%02d", p + 1);
			fixtures.program(program, (int) RENDER_LENGTH.toMinutes());
			long episode = fixtures.episode(program, episode(dir.resolve(program + ".mp3"), p + 1, RENDER_LENGTH),
					program);
			// one for each site's day
			fixtures.queue(program, episode);
			fixtures.queue(program, episode);
			for (int s = 0; s < sites.length; s++) {
				String day = today.plusDays(2 + s).toString();
				fixtures.bindSlot(with(slot(sites[s], "TX1", 6000, String.format("%02d:00", p),
						String.format("%02d:%02d", p, RENDER_LENGTH.toMinutes())), "validFrom", day, "validTo", day),
						program);
			}
		}
	}

	/** Pink noise under a tone, as a 128 kb/s stereo MP3: each seed another episode. */
	private static Path episode(Path file, int seed, Duration length) {
		long seconds = length.toSeconds();
		Ffmpeg.Result made = FFMPEG.run(List.of("-y", "-f", "lavfi", "-i",
				"anoisesrc=color=pink:amplitude=0.3:sample_rate=44100:seed=" + (seed + 1) + ":duration=" + seconds,
				"-f", "lavfi", "-i", "sine=frequency=" + (220 + 20 * seed) + ":sample_rate=44100:duration=" + seconds,
				"-filter_complex", "[0:a][1:a]amix=inputs=2,aformat=channel_layouts=stereo", "-c:a", "libmp3lame",
				"-b:a", "128k", file.toString()), Duration.ofMinutes(5));
		if (made.exitCode() != 0) {
			throw new IllegalStateException("cannot make " + file + ":\n" + made.log());
		}
		return file;
	}

	/**
	 * The other sites, and every site's token, by SQL as the API writes them (a token kept only as its SHA-256):
	 * 10,000 requests through the API would take minutes and measure nothing asked. These sites have no slots, so
	 * their manifests are empty.
	 */
	private static List<ManifestPolls.Site> sitesAndTokens(JdbcTemplate jdbc) {
		List<Object[]> newSites = new ArrayList<>();
		List<Object[]> tokens = new ArrayList<>();
		List<ManifestPolls.Site> sites = new ArrayList<>();
		SecureRandom random = new SecureRandom();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < SITES; i++) {
			String code = code(i);
			if (i >= AGENTS) {
				newSites.add(new Object[] { code, "Site " + code });
			}
			byte[] secret = new byte[32];
			random.nextBytes(secret);
			String token = "wps_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			tokens.add(new Object[] { code, Sha256.hex(token), now });
			sites.add(new ManifestPolls.Site(code, token));
		}
		jdbc.batchUpdate("insert into site (code, name, itu_region, latitude, longitude) values (?, ?, 1, 41.3, 69.2)",
				newSites);
		jdbc.batchUpdate("insert into site_token (site, label, token_sha256, created_at, created_by)"
				+ " values (?, 'benchmark', ?, ?, 'admin')", tokens);
		return sites;
	}

	/**
	 * Renders the first agent's airing now; the render claims the other sites' airings of the same episode, length
	 * and day with it, and those it missed are done at once, as their file exists.
	 */
	private static void renderAgentsFile(TestRestTemplate admin, JdbcTemplate jdbc, List<String> sites) {
		List<Long> airings = jdbc.queryForList("select airing_id from render where site in ("
				+ String.join(",", sites.stream().map(s -> "'" + s + "'").toList()) + ") order by site", Long.class);
		renderNow(admin, airings.get(0));
		await(() -> done(jdbc, airings.subList(0, 1)) == 1, Duration.ofMinutes(10), "the agents' file");
		airings.forEach(id -> renderNow(admin, id));
		await(() -> done(jdbc, airings) == airings.size(), Duration.ofMinutes(1), "the agents' renders");
	}

	private static void renderNow(TestRestTemplate admin, long airing) {
		ResponseEntity<String> response = admin.postForEntity("/api/airings/" + airing + "/render", null, String.class);
		if (!response.getStatusCode().is2xxSuccessful()) {
			throw new IllegalStateException("render of airing " + airing + ": " + response);
		}
	}

	/** How many of the airings are rendered; a failed render stops the benchmark. */
	private static int done(JdbcTemplate jdbc, List<Long> airings) {
		String ids = String.join(",", airings.stream().map(String::valueOf).toList());
		List<String> failed = jdbc.queryForList(
				"select airing_id || ': ' || reason from render where state = 'FAILED' and airing_id in (" + ids + ")",
				String.class);
		if (!failed.isEmpty()) {
			throw new IllegalStateException("renders failed: " + failed);
		}
		return jdbc.queryForObject("select count(*) from render where state = 'DONE' and airing_id in (" + ids + ")",
				Integer.class);
	}

	private static JsonNode manifest(ClusterNode node, ManifestPolls.Site site) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(site.token());
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl()))
			.exchange("/api/sites/" + site.code() + "/manifest", HttpMethod.GET, new HttpEntity<>(headers),
					JsonNode.class)
			.getBody();
	}

	/** A pre-signed GET of the rendition's object in the bucket, for an hour. */
	private static URI presigned(String bucket, String name) {
		String key;
		try (S3Client s3 = S3Server.client()) {
			key = s3.listObjectsV2Paginator(r -> r.bucket(bucket))
				.contents()
				.stream()
				.map(S3Object::key)
				.filter(k -> k.endsWith("/" + name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no object " + name + " in " + bucket));
		}
		try (S3Presigner presigner = S3Presigner.builder()
			.endpointOverride(S3Server.endpoint())
			.region(Region.US_EAST_1)
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
			.credentialsProvider(DefaultCredentialsProvider.builder().build())
			.build()) {
			return URI.create(presigner
				.presignGetObject(r -> r.signatureDuration(Duration.ofHours(1)).getObjectRequest(g -> g.bucket(bucket).key(key)))
				.url()
				.toString());
		}
	}

	private static FilePulls.Result pullAt(long nanoTime, List<FilePulls.Pull> pulls, long size, String sha256) {
		try {
			for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			return FilePulls.run(pulls, size, sha256);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Renders the site's 16 queued airings now, through the nodes in turn, and waits until all are done: their
	 * renders per minute. Which node rendered each is counted from the nodes' logs.
	 */
	private static double renderRound(String site, List<ClusterNode> nodes, List<TestRestTemplate> admins,
			JdbcTemplate jdbc, List<String> report) throws IOException {
		List<Long> airings = jdbc.queryForList("select airing_id from render where site = ? order by starts_at",
				Long.class, site);
		int[] before = new int[nodes.size()];
		for (int n = 0; n < nodes.size(); n++) {
			before[n] = rendered(nodes.get(n));
		}
		long start = System.nanoTime();
		for (int i = 0; i < airings.size(); i++) {
			renderNow(admins.get(i % admins.size()), airings.get(i));
		}
		await(() -> done(jdbc, airings) == airings.size(), Duration.ofMinutes(30), "the renders of " + site);
		double seconds = (System.nanoTime() - start) / 1e9;
		double perMinute = airings.size() / seconds * 60;
		StringBuilder byNode = new StringBuilder();
		for (int n = 0; n < nodes.size(); n++) {
			byNode.append(n == 0 ? "" : ", ").append(nodes.get(n).name()).append(' ')
				.append(rendered(nodes.get(n)) - before[n]);
		}
		report.add(String.format("render, %d airings of %d min (MP3 128k mono AM_SW) by %d node(s): %.1f s, %.1f"
				+ " renders/min (by node: %s)", airings.size(), RENDER_LENGTH.toMinutes(), nodes.size(), seconds,
				perMinute, byNode));
		return perMinute;
	}

	private static int rendered(ClusterNode node) throws IOException {
		try (Stream<String> lines = Files.lines(node.log(), StandardCharsets.ISO_8859_1)) {
			return (int) lines.filter(line -> line.contains(RENDERED)).count();
		}
	}

	private static String pollSummary(String what, ManifestPolls.Result polled) {
		return String.format("%s: %,d sites every %d s for %.0f s, %,d polls (%.0f/s): %,d x 200, %,d x 304, %d errors%s;"
				+ " p50 %s", what, SITES, PERIOD.toSeconds(), polled.seconds(), polled.polls(),
				polled.polls() / polled.seconds(), polled.ok(), polled.notModified(), polled.errorCount(),
				polled.errors().isEmpty() ? "" : " " + polled.errors(), percentiles(polled.latencies(-1, 0, RUN_END)));
	}

	private static final double RUN_END = Double.MAX_VALUE;

	private static List<String> pollFigures(ManifestPolls.Result polled, List<ClusterNode> nodes,
			List<FilePulls.Result> pulled) {
		List<String> lines = new ArrayList<>();
		lines.add(pollSummary("polls", polled));
		for (int n = 0; n < nodes.size(); n++) {
			lines.add(latencyLine("  node " + nodes.get(n).name(), polled.latencies(n, 0, RUN_END)));
		}
		for (long minute = 0; minute * PERIOD.toSeconds() < RUN.toSeconds(); minute++) {
			double from = minute * PERIOD.toSeconds();
			lines.add(latencyLine(String.format("  sent in %.0f-%.0f s", from, from + PERIOD.toSeconds()),
					polled.latencies(-1, from, from + PERIOD.toSeconds())));
		}
		double[][] windows = new double[pulled.size()][];
		for (int p = 0; p < pulled.size(); p++) {
			double from = (pulled.get(p).startedAt() - polled.startedAt()) / 1e9;
			windows[p] = new double[] { from, from + pulled.get(p).seconds() };
			lines.add(latencyLine(String.format("  sent while the agents pulled %s (%.0f-%.0f s)",
					p == 0 ? "through the nodes" : "from s3proxy", windows[p][0], windows[p][1]),
					polled.latencies(-1, windows[p][0], windows[p][1])));
		}
		lines.add(latencyLine("  sent while no agent pulled", polled.latencies(i -> Arrays.stream(windows)
			.noneMatch(w -> polled.sentAtSeconds()[i] >= w[0] && polled.sentAtSeconds()[i] < w[1]))));
		double[] late = polled.latenessMillis().clone();
		Arrays.sort(late);
		lines.add(String.format("  the client's lateness against the schedule: p50 %.2f ms, p99 %.2f ms, max %.1f ms",
				Percentiles.of(late, 50), Percentiles.of(late, 99), late[late.length - 1]));
		return lines;
	}

	private static String latencyLine(String what, double[] sorted) {
		return String.format("%s: %,d polls, p50 %s", what, sorted.length, percentiles(sorted));
	}

	private static String percentiles(double[] sorted) {
		return sorted.length == 0 ? "-" : String.format("%.1f ms, p99 %.1f ms, max %.0f ms", Percentiles.of(sorted, 50),
				Percentiles.of(sorted, 99), sorted[sorted.length - 1]);
	}

	private static List<String> pullFigures(FilePulls.Result nodes, FilePulls.Result store) {
		List<String> lines = new ArrayList<>();
		lines.add(pullLine("through the nodes", nodes));
		lines.add(pullLine("from s3proxy directly", store));
		lines.add(String.format("  through the nodes / from s3proxy: %.2fx", nodes.megabytesPerSecond()
				/ store.megabytesPerSecond()));
		return lines;
	}

	private static String pullLine(String what, FilePulls.Result pulled) {
		double[] each = pulled.agentSeconds().clone();
		Arrays.sort(each);
		return String.format("%d agents pulling the file at once %s: %.0f MB/s in all (%.1f s), each %.1f-%.1f s"
				+ " (median %.1f), %d failed%s", each.length, what, pulled.megabytesPerSecond(), pulled.seconds(),
				each[0], each[each.length - 1], Percentiles.of(each, 50), pulled.failures().size(),
				pulled.failures().isEmpty() ? "" : " " + pulled.failures());
	}

	/** The machine's load average and the other JVMs on it: the benchmark shares its 2 cores. */
	private static String load(String when) throws IOException {
		String[] average = Files.readString(Path.of("/proc/loadavg")).split(" ");
		long ours = ProcessHandle.current().descendants().count();
		long javas;
		try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
			javas = all.filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).count();
		}
		return String.format("machine load %s: %s %s %s (1, 5, 15 min); %d JVMs on the machine, ours with %d"
				+ " child processes", when, average[0], average[1], average[2], javas, ours);
	}

	private static void await(BooleanSupplier condition, Duration timeout, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(what + ": not done within " + timeout);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

}
