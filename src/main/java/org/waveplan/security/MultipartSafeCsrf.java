package org.waveplan.security;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Spring Security's CSRF check, which never reads an upload to find the token. Asked for a parameter, the servlet
 * container reads and stores a whole multipart body (up to the upload limit), and the check comes before the login
 * and the upload gate: anyone could make the server take in gigabytes per request. A multipart request's token
 * comes in the header (htmx, the upload script) or in the query string (the forms' actions carry it), never in
 * the body.
 */
class MultipartSafeCsrf implements CsrfTokenRequestHandler {

	// the default handler: tokens on pages masked anew for each response (BREACH)
	private final XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		tokens.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		if (!isMultipart(request)) {
			return tokens.resolveCsrfTokenValue(request, token);
		}
		return tokens.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {

			@Override
			public String getParameter(String name) {
				String query = request.getQueryString();
				if (query == null) {
					return null;
				}
				String value = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(name);
				return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
			}

		}, token);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE.substring(0, 10));
	}

}
