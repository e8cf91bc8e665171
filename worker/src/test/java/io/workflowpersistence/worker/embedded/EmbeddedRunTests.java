package io.workflowpersistence.worker.embedded;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedRunTests {

	@Test
	void embeddedServersAreWantedWhenNeitherDatabaseNorKafkaIsConfigured() {
		assertThat(EmbeddedRun.isWanted(environment(Map.of(), Map.of()))).isTrue();
	}

	@Test
	void aConfiguredDatabaseOrKafkaClusterMeansNothingEmbedded() {
		assertThat(EmbeddedRun
			.isWanted(environment(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/workflows"), Map.of())))
			.isFalse();
		assertThat(EmbeddedRun.isWanted(environment(Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), Map.of())))
			.isFalse();
		assertThat(EmbeddedRun.isWanted(environment(Map.of(), Map.of("spring.kafka.bootstrap-servers", "kafka:9092"))))
			.isFalse();
	}

	@Test
	void theSwitchDecidesWhenSet() {
		assertThat(EmbeddedRun.isWanted(environment(Map.of("WORKER_EMBEDDED_ENABLED", "false"), Map.of()))).isFalse();
		assertThat(EmbeddedRun.isWanted(environment(Map.of(),
				Map.of("worker.embedded.enabled", "true", "spring.datasource.url", "jdbc:postgresql://db/workflows"))))
			.isTrue();
	}

	@Test
	void theJarCarriesTheEmbeddedServersWhenTheirClassesAreThere() throws IOException {
		assertThat(EmbeddedRun.isPackaged(getClass().getClassLoader())).as("the tests' class path, as worker.jar")
			.isTrue();
		try (URLClassLoader withoutThem = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
			assertThat(EmbeddedRun.isPackaged(withoutThem)).as("a class path without them, as worker-server.jar")
				.isFalse();
		}
	}

	private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new MapPropertySource("properties", properties));
		environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("variables", variables));
		return environment;
	}

}
