package io.workflowpersistence.worker.ingest;

import io.workflowpersistence.events.EventParser;
import io.workflowpersistence.worker.store.OffsetStore;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Wires the listener container that consumes the configured topics in batches.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	@Bean
	EventParser eventParser() {
		return new EventParser();
	}

	/**
	 * A failed batch (the database unreachable, the broker refusing a dead letter) is
	 * retried whole, with back-off, while the consumer stays paused in its group; it is
	 * never skipped. Bad records never reach this: the ingestor dead-letters them.
	 */
	@Bean
	CommonErrorHandler ingestErrorHandler(BatchIngestorFactory ingestors) {
		return new DefaultErrorHandler(ingestors.retry());
	}

	@Bean
	BatchIngestor batchIngestor(BatchIngestorFactory ingestors, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, KafkaOperations<byte[], byte[]> deadLetterTemplate) {
		return ingestors.create(jdbc, transactions, deadLetterTemplate);
	}

	@Bean
	@SuppressWarnings("unchecked")
	ConcurrentMessageListenerContainer<byte[], byte[]> ingestContainer(
			ConcurrentKafkaListenerContainerFactory<?, ?> factory, IngestProperties properties, BatchIngestor ingestor,
			OffsetStore offsets, IngestHealth health, IngestFreshness freshness, IngestMetrics metrics,
			IngestConsumers consumers) {
		ConcurrentMessageListenerContainer<byte[], byte[]> container = ((ConcurrentKafkaListenerContainerFactory<byte[], byte[]>) factory)
			.createContainer(properties.topics().toArray(String[]::new));
		IngestListener listener = new IngestListener(ingestor, offsets, health,
				new IngestListener.Observers(freshness, metrics, consumers));
		container.getContainerProperties().setMessageListener(listener);
		container.getContainerProperties().setConsumerRebalanceListener(listener);
		container.setAutoStartup(properties.enabled());
		return container;
	}

	// Created at start-up, so the first dead letter does not wait for a topic; without
	// ingestion there is nothing to create, and no broker need answer.
	@Bean
	@ConditionalOnBooleanProperty(name = "worker.ingest.enabled", matchIfMissing = true)
	KafkaAdmin.NewTopics deadLetterTopics(IngestProperties properties) {
		return new KafkaAdmin.NewTopics(properties.topics()
			.stream()
			.map((topic) -> TopicBuilder.name(topic + properties.deadLetterSuffix()).build())
			.toArray(NewTopic[]::new));
	}

}
