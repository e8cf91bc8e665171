package io.workflowpersistence.worker.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of API access control ({@code worker.security.*}). Bearer tokens are
 * configured the Spring Boot way, with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code public-key-location}.
 *
 * @param enabled whether requests need credentials; by default they do, except in the
 * embedded run; the {@code production} profile refuses {@code false}
 * @param apiKeys static API keys, for installations without an OAuth2 server
 * @param apiKeyHeader the request header that carries an API key
 */
@ConfigurationProperties("worker.security")
public record WorkerSecurityProperties(Boolean enabled, @DefaultValue List<ApiKey> apiKeys,
		@DefaultValue("X-API-Key") String apiKeyHeader) {

	/**
	 * One API key, stored as the SHA-256 of the key so that the configuration does not
	 * hold the key itself ({@code printf %s "$KEY" | sha256sum}).
	 *
	 * @param name who uses it, as the access log names the caller
	 * @param sha256 the SHA-256 of the key's UTF-8 bytes, in hexadecimal
	 * @param scopes what it allows, e.g. {@value Scopes#READ}
	 */
	public record ApiKey(String name, String sha256, @DefaultValue List<String> scopes) {
	}

}
