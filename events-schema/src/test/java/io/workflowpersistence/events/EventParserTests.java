package io.workflowpersistence.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.workflowpersistence.events.TestRecords.example;
import static io.workflowpersistence.events.TestRecords.headers;
import static io.workflowpersistence.events.TestRecords.headersFromLines;
import static io.workflowpersistence.events.TestRecords.noHeaders;
import static io.workflowpersistence.events.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events the parser accepts, in both content modes, with every field read.
 */
class EventParserTests {

	static final EventParser PARSER = new EventParser();

	private static final String SOURCE = "/elsa/engine-eu-1";

	static WorkflowEvent accepted(byte[] value, Headers headers) {
		ParseOutcome outcome = PARSER.parse(value, headers);
		assertThat(outcome).isInstanceOf(ParseOutcome.Accepted.class);
		return ((ParseOutcome.Accepted) outcome).event();
	}

	static WorkflowEvent accepted(Events events) {
		return accepted(events.bytes(), noHeaders());
	}

	static WorkflowEvent structured(String example) {
		return accepted(utf8(example(example)), noHeaders());
	}

	static Entity entity(Events events) {
		return accepted(events).entity();
	}

	@Test
	void readsAnInstanceInStructuredMode() {
		WorkflowInstance instance = new WorkflowInstance("wi-7f3a", "order-approval", "order-approval:v4", 4, "Running",
				"Suspended", "order-88121", "Order approval 88121",
				"{\"variables\":{\"amount\":1250.5,\"approver\":null}}", Instant.parse("2026-11-24T10:15:01Z"),
				Instant.parse("2026-11-24T10:15:30.120Z"), null);
		assertThat(structured("instance-upserted.json"))
			.isEqualTo(new WorkflowEvent("evt-0001-7f3a", SOURCE, EntityType.WORKFLOW_INSTANCE, Operation.UPSERTED,
					"wi-7f3a", new OrderingKey(3L, Instant.parse("2026-11-24T10:15:30.125Z")), instance));
	}

	@Test
	void readsAnActivityRecordInBinaryMode() {
		WorkflowEvent event = accepted(utf8(example("activity-upserted.binary.json")),
				headersFromLines(example("activity-upserted.binary.headers")));
		ActivityExecutionRecord activity = new ActivityExecutionRecord("aer-19", "wi-7f3a", "SendEmail1",
				"Workflow1:Flowchart1:SendEmail1", "SendEmail1", "Elsa.SendEmail", "Faulted",
				"{\"input\":{\"to\":\"ops@example.com\"}}", "SmtpException: mailbox unavailable",
				Instant.parse("2026-11-24T09:15:30.500Z"), Instant.parse("2026-11-24T09:15:31Z"));
		assertThat(event)
			.isEqualTo(new WorkflowEvent("evt-0002-7f3a", SOURCE, EntityType.WORKFLOW_ACTIVITY, Operation.UPSERTED,
					"aer-19", new OrderingKey(2L, Instant.parse("2026-11-24T09:15:31.002Z")), activity));
	}

	@Test
	void readsABookmarkWrittenInPascalCaseWithoutOffsetsAndWithAZeroPaddedSequence() {
		Bookmark bookmark = new Bookmark("bm-5", "wi-7f3a", "Approve1", "Workflow1:Flowchart1:Approve1", "UserTask",
				"5E1F0C9A7B", "{\"assignee\":\"jane\"}", Instant.parse("2026-11-24T10:15:30.130Z"));
		assertThat(structured("bookmark-upserted.json"))
			.isEqualTo(new WorkflowEvent("evt-0003-7f3a", SOURCE, EntityType.WORKFLOW_BOOKMARK, Operation.UPSERTED,
					"bm-5", new OrderingKey(1L, Instant.parse("2026-11-24T10:15:30.130Z")), bookmark));
	}

