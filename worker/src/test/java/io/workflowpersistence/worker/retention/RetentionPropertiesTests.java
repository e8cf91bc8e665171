package io.workflowpersistence.worker.retention;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the operations docs name bind to the retention settings.
 */
class RetentionPropertiesTests {

	@Test
	void environmentVariablesBindToTheSettings() {
		RetentionProperties properties = bind(Map.of("WORKER_RETENTION_FINISHED_INSTANCES", "30d",
				"WORKER_RETENTION_SWEEP_INTERVAL", "15m", "WORKER_RETENTION_CHUNK_SIZE", "200",
				"WORKER_RETENTION_BYSTATUS_FAULTED", "90d", "WORKER_RETENTION_REMOVAL_RECORDS_KEPT_FOR", "400d"));

		assertThat(properties.finishedInstances()).isEqualTo(Duration.ofDays(30));
		assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMinutes(15));
		assertThat(properties.chunkSize()).isEqualTo(200);
		assertThat(properties.removalRecordsKeptFor()).isEqualTo(Duration.ofDays(400));
		assertThat(new RetentionPolicy(properties).ruleFor("any", "Faulted"))
			.contains(new RetentionPolicy.Rule(RetentionPolicy.Reason.STATUS, Duration.ofDays(90)));
	}

	@Test
	void retentionIsOffByDefault() {
		RetentionProperties properties = bind(Map.of());

		assertThat(properties.finishedInstances()).isNull();
		assertThat(properties.sweepInterval()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.chunkSize()).isEqualTo(500);
		assertThat(new RetentionPolicy(properties).enabled()).isFalse();
	}

	private static RetentionProperties bind(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(
					"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("worker.retention",
				RetentionProperties.class);
	}

}
