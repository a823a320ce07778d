package org.waveplan.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.waveplan.delivery.ManifestFormat;

/**
 * A man in the middle between the agent and the service: passes everything on, and can change manifest bodies on
 * the way (tamper, replay an old one), the {@code Location} of a redirect, or slow file downloads down.
 */
final class MeddlingProxy implements AutoCloseable {

	private static final Set<String> PASSED = Set.of("authorization", "range", "if-range", "if-none-match",
			"content-type");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newHttpClient();

	private final String target;

	/** A manifest as it travels: its body and its signature header. */
	record Manifest(byte[] body, String signature) {
	}

	volatile UnaryOperator<Manifest> manifests = UnaryOperator.identity();

	/** What a redirect's {@code Location} becomes on the way. */
	volatile UnaryOperator<String> locations = UnaryOperator.identity();

	/** Bytes added after a file's own, as a server or a man in the middle could send them. */
	volatile int extraBytes;

	/** Whether file downloads are answered 503 without asking the service. */
	volatile boolean filesUnavailable;

	/** Bytes a second a download gets, 0 for no limit. */
	volatile int bytesPerSecond;

	MeddlingProxy(String target) throws IOException {
		this.target = target;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::pass);
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void pass(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (filesUnavailable && exchange.getRequestURI().getPath().contains("/files/")) {
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()));
			exchange.getRequestHeaders().forEach((name, values) -> {
				if (PASSED.contains(name.toLowerCase())) {
					values.forEach(v -> request.header(name, v));
				}
			});
			byte[] body = exchange.getRequestBody().readAllBytes();
			request.method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
			HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			response.headers().map().forEach((name, values) -> {
				if (!List.of("content-length", "transfer-encoding", ":status").contains(name.toLowerCase())) {
					exchange.getResponseHeaders().put(name, values);
				}
			});
			response.headers().firstValue("Location")
				.ifPresent(location -> exchange.getResponseHeaders().set("Location", locations.apply(location)));
			boolean manifest = exchange.getRequestURI().getPath().endsWith("/manifest");
			try (InputStream in = response.body()) {
				if (manifest) {
					Manifest passed = manifests.apply(new Manifest(in.readAllBytes(),
							response.headers().firstValue(ManifestFormat.SIGNATURE_HEADER).orElse("")));
					exchange.getResponseHeaders().put(ManifestFormat.SIGNATURE_HEADER, List.of(passed.signature()));
					byte[] bytes = passed.body();
					exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
					exchange.getResponseBody().write(bytes);
				}
				else {
					exchange.sendResponseHeaders(response.statusCode(), 0);
					copy(in, exchange.getResponseBody());
					exchange.getResponseBody().write(new byte[extraBytes]);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void copy(InputStream in, OutputStream out) throws IOException, InterruptedException {
		byte[] buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) >= 0) {
			out.write(buffer, 0, n);
			out.flush();
			int rate = bytesPerSecond;
			if (rate > 0) {
				Thread.sleep(1000L * n / rate);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
