package io.workflowpersistence.worker.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.worker.testing.HttpAnswer;
import io.workflowpersistence.worker.testing.SecuredWorkerTestSupport;
import io.workflowpersistence.worker.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access control of the API and the actuator: no credentials 401, a token or key without
 * the scope 403, both as problems; the right scope 200; health public (its details for
 * callers with credentials only), metrics protected; every call in the access log with
 * its caller.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiAccessIntegrationTests extends SecuredWorkerTestSupport {

	private static final String INSTANCES = "/api/v1/instances";

	@Test
	void noCredentialsIsA401Problem() {
		HttpAnswer answer = get(INSTANCES);
		JsonNode problem = answer.problem(401);
		assertThat(problem.get("detail").asString()).contains("bearer token").contains("X-API-Key");
		assertThat(problem.get("instance").asString()).isEqualTo(INSTANCES);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
	}

	@Test
	void aTokenWithoutTheReadScopeIsA403Problem() {
		String token = TOKENS.token("grafana", Scopes.METRICS);
		HttpAnswer answer = get(INSTANCES, "Authorization", bearer(token));
		answer.problem(403);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).get().asString().contains("insufficient_scope");
	}

	@Test
	void aTokenWithTheReadScopeReads() {
		HttpAnswer answer = get(INSTANCES, "Authorization", bearer(TOKENS.token("alice", Scopes.READ)));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.json().has("items")).isTrue();
	}

	@Test
	void anExpiredTokenOrOneSignedByAnotherKeyIsA401Problem() {
		String expired = TOKENS.token("alice", Instant.now().minusSeconds(600), Scopes.READ);
		assertThat(get(INSTANCES, "Authorization", bearer(expired)).problem(401).get("detail").asString())
			.contains("bearer token is not valid");
		String forged = TestTokens.create().token("mallory", Scopes.READ);
		get(INSTANCES, "Authorization", bearer(forged)).problem(401);
		get(INSTANCES, "Authorization", "Bearer not-a-jwt").problem(401);
	}

	@Test
	void anApiKeyWithTheReadScopeReadsAndAnUnknownKeyIsA401Problem() {
		assertThat(get(INSTANCES, "X-API-Key", READER_KEY).status()).isEqualTo(200);
		assertThat(get(INSTANCES, "X-API-Key", "key-guessed").problem(401).get("detail").asString())
			.contains("API key is not valid");
		get(INSTANCES, "X-API-Key", METRICS_KEY).problem(403);
	}

	@Test
	void healthIsPublicAndMetricsNeedTheMetricsScope() {
		HttpAnswer health = get("/actuator/health");
		assertThat(health.status()).as(health.body()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		get("/actuator/prometheus").problem(401);
		get("/actuator/prometheus", "X-API-Key", READER_KEY).problem(403);
		HttpAnswer metrics = get("/actuator/prometheus", "X-API-Key", METRICS_KEY);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("workflow_ingest_");
		assertThat(get("/actuator/prometheus", "Authorization", bearer(TOKENS.token("prometheus", Scopes.METRICS)))
			.status()).isEqualTo(200);
		get("/actuator/info").problem(401);
	}

	@Test
	void anonymousHealthIsTheStatusAloneAndCallersWithCredentialsSeeTheDetails() {
		JsonNode anonymous = get("/actuator/health").json();
		// The status, and the names of the probe groups (/actuator/health/liveness and
		// /readiness): no component, no detail.
		assertThat(anonymous.propertyNames()).containsExactlyInAnyOrder("status", "groups");
		assertThat(anonymous.get("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");
		assertThat(anonymous.get("status").asString()).isEqualTo("UP");
		JsonNode withKey = get("/actuator/health", "X-API-Key", READER_KEY).json();
		assertThat(withKey.get("status").asString()).isEqualTo("UP");
		assertThat(withKey.path("components").propertyNames()).as(withKey.toString()).contains("db", "kafka");
		JsonNode withToken = get("/actuator/health", "Authorization", bearer(TOKENS.token("ops", Scopes.METRICS)))
			.json();
		assertThat(withToken.path("components").path("kafka").path("status").asString()).isNotEmpty();
	}

	@Test
	void catalogAnswersAreTheCallersOwnAndRevalidatedByTheirTag() {
		HttpAnswer first = get("/api/v1/categories", "X-API-Key", READER_KEY);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
		String tag = first.headers().firstValue("ETag").orElseThrow();
		HttpAnswer again = get("/api/v1/categories", "X-API-Key", READER_KEY, "If-None-Match", tag);
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(get("/api/v1/categories", "X-API-Key", SENSITIVE_READER_KEY, "If-None-Match", tag).status())
			.as("another caller's scopes, another tag")
			.isEqualTo(200);
		get("/api/v1/categories", "If-None-Match", tag).problem(401);
	}

	@Test
	void theDashboardAndTheApiDocumentNeedCredentialsToo() {
		for (String path : List.of("/dashboard/summary", "/v3/api-docs", "/api/v1/instances")) {
			get(path).problem(401);
		}
		assertThat(get("/dashboard/summary", "X-API-Key", READER_KEY).status()).isEqualTo(200);
		assertThat(get("/v3/api-docs", "X-API-Key", READER_KEY).status()).isEqualTo(200);
	}

	@Test
	void thePagesOfTheDashboardAndTheExplorerLoadWithoutCredentialsAndHoldNoData() {
		for (String path : List.of("/", "/explorer/instances.html", "/explorer/api.js", "/dashboard/dashboard.js",
				"/dashboard/dashboard.css")) {
			HttpAnswer answer = get(path);
			assertThat(answer.status()).as(path).isEqualTo(200);
			assertThat(answer.body()).as(path).doesNotContain("\"items\"");
		}
	}

	@Test
	void aRequestBodyOverTheLimitIsA413Problem() {
		String body = "{\"status\":[" + "\"Running\",".repeat(600) + "\"Running\"]}";
		HttpAnswer answer = HttpAnswer.send(HttpRequest.newBuilder(URI.create(url(INSTANCES + "/search")))
			.header("X-API-Key", READER_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		answer.problem(413);
		HttpAnswer small = HttpAnswer.send(HttpRequest.newBuilder(URI.create(url(INSTANCES + "/search")))
			.header("X-API-Key", READER_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"status\":[\"Running\"]}"))
			.build());
		assertThat(small.status()).as(small.body()).isEqualTo(200);
	}

	@Test
	void eachCallIsOneJsonLineOfTheAccessLogNamingItsCaller(CapturedOutput output) {
		// The JVM has one logging system: a command another test ran in it (they log at
		// WARN) may have left its levels behind in this cached context.
		LoggingSystem.get(getClass().getClassLoader()).setLogLevel("access", LogLevel.INFO);
		get(INSTANCES + "?limit=1", "Authorization", bearer(TOKENS.token("alice", Scopes.READ)));
		get(INSTANCES + "?limit=2", "X-API-Key", READER_KEY);
		get(INSTANCES + "?limit=3");
		get("/actuator/prometheus", "X-API-Key", READER_KEY);
		get("/actuator/health");
		List<JsonNode> lines = accessLines(output.getOut());
		assertThat(lines)
			.extracting((line) -> line.get("path").asString() + " " + line.get("status").asInt() + " "
					+ line.get("authentication").asString() + " "
					+ (line.get("caller").isNull() ? "-" : line.get("caller").asString()))
			.containsExactly("/api/v1/instances 200 jwt alice", "/api/v1/instances 200 api-key reporting",
					"/api/v1/instances 401 anonymous -", "/actuator/prometheus 403 api-key reporting");
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.get("method").asString()).isEqualTo("GET");
			assertThat(line.get("durationMs").isIntegralNumber()).isTrue();
			assertThat(line.get("remoteAddress").asString()).isNotBlank();
		});
	}

	private static List<JsonNode> accessLines(String output) {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : output.split("\\R")) {
			int json = line.indexOf("{\"type\":\"access\"");
			if (json >= 0 && line.contains(" access ")) {
				lines.add(JsonMapper.shared().readTree(line.substring(json)));
			}
		}
		return lines;
	}

}
