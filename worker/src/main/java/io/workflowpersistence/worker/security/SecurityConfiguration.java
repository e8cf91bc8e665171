package io.workflowpersistence.worker.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * The filter chain of every request. With security on (the default): health is public;
 * the other actuator endpoints need the scope {@value Scopes#METRICS}; the static pages
 * of the dashboard and the explorer are public; everything else (the API, the dashboard's
 * summary, the OpenAPI document) needs {@value Scopes#READ}, carried by a JWT bearer
 * token or an API key. With it off, every request passes, and the {@code production}
 * profile refuses to start that way. The access log and the API's limits apply either
 * way.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String PRODUCTION_PROFILE = "production";

	// Set by the embedded run, which starts with security off unless told otherwise.
	static final String EMBEDDED_RUN_ACTIVE = "worker.embedded.active";

	// The pages and scripts of the dashboard and the explorer hold no data: they load
	// without
	// credentials so that they can ask for them, and send them with every call for data.
	private static final String[] STATIC_PAGES = { "/", "/index.html", "/favicon.ico", "/explorer/*", "/dashboard/*.js",
			"/dashboard/*.css" };

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, WorkerSecurityProperties properties,
			ObjectProvider<JwtDecoder> jwtDecoder, Environment environment) throws Exception {
		boolean enabled = isEnabled(properties, environment);
		http.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterAfter(new AccessLog(), SecurityContextHolderFilter.class);
		if (enabled) {
			secure(http, properties, jwtDecoder.getIfAvailable() != null, environment);
		}
		else {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		}
		return http.build();
	}

	private void secure(HttpSecurity http, WorkerSecurityProperties properties, boolean jwt, Environment environment)
			throws Exception {
		ApiKeys apiKeys = new ApiKeys(properties.apiKeys());
		ProblemResponses problems = new ProblemResponses(properties.apiKeyHeader());
		if (!jwt && apiKeys.isEmpty()) {
			String message = "API access control is on, but neither a JWT issuer or public key "
					+ "(spring.security.oauth2.resourceserver.jwt.*) nor an API key (worker.security.api-keys) "
					+ "is configured: every request but health is refused";
			if (environment.matchesProfiles(PRODUCTION_PROFILE)) {
				throw new IllegalStateException(message);
			}
			logger.warn(message);
		}
		http.exceptionHandling(
				(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.requestMatchers(STATIC_PAGES)
				.permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasAuthority(Scopes.authority(Scopes.METRICS))
				.anyRequest()
				.hasAuthority(Scopes.authority(Scopes.READ)));
		if (!apiKeys.isEmpty()) {
			http.addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, properties.apiKeyHeader(), problems),
					BearerTokenAuthenticationFilter.class);
		}
		if (jwt) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems));
		}
		logger.info("API access control is on: {}{}", jwt ? "JWT bearer tokens" : "",
				apiKeys.isEmpty() ? "" : (jwt ? " and " : "") + properties.apiKeys().size() + " API keys");
	}

	static boolean isEnabled(WorkerSecurityProperties properties, Environment environment) {
		boolean enabled = (properties.enabled() != null) ? properties.enabled()
				: !environment.getProperty(EMBEDDED_RUN_ACTIVE, Boolean.class, false);
		if (!enabled && environment.matchesProfiles(PRODUCTION_PROFILE)) {
			throw new IllegalStateException("The production profile needs API access control: "
					+ "remove worker.security.enabled=false and configure JWT or API keys");
		}
		if (!enabled) {
			logger.warn("API access control is off ({}): whoever reaches this port reads the API and the metrics",
					(properties.enabled() != null) ? "worker.security.enabled=false"
							: "the embedded run's default; set worker.security.enabled=true to turn it on");
		}
		return enabled;
	}

}
