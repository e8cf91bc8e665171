package io.workflowpersistence.worker.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Entity tags of the catalog's responses (definitions, categories, custom activities),
 * which change rarely and are read often: the tag is made of the versions the database
 * keeps of the catalog's tables ({@code TableVersions}, bumped by a trigger in the
 * transaction of every change, whichever worker makes it), the request's path and query,
 * and the caller's scopes, which decide what a response shows. A conditional GET whose
 * {@code If-None-Match} holds the current tag is answered 304 after one query of four
 * rows, without reading the catalog. With access control on, responses are the caller's
 * own ({@code private}); either way a cache must revalidate before each use
 * ({@code no-cache}).
 */
class CatalogVersionTags implements HandlerInterceptor {

	private static final String VERSIONS = """
			SELECT string_agg(TableName || '=' || Version, ',' ORDER BY TableName)
			FROM TableVersions
			WHERE TableName IN ('workflowdefinitions', 'workflowtags', 'workflowcategories',
			                    'customactivitydefinitions')
			""";

	private final JdbcClient jdbc;

	CatalogVersionTags(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return true;
		}
		String caller = caller();
		response.setHeader(HttpHeaders.CACHE_CONTROL, (caller != null) ? "private, no-cache" : "no-cache");
		String versions = this.jdbc.sql(VERSIONS).query(String.class).single();
		String tag = "W/\""
				+ digest(versions + "|" + request.getRequestURI() + "?" + request.getQueryString() + "|" + caller)
				+ "\"";
		// Sets the ETag header, and answers 304 when the request holds it.
		return !new ServletWebRequest(request, response).checkNotModified(tag);
	}

	/**
	 * The scopes of the caller, {@code null} for an anonymous one.
	 */
	private static String caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.sorted()
			.collect(Collectors.joining(" "));
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
