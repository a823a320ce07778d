package org.waveplan.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.waveplan.shared.ProblemException;

/**
 * A page that fails is answered by the error page in the UI's layout (template {@code error}), never by a problem
 * JSON nor Spring's white-label page: a page that does not exist is a 404, a page's failure a 500 (logged). The
 * API keeps its problems; access refused is left to the security chain, whose 403 comes to the same page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrors implements HandlerExceptionResolver {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	private static final List<String> NOT_PAGES = List.of("/api/", "/actuator", "/v3/api-docs", "/swagger-ui");

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (!isPage(request.getRequestURI().substring(request.getContextPath().length())) || e instanceof AccessDeniedException
				|| e instanceof AuthenticationException) {
			return null;
		}
		try {
			// no controller: no such page or file (404), or not by this method (405, as a language link after a
			// refused form); an upload over the limit keeps the API's problem, which the upload script shows
			boolean noPage = e instanceof NoResourceFoundException || e instanceof HttpRequestMethodNotSupportedException;
			if (handler instanceof HandlerMethod method ? isPage(method) : noPage) {
				if (e instanceof ProblemException problem) {
					response.sendError(problem.status().value());
				}
				else if (e instanceof ErrorResponse refused) {
					// Spring's own refusals of a request (a missing parameter, an unreadable value): the sender's doing
					response.sendError(refused.getStatusCode().value());
				}
				else if (e instanceof TypeMismatchException || e instanceof BindException) {
					response.sendError(HttpServletResponse.SC_BAD_REQUEST);
				}
				else {
					log.error("A page failed: {} {}", request.getMethod(), request.getRequestURI(), e);
					response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
				}
				return new ModelAndView();
			}
		}
		catch (IOException sendFailed) {
			log.debug("Could not answer a failed page: {}", sendFailed.getMessage());
		}
		return null;
	}

	/** Whether the path is a page's, not one of the API chain's, which answer problems whatever the error. */
	static boolean isPage(String path) {
		return NOT_PAGES.stream().noneMatch(path::startsWith);
	}

	// every module serves its own pages: a page is a handler that answers a view, not a body
	private static boolean isPage(HandlerMethod handler) {
		return !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
				&& !handler.hasMethodAnnotation(ResponseBody.class);
	}

}
