package io.workflowpersistence.worker.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs one JSON line per call of the API and of the actuator (health excepted) to the
 * logger {@code access}: method, path, status, duration and who called, also for calls
 * refused for want of credentials. Sits right inside Spring Security's context holder, so
 * that it sees the caller and the final status.
 */
final class AccessLog extends OncePerRequestFilter {

	static final String LOGGER_NAME = "access";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private static final JsonMapper JSON = JsonMapper.shared();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !logger.isInfoEnabled() || !(path.startsWith("/api/") || path.startsWith("/actuator/"))
				|| path.startsWith("/actuator/health");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long started = System.nanoTime();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
			logger.info(line(request, status, (System.nanoTime() - started) / 1_000_000));
		}
	}

	private static String line(HttpServletRequest request, int status, long durationMs) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", "access");
		line.put("method", request.getMethod());
		line.put("path", request.getRequestURI());
		line.put("status", status);
		line.put("durationMs", durationMs);
		line.put("authentication", kind(authentication));
		line.put("caller", isCaller(authentication) ? authentication.getName() : null);
		line.put("remoteAddress", request.getRemoteAddr());
		return JSON.writeValueAsString(line);
	}

	private static boolean isCaller(Authentication authentication) {
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static String kind(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken) {
			return "jwt";
		}
		if (authentication instanceof ApiKeyAuthentication) {
			return "api-key";
		}
		return isCaller(authentication) ? authentication.getClass().getSimpleName() : "anonymous";
	}

}
