package io.workflowpersistence.worker.embedded;

import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tells a new user of an embedded run, once the worker is ready, where to look: the
 * dashboard, the API and its documentation where present, health, metrics, a few ready
 * {@code curl} commands, and where the embedded servers are.
 */
class WhereToLook implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(WhereToLook.class);

	private static final String SWAGGER_UI = "org.springdoc.webmvc.ui.SwaggerConfig";

	private final EmbeddedServices services;

	private final Environment environment;

	private final RequestMappingHandlerMapping mappings;

	WhereToLook(EmbeddedServices services, Environment environment, RequestMappingHandlerMapping mappings) {
		this.services = services;
		this.environment = environment;
		this.mappings = mappings;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		logger.info("{}", text());
	}

	String text() {
		String base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		Set<String> paths = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.map(RequestMappingInfo::getPatternValues)
			.flatMap(Set::stream)
			.collect(Collectors.toSet());
		StringBuilder text = new StringBuilder();
		text.append(
				"\n\nThe worker is running on an embedded PostgreSQL and Kafka broker, fed by a simulated engine.\n\n");
		line(text, "Dashboard", base + "/");
		if (paths.contains("/api/v1/instances")) {
			line(text, "Read API", base + "/api/v1/instances");
		}
		if (paths.contains("/v3/api-docs")) {
			line(text, "OpenAPI", base + "/v3/api-docs");
		}
		if (ClassUtils.isPresent(SWAGGER_UI, getClass().getClassLoader())) {
			line(text, "OpenAPI UI", base + "/swagger-ui/index.html");
		}
		line(text, "Health", base + "/actuator/health");
		line(text, "Metrics", base + "/actuator/prometheus");
		text.append("\n  Try:\n");
		if (paths.contains("/api/v1/stats/instances")) {
			text.append("    curl -s ").append(base).append("/api/v1/stats/instances\n");
		}
		if (paths.contains("/api/v1/instances")) {
			text.append("    curl -s '").append(base).append("/api/v1/instances?status=Running&limit=5'\n");
		}
		text.append("    curl -s ").append(base).append("/dashboard/summary\n");
		text.append("    curl -s ").append(base).append("/actuator/health\n\n");
		line(text, "PostgreSQL", this.services.jdbcUrl() + " (user " + this.services.username() + ", no password)");
		line(text, "Kafka", this.services.bootstrapServers());
		line(text, "Data", this.services.directory()
				+ (this.services.isTemporary() ? " (deleted on exit)" : " (kept across runs)"));
		text.append("\nStop with Ctrl+C.\n");
		return text.toString();
	}

	private static void line(StringBuilder text, String name, String value) {
		text.append("  ").append(String.format("%-12s", name)).append(value).append('\n');
	}

}
