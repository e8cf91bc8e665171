package io.workflowpersistence.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.workflowpersistence.events.ActivityExecutionRecord;
import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Trigger;
import io.workflowpersistence.events.WorkflowDefinition;
import io.workflowpersistence.events.WorkflowInstance;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class EngineSimulatorTests {

	private static final SimulatorSettings SETTINGS = SimulatorSettings.defaults().withInstances(300);

	@Test
	void sameSettingsGiveByteIdenticalRecords() {
		List<ProducerRecord<byte[], byte[]>> first = new EngineSimulator(SETTINGS).records().toList();
		List<ProducerRecord<byte[], byte[]>> second = new EngineSimulator(SETTINGS).records().toList();

		assertThat(first).hasSizeGreaterThan(3000);
		assertThat(second).hasSameSizeAs(first);
		for (int index = 0; index < first.size(); index++) {
			assertThat(bytes(second.get(index))).as("record %d", index).isEqualTo(bytes(first.get(index)));
		}
	}

	@Test
	void anotherSeedRunsOtherInstances() {
		Set<String> first = instanceIds(SimulatedEvent.run(SETTINGS.withInstances(50)));
		Set<String> second = instanceIds(SimulatedEvent.run(SETTINGS.withInstances(50).withSeed(2)));

		assertThat(first).hasSize(50).doesNotContainAnyElementsOf(second);
	}

	@Test
	void recordsGoToTheContractsTopicsWithItsKeys() {
		List<SimulatedEvent> events = SimulatedEvent.run(SETTINGS);
		Map<String, String> keyOfEntity = new HashMap<>();
		events.stream()
			.filter((simulated) -> simulated.event().entity() != null)
			.forEach((simulated) -> keyOfEntity.put(simulated.entity(), expectedKey(simulated)));

		for (SimulatedEvent simulated : events) {
			assertThat(simulated.record().topic()).isEqualTo(topicOf(simulated.event().entityType()));
			// A delete carries only the id: its key is that of the entity's upserts.
			assertThat(simulated.key()).as("key of %s", simulated.type())
				.isEqualTo(keyOfEntity.get(simulated.entity()));
		}
	}

	@Test
	void eachEntitysVersionsCountUpFromOne() {
		Map<String, Set<Long>> versions = new HashMap<>();
		SimulatedEvent.run(SETTINGS)
			.forEach((simulated) -> versions.computeIfAbsent(simulated.entity(), (key) -> new TreeSet<>())
				.add(simulated.version()));

		assertThat(versions).hasSizeGreaterThan(1000);
		versions.forEach((entity, seen) -> assertThat(seen).as(entity)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, seen.size()).boxed().toList()));
	}

	@Test
	void deliveryRatesAreRoughlyRespected() {
		SimulatorSettings settings = SETTINGS.withDelivery(0.1, 0.2, 0.4);
		EngineSimulator simulator = new EngineSimulator(settings);
		List<SimulatedEvent> events = simulator.records().map(SimulatedEvent::parse).toList();
		EventCounts counts = simulator.counts();

		Set<String> seenIds = new HashSet<>();
		Map<String, Long> newest = new HashMap<>();
		long duplicates = 0;
		long late = 0;
		for (SimulatedEvent simulated : events) {
			if (!seenIds.add(simulated.eventId())) {
				duplicates++;
				continue;
			}
			Long before = newest.merge(simulated.entity(), simulated.version(), Math::max);
			if (before > simulated.version()) {
				late++;
			}
		}
		long originals = events.size() - duplicates;
		long withNewerVersion = originals - newest.size();
		assertThat(counts.duplicates()).isEqualTo(duplicates);
		assertThat(counts.outOfOrder()).isEqualTo(late);
		assertThat((double) duplicates / originals).isCloseTo(0.1, within(0.02));
		assertThat((double) late / withNewerVersion).isCloseTo(0.2, within(0.03));
		assertThat((double) events.stream().filter(SimulatedEvent::isBinary).count() / events.size()).isCloseTo(0.4,
				within(0.03));
	}

	@Test
	void deliveryRatesDoNotChangeWhatTheEventsLeaveBehind() {
		Map<String, String> clean = finalState(SimulatedEvent.run(SETTINGS.withDelivery(0, 0, 0)));
		Map<String, String> noisy = finalState(SimulatedEvent.run(SETTINGS.withDelivery(0.2, 0.3, 0.7)));

		Map<String, String> differences = new java.util.TreeMap<>();
		clean.forEach((entity, state) -> {
			if (!state.equals(noisy.get(entity))) {
				differences.put(entity, state + " <> " + noisy.get(entity));
			}
		});
		noisy.keySet()
			.stream()
			.filter((entity) -> !clean.containsKey(entity))
			.forEach((entity) -> differences.put(entity, "only noisy"));
		assertThat(differences).isEmpty();
	}

	@Test
	void instancesRunThroughTheirLives() {
		List<SimulatedEvent> events = SimulatedEvent.run(SETTINGS.withDelivery(0, 0, 0));
		Map<String, List<String>> statuses = new HashMap<>();
		Set<String> activityStatuses = new HashSet<>();
		Set<String> bookmarks = new LinkedHashSet<>();
		Set<String> deletedBookmarks = new HashSet<>();
		Set<String> deletedInstances = new HashSet<>();
		for (SimulatedEvent simulated : events) {
			Object entity = simulated.event().entity();
			EntityType type = simulated.event().entityType();
			if (entity instanceof WorkflowInstance instance) {
				statuses.computeIfAbsent(instance.id(), (id) -> new ArrayList<>())
					.add(instance.status() + "/" + instance.subStatus());
			}
			else if (entity instanceof ActivityExecutionRecord activity) {
				activityStatuses.add(activity.status());
				assertThat(activity.exception() != null).isEqualTo(activity.status().equals("Faulted"));
			}
			else if (entity instanceof Bookmark bookmark) {
				bookmarks.add(bookmark.id());
			}
			else if (entity == null && type == EntityType.WORKFLOW_BOOKMARK) {
				deletedBookmarks.add(simulated.event().entityId());
			}
			else if (entity == null && type == EntityType.WORKFLOW_INSTANCE) {
				deletedInstances.add(simulated.event().entityId());
			}
		}
		assertThat(statuses).hasSize(300);
		statuses.values().forEach((lifecycle) -> assertThat(lifecycle.get(0)).isEqualTo("Running/Executing"));
		Map<String, Long> endings = statuses.values()
			.stream()
			.collect(Collectors.groupingBy((lifecycle) -> lifecycle.get(lifecycle.size() - 1), Collectors.counting()));
		assertThat(endings).containsOnlyKeys("Finished/Finished", "Finished/Faulted", "Finished/Cancelled");
		assertThat(endings.get("Finished/Finished")).isGreaterThan(200);
		assertThat(statuses.values().stream().filter((lifecycle) -> lifecycle.contains("Running/Suspended")).count())
			.isGreaterThan(150);
		assertThat(activityStatuses).containsExactlyInAnyOrder("Running", "Completed", "Faulted", "Canceled");
		assertThat(bookmarks).isNotEmpty().isEqualTo(deletedBookmarks);
		assertThat(deletedInstances.size()).isBetween(15, 45);
	}

	@Test
	void catalogHasVersionedDefinitionsWithTagsAndCategoriesAndTheirTriggers() {
		List<SimulatedEvent> events = SimulatedEvent.run(SETTINGS.withInstances(1).withDelivery(0, 0, 0));
		Map<String, WorkflowDefinition> definitions = new HashMap<>();
		Map<String, String> liveTriggers = new HashMap<>();
		for (SimulatedEvent simulated : events) {
			if (simulated.event().entity() instanceof WorkflowDefinition definition) {
				definitions.put(definition.id(), definition);
			}
			else if (simulated.event().entity() instanceof Trigger trigger) {
				liveTriggers.put(trigger.id(), trigger.workflowDefinitionVersionId());
			}
			else if (simulated.event().entityType() == EntityType.WORKFLOW_TRIGGER) {
				liveTriggers.remove(simulated.event().entityId());
			}
		}
		assertThat(definitions.values()).allSatisfy((definition) -> {
			assertThat(definition.categoryId()).isNotNull();
			assertThat(definition.tags()).isNotEmpty();
		});
		assertThat(definitions.values().stream().filter(WorkflowDefinition::isLatest).count()).isEqualTo(7);
		assertThat(definitions.get("order-approval:v1").isLatest()).isFalse();
		assertThat(definitions.get("order-approval:v4").isPublished()).isTrue();
		assertThat(definitions.get("invoice-processing:v3").isPublished()).isFalse();
		assertThat(definitions.get("invoice-processing:v2").isPublished()).isTrue();
		assertThat(liveTriggers.values()).containsExactlyInAnyOrder("order-approval:v4", "invoice-processing:v2",
				"customer-onboarding:v2", "support-ticket:v5", "shipment-tracking:v2", "nightly-cleanup:v1",
				"payment-retry:v2");
		assertThat(events)
			.anySatisfy((simulated) -> assertThat(simulated.type()).isEqualTo("workflow.category.upserted"));
		assertThat(events)
			.anySatisfy((simulated) -> assertThat(simulated.type()).isEqualTo("activity.definition.upserted"));
	}

	@Test
	void countsAreTheRecordsProducedByType() {
		EngineSimulator simulator = new EngineSimulator(SETTINGS);
		Map<String, Long> byType = simulator.records()
			.map(SimulatedEvent::parse)
			.collect(Collectors.groupingBy(SimulatedEvent::type, Collectors.counting()));

		assertThat(simulator.counts().byType()).isEqualTo(byType);
		assertThat(simulator.counts().total()).isEqualTo(byType.values().stream().mapToLong(Long::longValue).sum());
		assertThat(byType).containsKeys("workflow.instance.upserted", "workflow.instance.deleted",
				"workflow.activity.upserted", "workflow.bookmark.upserted", "workflow.bookmark.deleted",
				"workflow.definition.upserted", "workflow.trigger.upserted", "workflow.trigger.deleted",
				"workflow.category.upserted", "activity.definition.upserted");
	}

	@Test
	void instancesWithoutEndGiveAnEndlessStream() {
		long instances = new EngineSimulator(SETTINGS.withInstances(0)).records()
			.limit(30_000)
			.map(SimulatedEvent::parse)
			.filter((simulated) -> simulated.event().entityType() == EntityType.WORKFLOW_INSTANCE)
			.map(SimulatedEvent::key)
			.distinct()
			.count();

		assertThat(instances).isGreaterThan(1000);
	}

	@Test
	void settingsOutOfRangeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SETTINGS.withDelivery(1.5, 0, 0))
			.withMessageContaining("duplicateRate");
		assertThatIllegalArgumentException().isThrownBy(() -> SETTINGS.withInstances(-1))
			.withMessageContaining("instances");
		assertThatIllegalArgumentException().isThrownBy(() -> SETTINGS.withOutcomes(0.6, 0.6, 0))
			.withMessageContaining("faultRate and cancelRate");
	}

	/**
	 * What newest-wins leaves of the events: each entity's newest version, or that it was
	 * deleted.
	 */
	private static Map<String, String> finalState(List<SimulatedEvent> events) {
		Map<String, SimulatedEvent> newest = new HashMap<>();
		events.forEach((simulated) -> newest.merge(simulated.entity(), simulated,
				(stored, incoming) -> (incoming.version() > stored.version()) ? incoming : stored));
		return newest.values()
			.stream()
			.collect(Collectors.toMap(SimulatedEvent::entity,
					(simulated) -> simulated.version() + ":" + simulated.event().entity()));
	}

	private static String expectedKey(SimulatedEvent simulated) {
		Object entity = simulated.event().entity();
		if (entity instanceof ActivityExecutionRecord activity) {
			return activity.workflowInstanceId();
		}
		if (entity instanceof Bookmark bookmark) {
			return bookmark.workflowInstanceId();
		}
		if (entity instanceof WorkflowDefinition definition) {
			return definition.definitionId();
		}
		if (entity instanceof Trigger trigger) {
			return trigger.workflowDefinitionId();
		}
		return simulated.event().entityId();
	}

	private static Set<String> instanceIds(List<SimulatedEvent> events) {
		return events.stream()
			.filter((simulated) -> simulated.event().entityType() == EntityType.WORKFLOW_INSTANCE)
			.map(SimulatedEvent::key)
			.collect(Collectors.toSet());
	}

	private static String topicOf(EntityType type) {
		return switch (type) {
			case WORKFLOW_DEFINITION -> SimulatorTopics.DEFINITIONS;
			case WORKFLOW_INSTANCE -> SimulatorTopics.INSTANCES;
			case WORKFLOW_ACTIVITY -> SimulatorTopics.ACTIVITIES;
			case WORKFLOW_BOOKMARK -> SimulatorTopics.BOOKMARKS;
			case WORKFLOW_TRIGGER -> SimulatorTopics.TRIGGERS;
			case WORKFLOW_CATEGORY, ACTIVITY_DEFINITION -> SimulatorTopics.CATALOG;
		};
	}

	private static List<Object> bytes(ProducerRecord<byte[], byte[]> record) {
		List<Object> parts = new ArrayList<>();
		parts.add(record.topic());
		parts.add(new String(record.key(), StandardCharsets.UTF_8));
		parts.add(new String(record.value(), StandardCharsets.UTF_8));
		for (Header header : record.headers()) {
			parts.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
		}
		return parts;
	}

}
