package io.workflowpersistence.worker.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Starts an embedded PostgreSQL and Kafka broker for the worker when it is given neither
 * a database nor a Kafka cluster (or when {@code worker.embedded.enabled} says so),
 * before any bean connects to them, and stops them after the application context has
 * closed. The same jar given {@code SPRING_DATASOURCE_URL} or
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} starts nothing embedded. The production jar,
 * {@code worker-server.jar}, is packaged without the embedded servers: there, the run
 * that would start them fails with {@link EmbeddedServersMissingException} before any
 * class of theirs is loaded.
 */
public final class EmbeddedRun implements ApplicationListener<ApplicationEvent>, Ordered {

	static final String ACTIVE_PROPERTY = "worker.embedded.active";

	// Named, not imported: the production jar has neither, and a check must not load
	// them.
	private static final String POSTGRES_SERVER_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	private static final String KAFKA_SERVER_CLASS = "kafka.server.KafkaRaftServer";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedRun.class);

	private final SpringApplication application;

	private EmbeddedServices services;

	private EmbeddedRun(SpringApplication application) {
		this.application = application;
	}

	/**
	 * Lets the application start embedded servers when it has none configured.
	 * @param application the application, not yet run
	 */
	public static void install(SpringApplication application) {
		application.addListeners(new EmbeddedRun(application));
	}

	/**
	 * Whether an environment asks for the embedded servers.
	 */
	static boolean isWanted(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		Boolean enabled = binder.bind("worker.embedded.enabled", Boolean.class).orElse(null);
		if (enabled != null) {
			return enabled;
		}
		return !binder.bind("spring.datasource.url", String.class).isBound()
				&& !binder.bind("spring.kafka.bootstrap-servers", String.class).isBound();
	}

	/**
	 * Whether the jar carries the embedded servers: worker.jar does, worker-server.jar
	 * does not.
	 */
	static boolean isPackaged(ClassLoader classLoader) {
		return ClassUtils.isPresent(POSTGRES_SERVER_CLASS, classLoader)
				&& ClassUtils.isPresent(KAFKA_SERVER_CLASS, classLoader);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared && isWanted(prepared.getEnvironment())) {
			start(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationFailedEvent && this.services != null) {
			this.services.stop();
		}
	}

	/**
	 * After the configuration files are read, so that their settings count.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private void start(ConfigurableEnvironment environment) {
		if (!isPackaged(this.application.getClassLoader())) {
			throw new EmbeddedServersMissingException();
		}
		EmbeddedProperties properties = Binder.get(environment)
			.bindOrCreate("worker.embedded", EmbeddedProperties.class);
		logger.info("No database and no Kafka cluster configured: starting an embedded PostgreSQL and Kafka broker");
		EmbeddedServices services = EmbeddedServices.start(properties.dataDirectory(), properties.partitions());
		this.services = services;
		// After the context has closed, so that nothing still uses them.
		SpringApplication.getShutdownHandlers().add(services::stop);
		Map<String, Object> connections = new LinkedHashMap<>();
		connections.put("spring.datasource.url", services.jdbcUrl());
		connections.put("spring.datasource.username", services.username());
		connections.put("spring.datasource.password", "");
		connections.put("spring.kafka.bootstrap-servers", services.bootstrapServers());
		connections.put(ACTIVE_PROPERTY, "true");
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedServices", connections));
		this.application
			.addInitializers((context) -> context.getBeanFactory().registerSingleton("embeddedServices", services));
		logger.info("Embedded PostgreSQL at {}, Kafka at {}, data in {}", services.jdbcUrl(),
				services.bootstrapServers(), services.directory());
	}

}
