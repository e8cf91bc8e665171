package io.workflowpersistence.worker.replay;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.workflowpersistence.worker.WorkerApplication;
import io.workflowpersistence.worker.ingest.BatchIngestorFactory;
import io.workflowpersistence.worker.ingest.IngestProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The worker's configuration for a command: the application started without the web
 * server, without the live listener and without migrating, so that a command reads the
 * settings ops give the worker (environment, {@code application.yml}, {@code --spring.…=}
 * arguments) and nothing else runs.
 */
public final class CommandContext implements AutoCloseable {

	// Above the environment, so that a worker's WORKER_INGEST_ENABLED=true cannot start
	// the live listener inside a command.
	private static final Map<String, Object> FORCED = Map.of("worker.ingest.enabled", "false", "spring.flyway.enabled",
			"false", "spring.kafka.admin.auto-create", "false", "spring.kafka.listener.auto-startup", "false",
			"spring.main.web-application-type", "none");

	private final ConfigurableApplicationContext context;

	private CommandContext(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the worker's configuration for a command.
	 * @param configuration the worker's settings given as arguments
	 * @return the started configuration, to be closed
	 */
	public static CommandContext start(List<String> configuration) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false)
			.properties("logging.level.root=warn", "logging.level.org.flywaydb=error",
					// A rebuild commits its offsets only for Kafka's tools to show.
					"logging.level.org.apache.kafka.clients.consumer.internals.ConsumerCoordinator=error",
					"spring.application.name=workflow-persistence-command")
			.initializers((initialized) -> initialized.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("command", FORCED)))
			.run(configuration.toArray(String[]::new));
		return new CommandContext(context);
	}

	/**
	 * The database as the user that owns the tables: the migrations' user when one is
	 * configured, else the worker's.
	 */
	ConnectionSettings database() {
		DataSourceProperties dataSource = this.context.getBean(DataSourceProperties.class);
		Environment environment = this.context.getEnvironment();
		String flywayUser = environment.getProperty("spring.flyway.user");
		String url = environment.getProperty("spring.flyway.url", dataSource.determineUrl());
		if (flywayUser != null && !flywayUser.isBlank()) {
			return new ConnectionSettings(url, flywayUser, environment.getProperty("spring.flyway.password"));
		}
		return new ConnectionSettings(url, dataSource.determineUsername(), dataSource.determinePassword());
	}

	List<String> migrationLocations() {
		String locations = this.context.getEnvironment()
			.getProperty("spring.flyway.locations", "classpath:db/migration");
		return Arrays.stream(locations.split(",")).map(String::trim).filter((location) -> !location.isEmpty()).toList();
	}

	IngestProperties ingest() {
		return this.context.getBean(IngestProperties.class);
	}

	BatchIngestorFactory ingestors() {
		return this.context.getBean(BatchIngestorFactory.class);
	}

	/**
	 * A bean of the worker's configuration, for a command of another feature.
	 * @param type the bean's type
	 * @param <T> the bean's type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	String liveGroup() {
		return String.valueOf(consumerFactory().getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG));
	}

	int listenerConcurrency() {
		Integer concurrency = this.context.getBean(KafkaProperties.class).getListener().getConcurrency();
		return (concurrency != null) ? concurrency : 1;
	}

	/**
	 * A consumer with the worker's settings that never commits by itself and never
	 * creates a topic by asking for it.
	 */
	Consumer<byte[], byte[]> consumer(String groupId, String clientSuffix) {
		Properties overrides = new Properties();
		overrides.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.setProperty(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
		overrides.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return consumerFactory().createConsumer(groupId, groupId, "-" + clientSuffix, overrides);
	}

	@SuppressWarnings("unchecked")
	ProducerFactory<byte[], byte[]> producerFactory() {
		return this.context.getBean(ProducerFactory.class);
	}

	@SuppressWarnings("unchecked")
	private ConsumerFactory<byte[], byte[]> consumerFactory() {
		return this.context.getBean(ConsumerFactory.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
