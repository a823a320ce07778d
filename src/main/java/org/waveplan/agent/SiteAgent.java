package org.waveplan.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.waveplan.delivery.ManifestFormat;
import org.waveplan.delivery.ManifestFormat.Entry;
import org.waveplan.delivery.ManifestFormat.FileRef;
import org.waveplan.delivery.ManifestFormat.Manifest;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.Sha256;

/**
 * The agent a transmitter site runs to pull its files: {@code java -jar waveplan.jar site-agent --server URL --site
 * CODE --token-file FILE --signing-key FILE --dir DIR [--once] [--interval 60s]}. Each round it fetches the
 * manifest, checks its Ed25519 signature against the pinned key, its expiry, and that its version does not go
 * backwards; downloads what is missing, resuming a partial file where it stopped ({@code Range} with
 * {@code If-Range}), from the service or from the object store it redirects to; checks size and SHA-256; moves
 * the file into place atomically; confirms it; and deletes the files and receipts of airings that are over. Errors
 * are retried with growing waits. Killed at any moment it leaves only whole, verified files under their names: the
 * rest is in {@code DIR/.agent}. Every "now" is the UTC
 * clock it is given, whatever the site machine's zone. Of the service it knows the HTTP API and the manifest's
 * format ({@link ManifestFormat}), nothing else.
 */
public final class SiteAgent {

	private static final Logger log = LoggerFactory.getLogger(SiteAgent.class);

	private static final Pattern FILE_NAME = Pattern.compile("[0-9a-f]{64}\\.[a-z0-9]{2,4}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);

	private final Options options;

	private final String token;

	private final PublicKey signingKey;

	private final Path work;

	private final Path partials;

	private final Path receipts;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(20))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final ObjectMapper json = new ObjectMapper();

	private long bytesDownloaded;

	// the last manifest taken, and its tag: asked for again with If-None-Match, so an unchanged one costs no body
	private Taken taken;

	private record Taken(String etag, Manifest manifest) {
	}

	/** What the command line says. */
	record Options(URI server, String site, Path tokenFile, Path signingKeyFile, Path dir, boolean once,
			Duration interval) {

		static Options parse(List<String> args) {
			URI server = null;
			String site = null;
			Path tokenFile = null;
			Path keyFile = null;
			Path dir = null;
			boolean once = false;
			Duration interval = Duration.ofSeconds(60);
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				switch (arg) {
					case "--once" -> once = true;
					case "--server" -> server = URI.create(value(args, ++i, arg).replaceAll("/+$", ""));
					case "--site" -> site = value(args, ++i, arg);
					case "--token-file" -> tokenFile = Path.of(value(args, ++i, arg));
					case "--signing-key" -> keyFile = Path.of(value(args, ++i, arg));
					case "--dir" -> dir = Path.of(value(args, ++i, arg));
					case "--interval" -> interval = Duration.parse("PT" + value(args, ++i, arg).toUpperCase());
					default -> throw new IllegalArgumentException("unknown option " + arg);
				}
			}
			if (server == null || site == null || tokenFile == null || keyFile == null || dir == null) {
				throw new IllegalArgumentException("usage: site-agent --server URL --site CODE --token-file FILE"
						+ " --signing-key FILE --dir DIR [--once] [--interval 60s]");
			}
			if (!site.matches("[A-Z0-9]{3}")) {
				throw new IllegalArgumentException("a site code is three letters or digits: " + site);
			}
			return new Options(server, site, tokenFile, keyFile, dir, once, interval);
		}