	@Test
	void readsADefinitionWithItsTagsAndCategory() {
		WorkflowDefinition definition = new WorkflowDefinition("order-approval:v4", "order-approval", 4,
				"OrderApproval", "Order approval", "Approves large orders", true, true,
				"{\"root\":{\"type\":\"Elsa.Flowchart\",\"activities\":[]}}", Instant.parse("2026-11-20T08:00:00Z"),
				Instant.parse("2026-11-20T08:00:00Z"), UUID.fromString(Events.CATEGORY_ID),
				List.of("finance", "approval"));
		assertThat(structured("definition-upserted.json"))
			.isEqualTo(new WorkflowEvent("evt-0100", "/elsa/studio", EntityType.WORKFLOW_DEFINITION, Operation.UPSERTED,
					"order-approval:v4", new OrderingKey(1L, Instant.parse("2026-11-20T08:00:00Z")), definition));
	}

	@Test
	void readsACategoryOrderedByTimeAlone() {
		WorkflowCategory category = new WorkflowCategory(UUID.fromString(Events.CATEGORY_ID), "Finance", "Money flows",
				"#2E7D32", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(structured("category-upserted.json"))
			.isEqualTo(new WorkflowEvent("evt-0200", "/elsa/studio", EntityType.WORKFLOW_CATEGORY, Operation.UPSERTED,
					Events.CATEGORY_ID, new OrderingKey(null, Instant.parse("2026-11-01T00:00:00Z")), category));
	}

	@Test
	void readsACustomActivityDefinition() {
		CustomActivityDefinition definition = new CustomActivityDefinition(
				UUID.fromString(Events.ACTIVITY_DEFINITION_ID), "ScoreRisk", "Score risk", null, "Finance",
				"[{\"name\":\"amount\",\"type\":\"decimal\"}]", "[{\"name\":\"score\",\"type\":\"int\"}]",
				"Acme.Activities", "Acme.Activities.ScoreRisk", "1.2.0", true, Instant.parse("2026-11-01T00:00:00Z"),
				Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(structured("activity-definition-upserted.json")).isEqualTo(new WorkflowEvent("evt-0201",
				"/elsa/studio", EntityType.ACTIVITY_DEFINITION, Operation.UPSERTED, Events.ACTIVITY_DEFINITION_ID,
				new OrderingKey(1L, Instant.parse("2026-11-01T00:00:00Z")), definition));
	}

	@Test
	void readsATrigger() {
		Trigger trigger = new Trigger("trg-1", "order-approval", "order-approval:v4", "HttpEndpoint1",
				"Elsa.HttpEndpoint", "A1B2C3D4", "{\"path\":\"/orders\",\"method\":\"POST\"}");
		assertThat(structured("trigger-upserted.json"))
			.isEqualTo(new WorkflowEvent("evt-0300", SOURCE, EntityType.WORKFLOW_TRIGGER, Operation.UPSERTED, "trg-1",
					new OrderingKey(1L, Instant.parse("2026-11-20T08:00:01Z")), trigger));
	}

	@Test
	void readsDeletesOfTheExamples() {
		assertThat(structured("bookmark-deleted.json"))
			.isEqualTo(new WorkflowEvent("evt-0004-7f3a", SOURCE, EntityType.WORKFLOW_BOOKMARK, Operation.DELETED,
					"bm-5", new OrderingKey(2L, Instant.parse("2026-11-24T10:17:02Z")), null));
		assertThat(structured("instance-deleted.json"))
			.isEqualTo(new WorkflowEvent("evt-0005", SOURCE, EntityType.WORKFLOW_INSTANCE, Operation.DELETED, "wi-7f3a",
					new OrderingKey(9L, Instant.parse("2026-12-24T00:00:00Z")), null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "instance-upserted.json", "bookmark-upserted.json", "bookmark-deleted.json",
			"instance-deleted.json", "definition-upserted.json", "category-upserted.json",
			"activity-definition-upserted.json", "trigger-upserted.json" })
	void readsEachStructuredExampleTheSameInBinaryMode(String example) {
		TestRecords.BinaryRecord binary = TestRecords.binary(example(example));
		assertThat(accepted(binary.value(), binary.headers())).isEqualTo(structured(example));
	}

	@Test
	void readsTheBinaryExampleTheSameInStructuredMode() {
		String structured = """
				{"specversion": "1.0", "id": "evt-0002-7f3a", "source": "/elsa/engine-eu-1",
				 "type": "workflow.activity.upserted", "time": "2026-11-24T10:15:31.002+01:00", "entityversion": 2,
				 "data": %s}""".formatted(example("activity-upserted.binary.json"));
		assertThat(accepted(utf8(structured), headers("content-type", "application/cloudevents+json")))
			.isEqualTo(accepted(utf8(example("activity-upserted.binary.json")),
					headersFromLines(example("activity-upserted.binary.headers"))));
	}

	@ParameterizedTest
	@EnumSource(EntityType.class)
	void readsADeleteOfEveryFamilyInBothModes(EntityType entityType) {
		boolean uuidKeyed = EventSchemas.isUuidKeyed(entityType);
		String id = uuidKeyed ? Events.CATEGORY_ID.toUpperCase() : "Entity-1";
		Events delete = Events.deleted(entityType, id);
		WorkflowEvent event = accepted(delete);
		assertThat(event).isEqualTo(new WorkflowEvent("evt-1", "/elsa/test", entityType, Operation.DELETED,
				uuidKeyed ? Events.CATEGORY_ID : "Entity-1", new OrderingKey(7L, Instant.parse("2026-11-24T10:15:30Z")),
				null));
		assertThat(event.isDelete()).isTrue();
		assertThat(accepted(delete.binary().value(), delete.binary().headers())).isEqualTo(event);
	}

	@Test
	void readsTheMinimalUpsertOfEveryFamilyWithAbsentFieldsAsNull() {
		assertThat(entity(Events.instance())).isEqualTo(
				new WorkflowInstance("wi-1", "def-1", null, null, "Running", null, null, null, null, null, null, null));
		assertThat(entity(Events.definition())).isEqualTo(new WorkflowDefinition("def-1:v1", "def-1", 1, null, null,
				null, null, null, null, null, null, null, List.of()));
		assertThat(entity(Events.activity())).isEqualTo(new ActivityExecutionRecord("aer-1", "wi-1", "Act1", null, null,
				null, "Running", null, null, null, null));
		assertThat(entity(Events.bookmark()))
			.isEqualTo(new Bookmark("bm-1", "wi-1", null, null, null, "H1", null, null));
		assertThat(entity(Events.trigger())).isEqualTo(new Trigger("trg-1", "def-1", null, null, null, null, null));
		assertThat(entity(Events.category()))
			.isEqualTo(new WorkflowCategory(UUID.fromString(Events.CATEGORY_ID), "Finance", null, null, null, null));
		assertThat(entity(Events.activityDefinition()))
			.isEqualTo(new CustomActivityDefinition(UUID.fromString(Events.ACTIVITY_DEFINITION_ID), "ScoreRisk", null,
					null, null, null, null, null, null, null, null, null, null));
	}

	@Test
	void readsNullOptionalFieldsAsNull() {
		Events instance = Events.instance()
			.field("subStatus", null)
			.field("version", null)
			.field("data", null)
			.field("finishedAt", null);
		assertThat(entity(instance)).isEqualTo(
				new WorkflowInstance("wi-1", "def-1", null, null, "Running", null, null, null, null, null, null, null));
		assertThat(entity(Events.definition().field("tags", null).field("categoryId", null).field("isLatest", null)))
			.isEqualTo(new WorkflowDefinition("def-1:v1", "def-1", 1, null, null, null, null, null, null, null, null,
					null, List.of()));
	}

	@Test
	void ignoresUnknownFieldsAndAttributes() {
		Events instance = Events.instance()
			.field("workflowState", "ignored")
			.jsonField("Properties", "{\"nested\": [1, 2]}")
			.attribute("traceparent", "00-abc-def-01");
		assertThat(entity(instance)).isEqualTo(entity(Events.instance()));
	}

	@Test
	void matchesFieldAndAttributeNamesIgnoringCase() {
		String json = """
				{"SpecVersion": "1.0", "ID": "evt-1", "Source": "/elsa/test", "Type": "workflow.instance.upserted",
				 "Time": "2026-11-24T10:15:30Z", "EntityVersion": 7,
				 "Data": {"ID": "wi-1", "DEFINITIONID": "def-1", "Status": "Running", "SubStatus": "Idle"}}""";
		WorkflowEvent event = accepted(utf8(json), noHeaders());
		assertThat(event.entity()).isEqualTo(new WorkflowInstance("wi-1", "def-1", null, null, "Running", "Idle", null,
				null, null, null, null, null));
		assertThat(event.orderingKey()).isEqualTo(new OrderingKey(7L, Instant.parse("2026-11-24T10:15:30Z")));
	}

	@Test
	void readsBinaryModeHeadersWhateverTheirCase() {
		WorkflowEvent event = accepted(utf8("{\"id\": \"wi-1\", \"definitionId\": \"def-1\", \"status\": \"Running\"}"),
				headers("CE_SPECVERSION", "1.0", "ce_Id", "evt-1", "ce_source", "/elsa/test", "ce_type",
						"workflow.instance.upserted", "ce_sequence", "42", "ce_unknownextension", "x"));
		assertThat(event.eventId()).isEqualTo("evt-1");
		assertThat(event.orderingKey()).isEqualTo(new OrderingKey(42L, null));
	}

	@Test
	void takesTheStructuredModeContentTypeWhateverTheAttributes() {
		byte[] value = Events.instance().bytes();
		Headers headers = headers("content-type", "application/cloudevents+json; charset=UTF-8", "ce_id", "other");
		assertThat(accepted(value, headers)).isEqualTo(accepted(value, noHeaders()));
	}

	@Test
	void readsTheVersionFromANumberADigitStringOrAZeroPaddedSequence() {
		assertThat(accepted(Events.instance().attribute("entityversion", 12)).orderingKey().version()).isEqualTo(12L);
		assertThat(accepted(Events.instance().attribute("entityversion", "12")).orderingKey().version()).isEqualTo(12L);
		assertThat(accepted(Events.instance().attribute("entityversion", "0012")).orderingKey().version())
			.isEqualTo(12L);
		assertThat(accepted(Events.instance().attribute("entityversion", Long.MAX_VALUE)).orderingKey().version())
			.isEqualTo(Long.MAX_VALUE);
		assertThat(accepted(Events.instance().withoutAttribute("entityversion").attribute("sequence", "000000012"))
			.orderingKey()
			.version()).isEqualTo(12L);
	}

	@Test
	void prefersEntityVersionToSequence() {
		Events instance = Events.instance().attribute("entityversion", 5).attribute("sequence", "9");
		assertThat(accepted(instance).orderingKey().version()).isEqualTo(5L);
	}

	@Test
	void ignoresASequenceThatIsNotDigits() {
		Events instance = Events.instance().withoutAttribute("entityversion").attribute("sequence", "a-17");
		assertThat(accepted(instance).orderingKey())
			.isEqualTo(new OrderingKey(null, Instant.parse("2026-11-24T10:15:30Z")));
	}

	@Test
	void ordersByVersionAloneWhenThereIsNoTime() {
		assertThat(accepted(Events.instance().withoutAttribute("time")).orderingKey())
			.isEqualTo(new OrderingKey(7L, null));
		assertThat(accepted(Events.instance().attribute("time", null)).orderingKey())
			.isEqualTo(new OrderingKey(7L, null));
	}

	@Test
	void readsTimestampsWithZWithAnOffsetAndWithoutOneAsUtc() {
		assertThat(createdAt("2026-11-24T10:15:30Z")).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
		assertThat(createdAt("2026-11-24T10:15:30+02:00")).isEqualTo(Instant.parse("2026-11-24T08:15:30Z"));
		assertThat(createdAt("2026-11-24T10:15:30-05:30")).isEqualTo(Instant.parse("2026-11-24T15:45:30Z"));
		assertThat(createdAt("2026-11-24T10:15:30")).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
		assertThat(createdAt("2026-11-24T10:15:30.1234567")).isEqualTo(Instant.parse("2026-11-24T10:15:30.1234567Z"));
		assertThat(createdAt("2026-11-24t10:15:30.123456789z"))
			.isEqualTo(Instant.parse("2026-11-24T10:15:30.123456789Z"));
		assertThat(accepted(Events.instance().attribute("time", "2026-11-24T10:15:30.5")).orderingKey().time())
			.isEqualTo(Instant.parse("2026-11-24T10:15:30.500Z"));
	}

	private static Instant createdAt(String timestamp) {
		return ((WorkflowInstance) entity(Events.instance().field("createdAt", timestamp))).createdAt();
	}

	@Test
	void writesJsonColumnsAsCompactJsonKeepingNumbersExact() {
		Events instance = Events.instance()
			.jsonField("data", "{ \"big\": 1e400, \"exact\": 0.10000000000000000001, \"n\": [ 1, true, null ] }");
		assertThat(((WorkflowInstance) entity(instance)).data())
			.isEqualTo("{\"big\":1E+400,\"exact\":0.10000000000000000001,\"n\":[1,true,null]}");
		assertThat(((WorkflowInstance) entity(Events.instance().field("data", "text"))).data()).isEqualTo("\"text\"");
	}

	@Test
	void storesAnExceptionObjectAsItsJsonText() {
		Events activity = Events.activity()
			.jsonField("exception", "{\"Type\": \"System.Exception\", \"Message\": \"boom\"}");
		assertThat(((ActivityExecutionRecord) entity(activity)).exception())
			.isEqualTo("{\"Type\":\"System.Exception\",\"Message\":\"boom\"}");
	}

	@Test
	void writesUuidsInCanonicalLowerCase() {
		WorkflowEvent event = accepted(Events.category().field("id", Events.CATEGORY_ID.toUpperCase()));
		assertThat(event.entityId()).isEqualTo(Events.CATEGORY_ID);
		assertThat(((WorkflowCategory) event.entity()).id()).isEqualTo(UUID.fromString(Events.CATEGORY_ID));
	}

	@Test
	void readsTagsAsTheirDistinctSetInOrder() {
		Events definition = Events.definition().field("tags", List.of("b", "a", "b", ""));
		assertThat(((WorkflowDefinition) entity(definition)).tags()).containsExactly("b", "a", "");
	}

	@Test
	void acceptsValuesAtTheColumnsLimits() {
		String name = "\uD83D\uDE00".repeat(255);
		Events instance = Events.instance()
			.field("id", "i".repeat(255))
			.field("name", name)
			.field("version", 2147483647);
		assertThat(entity(instance)).extracting("name", "version").containsExactly(name, 2147483647);
		assertThat(accepted(Events.instance().attribute("id", "e".repeat(255))).eventId()).hasSize(255);
	}

	@Test
	void skipsAKafkaTombstone() {
		assertThat(PARSER.parse(null, noHeaders())).isInstanceOf(ParseOutcome.Tombstone.class);
		assertThat(PARSER.parse(null, null)).isInstanceOf(ParseOutcome.Tombstone.class);
	}

	@Test
	void acceptsRecordsWithoutHeaders() {
		assertThat(PARSER.parse(Events.instance().bytes(), null)).isInstanceOf(ParseOutcome.Accepted.class);
	}

	@Test
	void parsesFromManyThreadsAtOnce() throws Exception {
		List<byte[]> values = List.of(Events.instance().bytes(), Events.definition().bytes(), Events.category().bytes(),
				utf8(example("bookmark-upserted.json")));
		List<ParseOutcome> expected = values.stream().map((value) -> PARSER.parse(value, noHeaders())).toList();
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = IntStream.range(0, 8)
				.mapToObj((thread) -> executor.submit(() -> IntStream.range(0, 2_000)
					.allMatch((i) -> PARSER.parse(values.get(i % 4), noHeaders()).equals(expected.get(i % 4)))))
				.toList();
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
