package io.workflowpersistence.kafka;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings name one node that is broker and controller, on the given ports, with
 * every replication factor 1.
 */
class SingleNodeKafkaTests {

	@Test
	void oneNodeIsBrokerAndControllerOnTheGivenPorts() {
		Properties properties = SingleNodeKafka.serverProperties(19092, 19093, Path.of("/var/kafka"), 3);

		assertThat(properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
			.containsEntry("controller.listener.names", "CONTROLLER")
			.containsEntry("log.dirs", Path.of("/var/kafka").toAbsolutePath().toString())
			.containsEntry("num.partitions", "3");
	}

	@Test
	void everyReplicationFactorIsOne() {
		assertThat(SingleNodeKafka.singleReplica()).containsEntry("default.replication.factor", "1")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("share.coordinator.state.topic.min.isr", "1");
		assertThat(SingleNodeKafka.serverProperties(1, 2, Path.of("."), 1))
			.containsAllEntriesOf(SingleNodeKafka.singleReplica());
	}

}