		private static String value(List<String> args, int i, String option) {
			if (i >= args.size()) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args.get(i);
		}

	}

	/** A manifest or a file that is not what the service signed or announced: never kept. */
	static final class Rejected extends Exception {

		Rejected(String message) {
			super(message);
		}

	}

	/** @param clock where every "now" of the agent comes from, in UTC */
	SiteAgent(Options options, Clock clock) throws IOException, GeneralSecurityException {
		this.options = options;
		this.clock = clock.withZone(ZoneOffset.UTC);
		this.token = Files.readString(options.tokenFile(), StandardCharsets.US_ASCII).trim();
		this.signingKey = ManifestFormat
			.publicKey(Files.readString(options.signingKeyFile(), StandardCharsets.US_ASCII));
		this.work = Files.createDirectories(options.dir().resolve(".agent"));
		this.partials = Files.createDirectories(work.resolve("partial"));
		this.receipts = Files.createDirectories(work.resolve("receipts"));
	}

	/** Runs the agent: one round with {@code --once} (exit code 0 if it completed), else rounds forever. */
	public static int run(List<String> args) throws Exception {
		SiteAgent agent = new SiteAgent(Options.parse(args), Clock.systemUTC());
		if (agent.options.once()) {
			try {
				agent.round();
				return 0;
			}
			catch (IOException | Rejected ex) {
				log.error("site agent round failed: {}", ex.toString());
				return 1;
			}
		}
		agent.forever();
		return 0;
	}

	private void forever() throws InterruptedException {
		Duration backoff = FIRST_BACKOFF;
		while (!Thread.currentThread().isInterrupted()) {
			try {
				round();
				backoff = FIRST_BACKOFF;
				Thread.sleep(options.interval().toMillis());
			}
			catch (IOException | Rejected ex) {
				log.warn("site agent round failed, again in {}: {}", backoff, ex.toString());
				Thread.sleep(backoff.toMillis());
				backoff = backoff.multipliedBy(2).compareTo(options.interval()) > 0 ? options.interval()
						: backoff.multipliedBy(2);
			}
		}
	}

	/** One round: manifest, downloads, receipts, clean-up. */
	void round() throws IOException, InterruptedException, Rejected {
		Manifest manifest = manifest();
		Set<String> wanted = new HashSet<>();
		Set<String> receiptsKept = new HashSet<>();
		Rejected failed = null;
		IOException unreachable = null;
		for (Entry airing : manifest.airings()) {
			FileRef file = airing.file();
			if (file == null) {
				continue;
			}
			String name = file.name();
			if (!FILE_NAME.matcher(name).matches()) {
				throw new Rejected("the manifest names a file " + name + " that is not a rendition's name");
			}
			// it names a receipt's file too
			if (!SHA256.matcher(file.sha256()).matches()) {
				throw new Rejected("the manifest gives " + name + " a SHA-256 that is not one: " + file.sha256());
			}
			wanted.add(name);
			receiptsKept.add(receipt(airing.airingId(), file.sha256()));
			try {
				Path target = options.dir().resolve(name);
				if (!Files.exists(target)) {
					download(name, file.sizeBytes(), file.sha256(), target);
				}
				confirm(airing.airingId(), file.sha256());
			}
			// the others may be fine: fetch them, and fail the round at its end
			catch (Rejected ex) {
				log.error("{}", ex.getMessage());
				failed = ex;
			}
			catch (IOException ex) {
				log.warn("{} not fetched this round: {}", name, ex.getMessage());
				unreachable = ex;
			}
		}
		cleanUp(wanted, receiptsKept);
		if (failed != null) {
			throw failed;
		}
		if (unreachable != null) {
			throw unreachable;
		}
	}

	long bytesDownloaded() {
		return bytesDownloaded;
	}

	/**
	 * The manifest, verified: signed by the pinned key, not expired, not older than the last one accepted. Sites
	 * on poor links poll it all day: an unchanged one comes back as 304 without a body, and the one taken before
	 * is used again while it has not expired.
	 */
	private Manifest manifest() throws IOException, InterruptedException, Rejected {
		HttpRequest.Builder request = request("/api/sites/" + options.site() + "/manifest")
			.header(ManifestFormat.POLL_INTERVAL_HEADER, Long.toString(options.interval().toSeconds()));
		if (taken != null) {
			request.header("If-None-Match", taken.etag());
		}
		HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() == 304 && taken != null) {
			return unexpired(taken.manifest());
		}
		if (response.statusCode() != 200) {
			throw new IOException("manifest: HTTP " + response.statusCode());
		}
		byte[] body = response.body();
		if (!ManifestFormat.verifies(body,
				response.headers().firstValue(ManifestFormat.SIGNATURE_HEADER).orElse(""), signingKey)) {
			throw new Rejected("the manifest's signature does not verify with the pinned key: not taken");
		}
		Manifest manifest = ManifestFormat.read(body);
		if (!options.site().equals(manifest.site())) {
			throw new Rejected("the manifest is for site " + manifest.site());
		}
		unexpired(manifest);
		long version = manifest.version();
		long last = lastVersion();
		if (version < last) {
			throw new Rejected("the manifest's version " + version + " is older than " + last
					+ ", which was taken before: a replay, not taken");
		}
		if (version > last) {
			ObjectNode state = json.createObjectNode().put("version", version);
			AtomicFiles.write(work.resolve("state.json"), json.writeValueAsBytes(state), null);
		}
		taken = response.headers().firstValue("ETag").map(etag -> new Taken(etag, manifest)).orElse(null);
		return manifest;
	}

	private Manifest unexpired(Manifest manifest) throws Rejected {
		if (manifest.expiresAt().isBefore(clock.instant())) {
			throw new Rejected("the manifest expired at " + manifest.expiresAt());
		}
		return manifest;
	}

	private long lastVersion() throws IOException {
		Path state = work.resolve("state.json");
		return Files.exists(state) ? json.readTree(state.toFile()).path("version").asLong(0) : 0;
	}

	/**
	 * Fetches the file into its partial, from where an earlier attempt stopped if the server still has the same
	 * file (If-Range); checks it whole, then moves it to its name.
	 */
	private void download(String name, long size, String sha256, Path target)
			throws IOException, InterruptedException, Rejected {
		Path partial = partials.resolve(name + ".part");
		long have = Files.exists(partial) ? Files.size(partial) : 0;
		if (have > size) {
			Files.delete(partial);
			have = 0;
		}
		if (have < size) {
			HttpResponse<InputStream> response = fetch(name, have, sha256);
			boolean resumed = response.statusCode() == 206;
			if (response.statusCode() != 200 && !resumed) {
				response.body().close();
				throw new IOException(name + ": HTTP " + response.statusCode()
						+ (response.uri().getRawAuthority().equals(options.server().getRawAuthority()) ? ""
								: " from " + response.uri().getRawAuthority() + ", where the service sent the agent"));
			}
			try (InputStream in = response.body();
					FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
							resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
				byte[] buffer = new byte[1 << 16];
				int n;
				long written = resumed ? have : 0;
				while ((n = in.read(buffer)) >= 0) {
					// no more than the manifest's size reaches the disk that the transmitter plays from
					if (written + n > size) {
						Files.delete(partial);
						throw new Rejected(name + ": more than the " + size + " bytes of the manifest were sent:"
								+ " tampered on the way, not kept");
					}
					out.write(ByteBuffer.wrap(buffer, 0, n));
					written += n;
					bytesDownloaded += n;
				}
			}
		}
		long got = Files.size(partial);
		String actual = Sha256.of(partial);
		if (got != size || !actual.equals(sha256)) {
			Files.delete(partial);
			throw new Rejected(name + ": " + got + " bytes with SHA-256 " + actual + ", not the " + size
					+ " bytes with " + sha256 + " of the manifest: tampered or damaged on the way, not kept");
		}
		AtomicFiles.publish(partial, target);
		log.info("fetched and verified {} ({} bytes)", name, size);
	}

	/**
	 * Where a 307 sends the agent: an HTTP URL, never from HTTPS down to plain HTTP, with nothing of the site's
	 * (no token, no If-Range: the store tags the object its own way, and the SHA-256 check catches another file).
	 */
	private static HttpRequest.Builder redirected(String name, HttpResponse<?> response) throws IOException {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IOException(name + ": HTTP 307 without a Location"));
		try {
			URI to = response.uri().resolve(location);
			String scheme = String.valueOf(to.getScheme());
			if (!scheme.equals("https") && !(scheme.equals("http") && response.uri().getScheme().equals("http"))) {
				throw new IOException(name + ": sent from " + response.uri().getScheme() + " to a " + scheme
						+ " URL; the agent follows only to HTTPS, or to HTTP from HTTP");
			}
			return HttpRequest.newBuilder(to).timeout(Duration.ofMinutes(30));
		}
		catch (IllegalArgumentException ex) {
			throw new IOException(name + ": HTTP 307 to a Location that is not a URL: " + location, ex);
		}
	}

	/**
	 * The file's bytes from {@code have} on: from the service, or from where it sends the agent (a 307 to a pre-signed
	 * URL of its object store). That URL is its own credential: the site's token never goes there. A store that
	 * refuses the URL (403: it expired on the way, or the service's credentials did) is asked for a fresh one once.
	 */
	private HttpResponse<InputStream> fetch(String name, long have, String sha256)
			throws IOException, InterruptedException {
		for (int asked = 1;; asked++) {
			HttpRequest.Builder request = request("/api/sites/" + options.site() + "/files/" + name);
			if (have > 0) {
				request.header("Range", "bytes=" + have + "-").header("If-Range", "\"" + sha256 + "\"");
			}
			HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (response.statusCode() != 307) {
				return response;
			}
			response.body().close();
			HttpRequest.Builder away = redirected(name, response);
			if (have > 0) {
				away.header("Range", "bytes=" + have + "-");
			}
			HttpResponse<InputStream> stored = http.send(away.build(), HttpResponse.BodyHandlers.ofInputStream());
			if (stored.statusCode() != 403 || asked == 2) {
				return stored;
			}
			stored.body().close();
			log.info("{}: {} refused the link the service gave (expired?): asking for a fresh one", name,
					stored.uri().getRawAuthority());
		}
	}

	private void confirm(long airingId, String sha256) throws IOException, InterruptedException {
		Path receipt = receipts.resolve(receipt(airingId, sha256));
		if (Files.exists(receipt)) {
			return;
		}
		String body = json.writeValueAsString(json.createObjectNode().put("airingId", airingId).put("sha256", sha256));
		HttpResponse<String> response = http.send(request("/api/sites/" + options.site() + "/receipts")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 204) {
			throw new IOException("receipt for airing " + airingId + ": HTTP " + response.statusCode() + " "
					+ response.body());
		}
		Files.writeString(receipt, "");
	}

	/** The name of the receipt of an airing's file: sent once, kept while the airing is in the manifest. */
	private static String receipt(long airingId, String sha256) {
		return airingId + "-" + sha256;
	}

	/**
	 * Deletes the files, partial files and receipts of airings that are no longer in the manifest: they are over (or
	 * their file was rendered again).
	 */
	private void cleanUp(Set<String> wanted, Set<String> receiptsKept) throws IOException {
		try (Stream<Path> files = Stream.concat(Files.list(options.dir()), Files.list(partials))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String name = file.getFileName().toString().replaceFirst("\\.part$", "");
				if (FILE_NAME.matcher(name).matches() && !wanted.contains(name)) {
					Files.delete(file);
					log.info("deleted {}: its airings are over", file.getFileName());
				}
			}
		}
		try (Stream<Path> sent = Files.list(receipts)) {
			for (Path receipt : sent.filter(r -> !receiptsKept.contains(r.getFileName().toString())).toList()) {
				Files.delete(receipt);
			}
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(options.server() + path))
			.timeout(Duration.ofMinutes(30))
			.header("Authorization", "Bearer " + token);
	}

}
