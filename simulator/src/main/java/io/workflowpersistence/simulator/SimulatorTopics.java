package io.workflowpersistence.simulator;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The default topics of the event contract, which the simulator publishes to.
 */
public final class SimulatorTopics {

	public static final String DEFINITIONS = "workflow.definitions";

	public static final String INSTANCES = "workflow.instances";

	public static final String ACTIVITIES = "workflow.activities";

	public static final String BOOKMARKS = "workflow.bookmarks";

	public static final String TRIGGERS = "workflow.triggers";

	/**
	 * Categories and custom activity definitions.
	 */
	public static final String CATALOG = "workflow.catalog";

	public static final List<String> ALL = List.of(DEFINITIONS, INSTANCES, ACTIVITIES, BOOKMARKS, TRIGGERS, CATALOG);

	private SimulatorTopics() {
	}

	/**
	 * Creates those of the topics that do not exist yet, with the given number of
	 * partitions and the broker's default replication factor.
	 * @param admin a client of the cluster
	 * @param partitions the number of partitions of a new topic
	 * @return the topics created
	 */
	public static List<String> createMissing(Admin admin, int partitions) {
		try {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<NewTopic> missing = ALL.stream()
				.filter((topic) -> !existing.contains(topic))
				.map((topic) -> new NewTopic(topic, Optional.of(partitions), Optional.empty()))
				.toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
			}
			return missing.stream().map(NewTopic::name).toList();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topics", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not create the topics " + ALL + ": " + ex.getMessage(), ex);
		}
	}

}
