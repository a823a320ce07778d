package org.waveplan;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.waveplan.shared.Sha256;

/**
 * Agents pulling one file at once, each on a connection of its own, each checking the length and SHA-256 of what
 * it got as a site agent does (the bytes are hashed as they arrive, not kept).
 */
final class FilePulls {

	/** One agent's request: where, and its bearer token if it needs one. */
	record Pull(URI uri, String token) {
	}

	/**
	 * How the pulls went: when they started ({@link System#nanoTime}), seconds from then to the last end, each
	 * agent's seconds, failures.
	 */
	record Result(long startedAt, long bytes, double seconds, double[] agentSeconds, List<String> failures) {

		double megabytesPerSecond() {
			return bytes / 1e6 / seconds;
		}

	}

	private FilePulls() {
	}

	static Result run(List<Pull> pulls, long size, String sha256) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService agents = Executors.newFixedThreadPool(pulls.size());
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Double>> each = new ArrayList<>();
			for (Pull pull : pulls) {
				each.add(agents.submit(() -> {
					go.await();
					long started = System.nanoTime();
					pull(http, pull, size, sha256);
					return (System.nanoTime() - started) / 1e9;
				}));
			}
			long started = System.nanoTime();
			go.countDown();
			double[] seconds = new double[pulls.size()];
			List<String> failures = new ArrayList<>();
			long bytes = 0;
			for (int i = 0; i < each.size(); i++) {
				try {
					seconds[i] = each.get(i).get();
					bytes += size;
				}
				catch (ExecutionException e) {
					failures.add(pulls.get(i).uri().getPath() + ": " + e.getCause());
				}
			}
			return new Result(started, bytes, (System.nanoTime() - started) / 1e9, seconds, failures);
		}
		finally {
			agents.shutdownNow();
		}
	}

	private static void pull(HttpClient http, Pull pull, long size, String sha256) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(pull.uri()).timeout(Duration.ofMinutes(5));
		if (pull.token() != null) {
			request.header("Authorization", "Bearer " + pull.token());
		}
		HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		MessageDigest digest = Sha256.digest();
		long got = 0;
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + new String(body.readAllBytes()));
			}
			byte[] buffer = new byte[1 << 16];
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				digest.update(buffer, 0, n);
				got += n;
			}
		}
		String hash = HexFormat.of().formatHex(digest.digest());
		if (got != size || !hash.equals(sha256)) {
			throw new IllegalStateException(got + " bytes of SHA-256 " + hash + ", not " + size + " of " + sha256);
		}
	}

}
