package io.workflowpersistence.worker.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers requests without valid credentials (401) or without the scope they need (403)
 * as RFC 9457 problems ({@code application/problem+json}), with the
 * {@code WWW-Authenticate} header of RFC 6750; also writes the limits' problems.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	private final String apiKeyHeader;

	ProblemResponses(String apiKeyHeader) {
		this.apiKeyHeader = apiKeyHeader;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearerEntryPoint.commence(request, response, ex);
		write(request, response, HttpStatus.UNAUTHORIZED, unauthorizedDetail(ex));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.bearerAccessDenied.handle(request, response, ex);
		write(request, response, HttpStatus.FORBIDDEN, "The credentials do not carry the scope this resource needs.");
	}

	/**
	 * Writes a problem as the whole answer.
	 * @param request the request, whose path is the problem's instance
	 * @param response the response, not yet committed
	 * @param status the status
	 * @param detail what went wrong, for the caller
	 * @throws IOException if the answer cannot be written
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
		response.getWriter().flush();
	}

	private String unauthorizedDetail(AuthenticationException ex) {
		if (ex instanceof OAuth2AuthenticationException) {
			return "The bearer token is not valid.";
		}
		if (ex instanceof BadCredentialsException) {
			return ex.getMessage();
		}
		return "This resource needs credentials: a bearer token (Authorization: Bearer …) or an API key ("
				+ this.apiKeyHeader + ").";
	}

}
