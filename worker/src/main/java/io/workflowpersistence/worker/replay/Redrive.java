package io.workflowpersistence.worker.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.workflowpersistence.worker.ingest.IngestProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The {@code redrive} command: sends the dead letters published since the last redrive
 * back to their original topic and partition, with their key, value and headers, and
 * remembers in its consumer group how far it got, so each dead letter goes back once.
 */
final class Redrive {

	private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

	private static final int REASON_LENGTH = 160;

	private final CommandContext context;

	private final RedriveArguments arguments;

	private final PrintStream out;

	private final Map<String, Integer> redriven = new TreeMap<>();

	private int skipped;

	Redrive(CommandContext context, RedriveArguments arguments, PrintStream out) {
		this.context = context;
		this.arguments = arguments;
		this.out = out;
	}

	int run() {
		String liveGroup = this.context.liveGroup();
		String group = (this.arguments.group() != null) ? this.arguments.group() : liveGroup + ".redrive";
		if (group.equals(liveGroup)) {
			throw new CommandException(ReplayCommands.USAGE,
					"--group must differ from the live consumer group " + liveGroup);
		}
		IngestProperties ingest = this.context.ingest();
		List<String> topics = !this.arguments.topics().isEmpty() ? this.arguments.topics()
				: ingest.topics().stream().map((topic) -> topic + ingest.deadLetterSuffix()).toList();
		KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(this.context.producerFactory());
		Consumer<byte[], byte[]> consumer = this.context.consumer(group, "redrive");
		try (TopicOffsets offsets = new TopicOffsets(consumer)) {
			List<TopicPartition> partitions = offsets.partitions(topics);
			Map<TopicPartition, Long> ends = offsets.ends(partitions);
			this.out.println((this.arguments.dryRun() ? "Dry run: listing" : "Sending back") + " the dead letters of "
					+ topics + " as consumer group " + group);
			start(consumer, partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				List<CompletableFuture<?>> sends = new ArrayList<>();
				Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.offset() < ends.get(partition)) {
						redrive(record, template, sends);
						next.put(partition, new OffsetAndMetadata(record.offset() + 1));
					}
				}
				awaitSent(sends);
				if (!this.arguments.dryRun() && !next.isEmpty()) {
					consumer.commitSync(next);
				}
			}
		}
		this.out.println(summary());
		return ReplayCommands.DONE;
	}

	private void start(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
		consumer.assign(partitions);
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata offset = committed.get(partition);
			if (offset != null) {
				consumer.seek(partition, offset.offset());
			}
			else {
				consumer.seekToBeginning(List.of(partition));
			}
		}
	}

	private void redrive(ConsumerRecord<byte[], byte[]> record, KafkaTemplate<byte[], byte[]> template,
			List<CompletableFuture<?>> sends) {
		String from = record.topic() + "-" + record.partition() + "@" + record.offset();
		DeadLetterOrigin origin = DeadLetterOrigin.of(record.headers()).orElse(null);
		if (origin == null) {
			this.skipped++;
			this.out.println(from + ": no kafka_dlt-original-* headers, not a dead letter; left where it is");
			return;
		}
		this.redriven.merge(origin.topic(), 1, Integer::sum);
		if (this.arguments.dryRun()) {
			this.out.println(from + " from " + origin + ": " + shortened(DeadLetterOrigin.reason(record.headers())));
			return;
		}
		sends.add(template.send(new ProducerRecord<>(origin.topic(), origin.partition(), null, record.key(),
				record.value(), new RecordHeaders(record.headers().toArray()))));
	}

	private static void awaitSent(List<CompletableFuture<?>> sends) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending dead letters back", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send a dead letter back; the ones before were sent and "
					+ "remembered, the next redrive starts there", ex);
		}
	}

	private String summary() {
		int total = this.redriven.values().stream().mapToInt(Integer::intValue).sum();
		StringBuilder summary = new StringBuilder(this.arguments.dryRun() ? "Would send back " : "Sent back ");
		summary.append(total).append(" dead letters");
		if (!this.redriven.isEmpty()) {
			summary.append(": ");
			this.redriven.forEach((topic, count) -> summary.append(topic).append(' ').append(count).append(", "));
			summary.setLength(summary.length() - 2);
		}
		if (this.skipped > 0) {
			summary.append("; ").append(this.skipped).append(" records without their origin left in place");
		}
		return summary.append('.').toString();
	}

	private static String shortened(String reason) {
		String line = reason.replaceAll("\\s+", " ");
		return (line.length() <= REASON_LENGTH) ? line : line.substring(0, REASON_LENGTH) + "…";
	}

}
