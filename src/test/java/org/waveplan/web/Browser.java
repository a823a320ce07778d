package org.waveplan.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Speaks to the pages as a browser does: its own cookies (session, language), redirects seen, not followed. */
public class Browser {

	private final int port;

	private final CookieManager cookies = new CookieManager();

	public final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

	public Browser(int port) {
		this.port = port;
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A form; a value that is a collection is sent as that many fields of the name (checkboxes). Headers as name,
	 * value, ... ({@code "HX-Request", "true"} for what htmx sends).
	 */
	public HttpResponse<String> post(String path, Map<String, ?> form, String... headers)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.flatMap(e -> (e.getValue() instanceof Collection<?> values ? values.stream() : Stream.of(e.getValue()))
				.map(value -> e.getKey() + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8)))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Logs in through the form, with the CSRF token the login page gave; answers the POST's response. */
	public HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
		String token = csrf(get("/login").body());
		return post("/login", Map.of("username", user, "password", password, "_csrf", token));
	}

	/** Logs in, and checks it went to a page other than the login's. */
	public Browser loggedIn(String user, String password) throws IOException, InterruptedException {
		assertThat(login(user, password).headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("/login"));
		return this;
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(c -> c.getValue())
			.findFirst()
			.orElse(null);
	}

	/** The CSRF token a page's forms carry. */
	public static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

}
