package io.workflowpersistence.worker.embedded;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.workflowpersistence.simulator.EngineSimulator;
import io.workflowpersistence.simulator.SimulatorPublisher;
import io.workflowpersistence.simulator.SimulatorSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * The simulated engine of an embedded run: once the worker is ready, publishes its events
 * to the embedded broker at a gentle rate, on a thread of its own, until the worker
 * stops.
 */
class DemoSimulator implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DemoSimulator.class);

	private final String bootstrapServers;

	private final EmbeddedProperties.Simulator settings;

	private Thread thread;

	DemoSimulator(String bootstrapServers, EmbeddedProperties.Simulator settings) {
		this.bootstrapServers = bootstrapServers;
		this.settings = settings;
	}

	@Override
	public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
		if (!this.settings.enabled() || this.thread != null) {
			return;
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		SimulatorSettings simulation = SimulatorSettings.defaults()
			.withSeed((this.settings.seed() != null) ? this.settings.seed() : now.toEpochMilli())
			.withInstances(this.settings.instances())
			.withStartTime(now);
		this.thread = new Thread(() -> publish(simulation), "demo-simulator");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public synchronized void destroy() throws InterruptedException {
		if (this.thread != null) {
			this.thread.interrupt();
			this.thread.join(Duration.ofSeconds(10).toMillis());
		}
	}

	private void publish(SimulatorSettings simulation) {
		logger.info("Simulating an engine: seed {}, {} events/s", simulation.seed(), this.settings.rate());
		EngineSimulator simulator = new EngineSimulator(simulation);
		try (Producer<byte[], byte[]> producer = new KafkaProducer<>(
				SimulatorPublisher.producerSettings(this.bootstrapServers))) {
			long sent = new SimulatorPublisher(producer, this.settings.rate()).publish(simulator.iterator(), 0);
			// Stopped by an interrupt: close the producer normally all the same.
			Thread.interrupted();
			logger.info("The simulated engine published {} events: {}", sent, simulator.counts());
		}
		catch (RuntimeException ex) {
			logger.warn("The simulated engine stopped: {}", ex.getMessage());
		}
	}

}
