package org.waveplan;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Sites polling their manifests as their agents do: each site once a period, the sites spread evenly over it, each
 * poll sent to one of the nodes at random (as a load balancer would), with {@code If-None-Match} of the ETag the site
 * last got. One thread keeps the schedule and sends asynchronously, so a slow answer delays no other poll; how late
 * each poll left against its schedule is kept, to show whether the client kept up.
 */
final class ManifestPolls {

	/** A simulated site: its code and its own token. */
	record Site(String code, String token) {
	}

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<Site> sites;

	private final List<String> nodes;

	private final AtomicReferenceArray<String> etags;

	ManifestPolls(List<Site> sites, List<String> nodeUrls) {
		this.sites = sites;
		this.nodes = nodeUrls;
		this.etags = new AtomicReferenceArray<>(sites.size());
	}

	/**
	 * What a run saw: when it started ({@link System#nanoTime}), each poll's latency and lateness (ms), its node and
	 * second in the run, and the answers by kind.
	 */
	record Result(long startedAt, int polls, int ok, int notModified, Map<String, Integer> errors, double[] latencyMillis,
			double[] latenessMillis, int[] node, double[] sentAtSeconds, double seconds) {

		int errorCount() {
			return errors.values().stream().mapToInt(Integer::intValue).sum();
		}

		/** Sorted latencies of the polls sent to the node (-1: either) within the seconds of the run. */
		double[] latencies(int ofNode, double fromSecond, double toSecond) {
			return latencies(i -> (ofNode < 0 || node[i] == ofNode) && sentAtSeconds[i] >= fromSecond
					&& sentAtSeconds[i] < toSecond);
		}

		/** Sorted latencies of the polls chosen by their index. */
		double[] latencies(IntPredicate chosen) {
			return IntStream.range(0, polls).filter(chosen).mapToDouble(i -> latencyMillis[i]).sorted().toArray();
		}

	}

	/** Polls for the length of the run, each site once every period; returns once every poll is answered. */
	Result run(Duration length, Duration period) {
		int perRound = sites.size();
		long periodNanos = period.toNanos();
		long step = periodNanos / perRound;
		int capacity = (int) (perRound * (length.toNanos() / periodNanos + 1));
		double[] latency = new double[capacity];
		double[] lateness = new double[capacity];
		int[] node = new int[capacity];
		double[] sentAt = new double[capacity];
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger notModified = new AtomicInteger();
		Map<String, Integer> errors = new TreeMap<>();
		List<CompletableFuture<Void>> answers = new ArrayList<>(capacity);
		long start = System.nanoTime() + Duration.ofMillis(200).toNanos();
		int sent = 0;
		rounds: for (long round = 0;; round++) {
			for (int i = 0; i < perRound; i++) {
				long due = start + round * periodNanos + i * step;
				if (due - start >= length.toNanos()) {
					break rounds;
				}
				for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				int poll = sent++;
				int to = ThreadLocalRandom.current().nextInt(nodes.size());
				node[poll] = to;
				long leaving = System.nanoTime();
				lateness[poll] = (leaving - due) / 1e6;
				sentAt[poll] = (leaving - start) / 1e9;
				int site = i;
				answers.add(http.sendAsync(request(site, to), HttpResponse.BodyHandlers.ofByteArray())
					.handle((response, failure) -> {
						latency[poll] = (System.nanoTime() - leaving) / 1e6;
						String error = failure != null ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
								: answer(site, response, ok, notModified);
						if (error != null) {
							synchronized (errors) {
								errors.merge(error, 1, Integer::sum);
							}
						}
						return null;
					}));
			}
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(start, sent, ok.get(), notModified.get(), errors, Arrays.copyOf(latency, sent),
				Arrays.copyOf(lateness, sent), Arrays.copyOf(node, sent), Arrays.copyOf(sentAt, sent), seconds);
	}

	private HttpRequest request(int site, int node) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(nodes.get(node) + "/api/sites/" + sites.get(site).code() + "/manifest"))
			.header("Authorization", "Bearer " + sites.get(site).token())
			.timeout(Duration.ofSeconds(30));
		String etag = etags.get(site);
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		return request.build();
	}

	/** Counts a right answer and keeps its ETag; a wrong one is described. */
	private String answer(int site, HttpResponse<byte[]> response, AtomicInteger ok, AtomicInteger notModified) {
		switch (response.statusCode()) {
			case 200 -> {
				String etag = response.headers().firstValue("ETag").orElse(null);
				if (etag == null || response.body().length == 0
						|| response.headers().firstValue("Waveplan-Signature").isEmpty()) {
					return "200 without ETag, signature or body";
				}
				etags.set(site, etag);
				ok.incrementAndGet();
				return null;
			}
			case 304 -> {
				notModified.incrementAndGet();
				return null;
			}
			default -> {
				return "HTTP " + response.statusCode();
			}
		}
	}

}
