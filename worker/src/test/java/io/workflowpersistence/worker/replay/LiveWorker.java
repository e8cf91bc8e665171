package io.workflowpersistence.worker.replay;

import java.util.ArrayList;
import java.util.List;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.worker.WorkerApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A worker consuming live in this JVM, as its jar would: its own Spring context, with or
 * without the read API on a random port.
 */
final class LiveWorker implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private LiveWorker(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static LiveWorker start(DatabaseInfo database, String group, List<String> topics, boolean web) {
		return start(database, group, topics, web, List.of());
	}

	/**
	 * A worker with further settings ({@code --worker.retention.…=…}).
	 */
	static LiveWorker start(DatabaseInfo database, String group, List<String> topics, boolean web,
			List<String> settings) {
		List<String> args = new ArrayList<>(ReplayTesting.settings(database, group, topics));
		args.add("--server.port=0");
		args.add("--spring.kafka.consumer.max-poll-records=500");
		args.add("--worker.ingest.retry.max-interval=2s");
		args.add("--management.metrics.use-global-registry=false");
		args.add("--worker.security.enabled=false");
		args.addAll(settings);
		return new LiveWorker(new SpringApplicationBuilder(WorkerApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.run(args.toArray(String[]::new)));
	}

	String url(String path) {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port") + path;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
