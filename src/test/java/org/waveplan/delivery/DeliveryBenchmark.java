package org.waveplan.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.waveplan.Fixtures;
import org.waveplan.WaveplanApplication;
import org.waveplan.shared.Sha256;

import static org.awaitility.Awaitility.await;
import static org.waveplan.Fixtures.with;

/**
 * Delivery speed, in one run: a 200 MB file pulled from Waveplan (token, security, Range-capable file endpoint)
 * against the same file served by nginx on loopback; and manifest latency at 200 connections for 30 s with wrk,
 * against the same bytes served by nginx and against the web stack's cheapest endpoint.
 * Needs nginx, wrk and curl ({@code apt-get install nginx wrk curl}). Run with
 * {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.delivery.DeliveryBenchmark}.
 */
public final class DeliveryBenchmark {

	private static final int MEGABYTES = 200;

	private static final int PULLS = 5;

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$",
			Pattern.MULTILINE);

	private DeliveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("delivery-benchmark");
		try (ConfigurableApplicationContext app = SpringApplication.run(WaveplanApplication.class, "--server.port=0",
				"--waveplan.data-dir=" + dir, "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("waveplan"),
				"--logging.level.root=WARN")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			TestRestTemplate admin = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port))
				.withBasicAuth("admin", Files.readString(dir.resolve("initial-admin-password")).trim());
			String name = aWeekOfAiringsWithOneBigFile(admin, app.getBean(JdbcTemplate.class), dir);
			String token = admin.postForEntity("/api/sites/TAC/tokens", Map.of("label", "benchmark"), JsonNode.class)
				.getBody()
				.get("token")
				.asText();
			String waveplanUrl = "http://127.0.0.1:" + port + "/api/sites/TAC/files/" + name;
			Path renders = dir.resolve("renders");
			String manifestUrl = "http://127.0.0.1:" + port + "/api/sites/TAC/manifest";
			Load manifest;
			try (Nginx nginx = new Nginx(renders, dir)) {
				String nginxUrl = nginx.url() + "/" + name.substring(0, 2) + "/" + name;
				double nginxRate = 0;
				double waveplanRate = 0;
				// turn about, so that both meet the same page cache and the same load from the rest of the machine
				for (int i = 0; i <= PULLS; i++) {
					double nginxPull = curl(nginxUrl, null);
					double waveplanPull = curl(waveplanUrl, token);
					if (i > 0) {
						nginxRate = Math.max(nginxRate, nginxPull);
						waveplanRate = Math.max(waveplanRate, waveplanPull);
					}
				}
				System.out.printf("200 MB file, best of %d pulls by curl on loopback: Waveplan %.0f MB/s, nginx %.0f MB/s:"
						+ " %.2fx nginx (goal >= 0.8)%n", PULLS, waveplanRate, nginxRate, waveplanRate / nginxRate);

				Files.write(renders.resolve("manifest.json"), fetch(manifestUrl, token));
				System.out.printf("manifest: %d bytes, %d airings%n", Files.size(renders.resolve("manifest.json")),
						admin.getForObject("/api/airings?site=TAC", JsonNode.class).size());
				manifest = load(manifestUrl, token);
				System.out.println(manifest.line("manifest") + " (goal p99 < 20 ms)");
				// the same bytes as a static file from nginx: what loopback and this machine allow at all
				Load still = load(nginx.url() + "/manifest.json", token);
				System.out.println(still.line("baseline: the same bytes from nginx") + manifest.against(still));
			}
			// the web stack's cheapest endpoint (open, tiny) under the same load: what the general way allows here
			Load health = load("http://127.0.0.1:" + port + "/actuator/health/liveness", token);
			System.out.println(health.line("baseline: /actuator/health/liveness") + manifest.against(health));
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	/**
	 * A site with four airings a day for the week, all carrying one 200 MB rendition: the service's own records,
	 * with the file written where a render publishes it (rendering 200 MB of audio is not what is measured here).
	 */
	private static String aWeekOfAiringsWithOneBigFile(TestRestTemplate admin, JdbcTemplate jdbc, Path dir)
			throws Exception {
		Fixtures fixtures = new Fixtures(admin);
		fixtures.site("TAC", 1, "TX1");
		fixtures.program("korea-today", 60);
		long episode = fixtures.episode("korea-today", Fixtures.tone(dir.resolve("tone.wav"), 5), "Monday");
		for (int day = 0; day < 8; day++) {
			fixtures.queue("korea-today", episode);
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int hour : new int[] { 1, 7, 13, 19 }) {
			fixtures.bindSlot(with(Fixtures.slot("TAC", "TX1", 5900 + hour * 5, String.format("%02d:00", hour),
					String.format("%02d:59", hour)), "validFrom", today.toString(), "validTo", today.plusDays(8).toString()),
					"korea-today");
		}
		// the planners run after each change commits, on other threads: these renders come after them
		await().atMost(Duration.ofMinutes(1))
			.until(() -> jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0);
		byte[] bytes = new byte[MEGABYTES << 20];
		new Random(1).nextBytes(bytes);
		String sha256 = Sha256.hex(bytes);
		String key = sha256;
		Path file = Files.createDirectories(dir.resolve("renders").resolve(key.substring(0, 2))).resolve(key + ".mp3");
		Files.write(file, bytes);
		Instant now = Instant.now();
		jdbc.update("insert into rendition values (?, 'MP3', ?, ?, 3540000, -23, -2, ?)", key, (long) bytes.length,
				sha256, java.sql.Timestamp.from(now));
		jdbc.update("""
				insert into render (airing_id, site, program, broadcast_date, starts_at, length_millis, due_at,
				source_sha256, rendition_key, state, progress, attempts, updated_at, version)
				select id, site, program, broadcast_date, starts_at, 3540000, starts_at, ?, ?, 'DONE', 1, 0, ?, 0
				from airing""", sha256, key, java.sql.Timestamp.from(now));
		return key + ".mp3";
	}

	/**
	 * MB/s of one whole pull by curl: a client of its own, as a site's would be, rather than one that shares the
	 * server's JVM.
	 */
	private static double curl(String url, String token) throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "-f", "-o", "/dev/null", "-w",
				"%{size_download} %{time_total}"));
		if (token != null) {
			command.addAll(List.of("-H", "Authorization: Bearer " + token));
		}
		command.add(url);
		Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(curl.getInputStream().readAllBytes()).trim();
		if (curl.waitFor() != 0) {
			throw new IllegalStateException("curl " + url + " failed: " + out);
		}
		String[] sizeAndSeconds = out.split(" ");
		if (Long.parseLong(sizeAndSeconds[0]) != (long) MEGABYTES << 20) {
			throw new IllegalStateException(url + ": " + sizeAndSeconds[0] + " bytes");
		}
		return Long.parseLong(sizeAndSeconds[0]) / 1e6 / Double.parseDouble(sizeAndSeconds[1]);
	}

	private static byte[] fetch(String url, String token) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + ": HTTP " + response.statusCode());
		}
		return response.body();
	}

	/** wrk's figures at 200 connections for 30 s, after 15 s to warm up (the JIT compiles on the same 2 cores). */
	private record Load(double medianMillis, double p99Millis, double perSecond) {

		String line(String what) {
			return String.format("%s at 200 connections for 30 s: median %.2f ms, p99 %.2f ms, %.0f requests/s", what,
					medianMillis, p99Millis, perSecond);
		}

		String against(Load baseline) {
			return String.format("; the manifest has %.2fx its p99 and %.2fx its requests/s", p99Millis / baseline.p99Millis,
					perSecond / baseline.perSecond);
		}

	}

	private static Load load(String url, String token) throws IOException, InterruptedException {
		wrk(url, token, "15s");
		String report = wrk(url, token, "30s");
		Map<String, Double> latency = percentiles(report);
		Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(report);
		if (!rate.find()) {
			throw new IllegalStateException("no rate in wrk's report:\n" + report);
		}
		return new Load(latency.get("50"), latency.get("99"), Double.parseDouble(rate.group(1)));
	}

	private static String wrk(String url, String token, String duration) throws IOException, InterruptedException {
		Process wrk = new ProcessBuilder("wrk", "-t2", "-c200", "-d" + duration, "--latency", "-H",
				"Authorization: Bearer " + token, url)
			.redirectErrorStream(true)
			.start();
		String out = new String(wrk.getInputStream().readAllBytes());
		if (wrk.waitFor() != 0 || out.contains("Non-2xx")) {
			throw new IllegalStateException("wrk failed:\n" + out);
		}
		return out;
	}

	/** wrk's latency percentiles, in milliseconds. */
	static Map<String, Double> percentiles(String report) {
		Map<String, Double> found = new java.util.HashMap<>();
		Matcher m = PERCENTILE.matcher(report);
		while (m.find()) {
			double value = Double.parseDouble(m.group(2));
			found.put(m.group(1), switch (m.group(3)) {
				case "us" -> value / 1000;
				case "s" -> value * 1000;
				default -> value;
			});
		}
		return found;
	}

	/** nginx serving the renders folder on loopback, as a site would be served by a plain web server. */
	private static final class Nginx implements AutoCloseable {

		private final Process process;

		private final int port;

		Nginx(Path root, Path dir) throws IOException, InterruptedException {
			try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path conf = dir.resolve("nginx.conf");
			Files.writeString(conf, """
					daemon off;
					worker_processes 1;
					pid %s/nginx.pid;
					error_log stderr;
					events { worker_connections 256; }
					http {
					  access_log off;
					  sendfile on;
					  tcp_nopush on;
					  client_body_temp_path %s;
					  proxy_temp_path %s;
					  fastcgi_temp_path %s;
					  uwsgi_temp_path %s;
					  scgi_temp_path %s;
					  server { listen 127.0.0.1:%d; root %s; }
					}
					""".formatted(dir, dir, dir, dir, dir, dir, port, root.toAbsolutePath()));
			process = new ProcessBuilder("nginx", "-c", conf.toString(), "-p", dir.toString())
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("nginx.log").toFile())
				.start();
			for (int i = 0; i < 50; i++) {
				try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
					return;
				}
				catch (IOException notYet) {
					Thread.sleep(100);
				}
			}
			throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.log")));
		}

		String url() {
			return "http://127.0.0.1:" + port;
		}

		@Override
		public void close() {
			process.destroy();
		}

	}

}
