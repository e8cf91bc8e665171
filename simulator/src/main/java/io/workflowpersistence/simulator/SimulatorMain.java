package io.workflowpersistence.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The simulator as a command: publishes a simulated engine's events to a Kafka cluster at
 * a given rate until the run ends, a number of events is reached, or the process is
 * stopped. Exits with 0 when done, 1 when publishing failed and 2 for bad arguments.
 */
public final class SimulatorMain {

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private SimulatorMain() {
	}

	public static void main(String[] args) {
		int code = run(Arrays.asList(args), System.getenv(), System.out, System.err);
		// Exiting explicitly while the JVM shuts down on a signal would block it.
		if (code != 0) {
			System.exit(code);
		}
	}

	/**
	 * Runs the command and returns its exit code.
	 */
	static int run(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
		if (SimulatorArguments.asksForHelp(args)) {
			out.print(SimulatorArguments.usage());
			return 0;
		}
		SimulatorArguments arguments;
		try {
			arguments = SimulatorArguments.parse(args, environment, Instant.now());
		}
		catch (ParameterException ex) {
			err.println("error: " + ex.getMessage());
			UnmatchedArgumentException.printSuggestions(ex, err);
			err.println();
			err.print(SimulatorArguments.usage());
			return 2;
		}
		try {
			publish(arguments, out);
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("error: " + describe(ex));
			return 1;
		}
	}

	private static String describe(Throwable failure) {
		StringBuilder description = new StringBuilder(String.valueOf(failure.getMessage()));
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !description.toString().contains(cause.getMessage())) {
				description.append(": ").append(cause.getMessage());
			}
		}
		return description.toString();
	}

	private static void publish(SimulatorArguments arguments, PrintStream out) {
		SimulatorSettings settings = arguments.settings();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, arguments.bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				20_000))) {
			List<String> created = SimulatorTopics.createMissing(admin, arguments.partitions());
			if (!created.isEmpty()) {
				out.println("Created topics " + created + " with " + arguments.partitions() + " partitions");
			}
		}
		out.printf("Publishing to %s: seed %d, start time %s, %s instances, %s%n", arguments.bootstrapServers(),
				settings.seed(), settings.startTime(),
				(settings.instances() == 0) ? "endless" : String.valueOf(settings.instances()),
				(arguments.rate() == 0) ? "as fast as possible" : arguments.rate() + " events/s");
		EngineSimulator simulator = new EngineSimulator(settings);
		Thread publishing = Thread.currentThread();
		Thread stopper = new Thread(() -> stop(publishing), "simulator-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "simulator-progress");
			thread.setDaemon(true);
			return thread;
		});
		try (Producer<byte[], byte[]> producer = new KafkaProducer<>(
				SimulatorPublisher.producerSettings(arguments.bootstrapServers()))) {
			SimulatorPublisher publisher = new SimulatorPublisher(producer, arguments.rate());
			progress.scheduleAtFixedRate(() -> out.println("Published " + publisher.published() + " events"),
					PROGRESS_INTERVAL.toMillis(), PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			long sent = publisher.publish(simulator.iterator(), arguments.events());
			// Stopped by a signal: close the producer normally all the same.
			boolean stopped = Thread.interrupted();
			out.println((stopped ? "Stopped after " : "Published ") + sent + " events: " + simulator.counts());
		}
		finally {
			progress.shutdownNow();
			removeHook(stopper);
		}
	}

	/**
	 * On a signal, lets the publishing thread flush what it sent before the JVM exits.
	 */
	private static void stop(Thread publishing) {
		publishing.interrupt();
		try {
			publishing.join(TimeUnit.SECONDS.toMillis(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// The JVM is already shutting down: the hook is running.
		}
	}

}
