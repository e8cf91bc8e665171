package io.workflowpersistence.worker.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter of the read API's requests only: paths under {@code /api/}, below the context
 * path; pages, static files and actuator endpoints pass by it.
 */
abstract class ApiRequestFilter extends OncePerRequestFilter {

	@Override
	protected final boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/");
	}

}
