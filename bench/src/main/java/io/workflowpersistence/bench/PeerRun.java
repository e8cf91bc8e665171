package io.workflowpersistence.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.workflowpersistence.db.testing.DatabaseInfo;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One drain of the peer topics by Debezium's JDBC sink in Kafka Connect standalone, into
 * a freshly migrated database (the worker's tables and indexes): progress read from the
 * connector's committed offsets every 250 ms (Connect commits every 500 ms), resources
 * twice a second, and afterwards the rows compared with those the worker left.
 */
final class PeerRun {

	private final Setup setup;

	private final PeerTopics topics;

	PeerRun(Setup setup, PeerTopics topics) {
		this.setup = setup;
		this.topics = topics;
	}

	PeerResult run(int run, DatabaseInfo ours) throws SQLException {
		DatabaseInfo database = Databases.migrated("bench_peer");
		String name = "bench-peer-" + run + "-" + System.currentTimeMillis();
		long total = this.topics.records();
		try (Admin admin = this.setup.kafka().admin();
				ProgressSampler progress = new ProgressSampler("peer-progress", committed(admin, "connect-" + name),
						Duration.ofMillis(250));
				ConnectStandalone connect = ConnectStandalone.start(this.setup.options().peer(),
						this.setup.directory().resolve("connect"), this.setup.kafka().bootstrapServers(), name,
						PeerTopics.topics(), database);
				ResourceSampler resources = new ResourceSampler(connect.pid(),
						Map.of("Kafka Connect", connect.pid(), "Kafka broker", this.setup.kafka().pid()), () -> -1,
						database)) {
			progress.awaitAtLeast(total, this.setup.options().drainTimeout().multipliedBy(3),
					connect.process()::checkAlive);
			Drain drain = Drain.of(progress.samples(), total, 0.5);
			ResourceSampler.Usage usage = resources.usage(drain.startNanos(), drain.endNanos());
			connect.close();
			PeerResult result = new PeerResult(run, drain, usage, Tables.count(database),
					RowDifferences.between(ours, database));
			Databases.drop(database);
			return result;
		}
	}

	private static ProgressSampler.Progress committed(Admin admin, String group) {
		List<String> topics = PeerTopics.topics();
		return () -> {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
			return offsets.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() != null && topics.contains(entry.getKey().topic()))
				.mapToLong((entry) -> entry.getValue().offset())
				.sum();
		};
	}

	/**
	 * One drain by the peer.
	 *
	 * @param run the number of the run
	 * @param drain how fast
	 * @param usage what it used
	 * @param rows the rows of each table afterwards
	 * @param differences how its rows differ from the worker's
	 */
	record PeerResult(int run, Drain drain, ResourceSampler.Usage usage, Map<String, Long> rows,
			RowDifferences differences) {
	}

}
