package io.workflowpersistence.events;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import static io.workflowpersistence.events.EventParserTests.PARSER;
import static io.workflowpersistence.events.TestRecords.headers;
import static io.workflowpersistence.events.TestRecords.noHeaders;
import static io.workflowpersistence.events.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reason the parser rejects a record for, each with its precise message.
 */
class EventParserRejectionTests {

	private static final String STRUCTURED = "application/cloudevents+json";

	private static String reason(byte[] value, Headers headers) {
		ParseOutcome outcome = PARSER.parse(value, headers);
		assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
		return ((ParseOutcome.Rejected) outcome).reason();
	}

	private static String reason(String value) {
		return reason(utf8(value), noHeaders());
	}

	private static String reason(Events events) {
		return reason(events.bytes(), noHeaders());
	}

	@Test
	void rejectsAValueThatIsNotJson() {
		assertThat(reason("{x")).isEqualTo(
				"not JSON: Unexpected character ('x' (code 120)): was expecting double-quote to start property name at line 1 column 2");
		assertThat(reason("{\"a\": 1}\n  ]")).startsWith("not JSON: Unexpected close marker ']'")
			.endsWith("at line 2 column 3");
		assertThat(reason(new byte[] { '"', (byte) 0xff, '"' }, noHeaders())).startsWith("not JSON: Invalid UTF-8");
	}

	@Test
	void rejectsAnEmptyValue() {
		assertThat(reason("")).isEqualTo("not JSON: the value is empty");
		assertThat(reason(" \n")).isEqualTo("not JSON: the value is empty");
	}

	@Test
	void rejectsJsonWithAPropertyNamedTwice() {
		assertThat(reason("{\"specversion\": \"1.0\", \"id\": \"a\", \"id\": \"b\"}"))
			.isEqualTo("not JSON: Duplicate Object property \"id\" at line 1 column 39");
	}

	@Test
	void rejectsAStructuredModeValueThatIsNotAnObject() {
		assertThat(reason(utf8("[1, 2]"), headers("content-type", STRUCTURED)))
			.isEqualTo("not a CloudEvent: a structured-mode event must be a JSON object but was array");
	}

	@Test
	void rejectsAnEventWithoutSpecversion() {
		assertThat(
				reason(Events.instance().withoutAttribute("specversion").bytes(), headers("content-type", STRUCTURED)))
			.isEqualTo("not a CloudEvent: missing required attribute 'specversion'");
	}

	@Test
	void rejectsABinaryModeRecordWithoutItsAttributes() {
		assertThat(reason("{\"id\": \"wi-1\"}"))
			.isEqualTo("not a CloudEvent: missing required attribute 'specversion'; "
					+ "missing required attribute 'id'; missing required attribute 'source'; missing required attribute 'type'");
	}

	@Test
	void rejectsAnotherSpecversion() {
		assertThat(reason(Events.instance().attribute("specversion", "0.3")))
			.isEqualTo("not a CloudEvent: specversion must be \"1.0\" but was \"0.3\"");
	}

	@Test
	void rejectsAnAttributeOfTheWrongType() {
		assertThat(reason(Events.instance().attribute("source", 17)))
			.isEqualTo("not a CloudEvent: source must be of type string but was integer");
		assertThat(reason(Events.instance().attribute("entityversion", true)))
			.isEqualTo("not a CloudEvent: entityversion must be of type integer or string but was boolean");
	}

	@Test
	void rejectsAnEmptyEventId() {
		assertThat(reason(Events.instance().attribute("id", ""))).isEqualTo("not a CloudEvent: id must not be empty");
	}

	@Test
	void rejectsAnIdOf256Characters() {
		assertThat(reason(Events.instance().attribute("id", "e".repeat(256))))
			.isEqualTo("not a CloudEvent: id has 256 characters, more than the maximum of 255");
	}

	@Test
	void rejectsATimeThatIsNotRfc3339() {
		assertThat(reason(Events.instance().attribute("time", "24/11/2026 10:15")))
			.isEqualTo("not a CloudEvent: time is not an RFC 3339 timestamp: '24/11/2026 10:15'");
		assertThat(reason(Events.instance().attribute("time", "2026-02-29T10:15:30Z")))
			.isEqualTo("not a CloudEvent: time is not an RFC 3339 timestamp: '2026-02-29T10:15:30Z'");
		assertThat(reason(Events.instance().attribute("time", "2026-11-24T10:15:30.1234567890Z")))
			.isEqualTo("not a CloudEvent: time is not an RFC 3339 timestamp: '2026-11-24T10:15:30.1234567890Z'");
	}

	@Test
	void rejectsAnEntityVersionThatIsNotANonNegativeInteger() {
		assertThat(reason(Events.instance().attribute("entityversion", -1)))
			.isEqualTo("not a CloudEvent: entityversion must be at least 0 but was -1");
		assertThat(reason(Events.instance().attribute("entityversion", 1.5)))
			.isEqualTo("not a CloudEvent: entityversion must be of type integer or string but was number");
		assertThat(reason(Events.instance().attribute("entityversion", "v12")))
			.isEqualTo("not a CloudEvent: entityversion is not a string of digits: 'v12'");
		assertThat(reason(Events.instance().attribute("entityversion", "12\n")))
			.isEqualTo("not a CloudEvent: entityversion is not a string of digits: '12\\u000a'");
	}

	@Test
	void rejectsAnEntityVersionBeyondTheLargestBigint() {
		assertThat(reason(Events.instance().attribute("entityversion", "9223372036854775808"))).isEqualTo(
				"not a CloudEvent: entityversion must be at most 9223372036854775807 but was \"9223372036854775808\"");
		assertThat(reason(Events.instance().attribute("entityversion", new BigInteger("9223372036854775808"))))
			.isEqualTo(
					"not a CloudEvent: entityversion must be at most 9223372036854775807 but was 9223372036854775808");
		assertThat(reason(
				Events.instance().withoutAttribute("entityversion").attribute("sequence", "99999999999999999999")))
			.isEqualTo(
					"not a CloudEvent: sequence must be at most 9223372036854775807 but was \"99999999999999999999\"");
	}

	@Test
	void rejectsAnEventWithoutData() {
		assertThat(reason(Events.instance().withoutAttribute("data")))
			.isEqualTo("not a CloudEvent: missing required attribute 'data'");
		assertThat(reason(Events.instance().attribute("data", List.of(1))))
			.isEqualTo("not a CloudEvent: data must be of type object but was array");
	}

	@Test
	void rejectsABinaryModeValueThatIsNotAnObject() {
		assertThat(reason(utf8("\"text\""), Events.instance().binary().headers()))
			.isEqualTo("not a CloudEvent: data must be of type object but was string");
	}

	@Test
	void rejectsAnAttributeWrittenTwiceInDifferentCase() {
		assertThat(reason(Events.instance().attribute("ID", "evt-2")))
			.isEqualTo("not a CloudEvent: 'id' and 'ID' are the same field 'id' written twice");
	}

	@Test
	void reportsEveryInvalidAttributeOnce() {
		assertThat(reason(Events.instance().attribute("specversion", 1.0).attribute("id", "")))
			.isEqualTo("not a CloudEvent: specversion must be of type string but was number; id must not be empty");
	}

	@Test
	void rejectsAnUnknownEventType() {
		assertThat(reason(Events.instance().attribute("type", "workflow.foo.upserted")))
			.isEqualTo("unknown event type 'workflow.foo.upserted'");
	}

	@Test
	void rejectsAnEventWithoutOrderingKey() {
		assertThat(reason(Events.instance().withoutAttribute("entityversion").withoutAttribute("time")))
			.isEqualTo("no ordering key: the event has neither entityversion (or sequence) nor time");
		assertThat(reason(
				Events.instance().attribute("entityversion", null).attribute("time", null).attribute("sequence", "x")))
			.isEqualTo("no ordering key: the event has neither entityversion (or sequence) nor time");
	}

	@Test
	void rejectsAMissingRequiredField() {
		assertThat(reason(Events.activity().withoutField("workflowInstanceId")))
			.isEqualTo("data.workflowInstanceId: required field is missing");
		assertThat(reason(Events.instance().field("status", null)))
			.isEqualTo("data.status: expected string but was null");
		assertThat(reason(Events.deleted(EntityType.WORKFLOW_TRIGGER, "t").withoutField("id")))
			.isEqualTo("data.id: required field is missing");
	}

	@Test
	void rejectsAFieldOfTheWrongType() {
		assertThat(reason(Events.instance().field("version", "4")))
			.isEqualTo("data.version: expected integer but was string");
		assertThat(reason(Events.instance().field("version", 4.5)))
			.isEqualTo("data.version: expected integer but was number");
		assertThat(reason(Events.definition().field("isLatest", "yes")))
			.isEqualTo("data.isLatest: expected boolean but was string");
		assertThat(reason(Events.instance().field("name", 12))).isEqualTo("data.name: expected string but was integer");
		assertThat(reason(Events.definition().field("tags", "finance")))
			.isEqualTo("data.tags: expected array but was string");
		assertThat(reason(Events.definition().field("tags", List.of("a", 5))))
			.isEqualTo("data.tags[1]: expected string but was integer");
	}

	@Test
	void rejectsAnEmptyEntityId() {
		assertThat(reason(Events.instance().field("id", ""))).isEqualTo("data.id: must not be empty");
	}

	@Test
	void rejectsAValueTooLongForItsColumn() {
		assertThat(reason(Events.instance().field("name", "n".repeat(300))))
			.isEqualTo("data.name: value of 300 characters exceeds the column's maximum of 255");
		assertThat(reason(Events.instance().field("status", "s".repeat(51))))
			.isEqualTo("data.status: value of 51 characters exceeds the column's maximum of 50");
		assertThat(reason(Events.category().field("name", "c".repeat(101))))
			.isEqualTo("data.name: value of 101 characters exceeds the column's maximum of 100");
		assertThat(reason(Events.activityDefinition().field("version", "1.0.0-" + "x".repeat(15))))
			.isEqualTo("data.version: value of 21 characters exceeds the column's maximum of 20");
		assertThat(reason(Events.definition().field("tags", List.of("ok", "t".repeat(51)))))
			.isEqualTo("data.tags[1]: value of 51 characters exceeds the column's maximum of 50");
		assertThat(reason(Events.deleted(EntityType.WORKFLOW_INSTANCE, "i".repeat(256))))
			.isEqualTo("data.id: value of 256 characters exceeds the column's maximum of 255");
	}

	@Test
	void rejectsAnIntegerOutOfTheColumnsRange() {
		assertThat(reason(Events.instance().field("version", 3_000_000_000L)))
			.isEqualTo("data.version: value 3000000000 exceeds the column's maximum of 2147483647");
		assertThat(reason(Events.definition().field("version", -3_000_000_000L)))
			.isEqualTo("data.version: value -3000000000 is below the column's minimum of -2147483648");
	}

	@Test
	void rejectsAUuidThatIsNotOne() {
		assertThat(reason(Events.definition().field("categoryId", "abc")))
			.isEqualTo("data.categoryId: not a uuid: 'abc'");
		assertThat(reason(Events.category().field("id", "6f1c2b9e-4d7a-4c1e-9a55-0b3c8d2e7f1")))
			.isEqualTo("data.id: not a uuid: '6f1c2b9e-4d7a-4c1e-9a55-0b3c8d2e7f1'");
		assertThat(reason(Events.activityDefinition().field("id", Events.ACTIVITY_DEFINITION_ID + "\n")))
			.isEqualTo("data.id: not a uuid: '" + Events.ACTIVITY_DEFINITION_ID + "\\u000a'");
		assertThat(reason(Events.deleted(EntityType.WORKFLOW_CATEGORY, "finance")))
			.isEqualTo("data.id: not a uuid: 'finance'");
	}

	@Test
	void rejectsAColorThatIsNotRgbHex() {
		assertThat(reason(Events.category().field("color", "green")))
			.isEqualTo("data.color: not a #RRGGBB color: 'green'");
	}

	@Test
	void rejectsADataTimestampThatIsNotRfc3339() {
		assertThat(reason(Events.instance().field("createdAt", "yesterday")))
			.isEqualTo("data.createdAt: not an RFC 3339 timestamp: 'yesterday'");
		assertThat(reason(Events.activity().field("startedAt", "2026-13-01T00:00:00Z")))
			.isEqualTo("data.startedAt: not an RFC 3339 timestamp: '2026-13-01T00:00:00Z'");
	}

	@Test
	void rejectsAFieldWrittenTwiceInDifferentCase() {
		assertThat(reason(Events.instance().field("Status", "Finished")))
			.isEqualTo("data: 'status' and 'Status' are the same field 'status' written twice");
	}

	@Test
	void rejectsTextWithANulCharacter() {
		assertThat(reason(Events.instance().field("name", "a\u0000b")))
			.isEqualTo("data.name contains a NUL character, which PostgreSQL cannot store");
		assertThat(reason(Events.definition().field("tags", List.of("ok", "a\u0000"))))
			.isEqualTo("data.tags[1] contains a NUL character, which PostgreSQL cannot store");
		assertThat(reason(Events.deleted(EntityType.WORKFLOW_BOOKMARK, "\u0000")))
			.isEqualTo("data.id contains a NUL character, which PostgreSQL cannot store");
	}

	@Test
	void rejectsJsonWithAnEscapedNulCharacter() {
		assertThat(reason(Events.instance().jsonField("data", "{\"note\": \"a\\u0000b\"}")))
			.isEqualTo("data.data contains a NUL character, which PostgreSQL cannot store");
		assertThat(reason(Events.activityDefinition().jsonField("inputProperties", "[{\"na\\u0000me\": 1}]")))
			.isEqualTo("data.inputProperties contains a NUL character, which PostgreSQL cannot store");
	}

	@Test
	void rejectsJsonWithANumberBeyondPostgresqlNumeric() {
		assertThat(reason(Events.instance().jsonField("data", "{\"n\": [1e131072]}")))
			.isEqualTo("data.data contains the number 1E+131072, which PostgreSQL cannot store");
		assertThat(reason(Events.instance().jsonField("data", "{\"n\": 1.5e-16383}")))
			.isEqualTo("data.data contains the number 1.5E-16383, which PostgreSQL cannot store");
	}

	@Test
	void acceptsJsonWithNumbersAtTheLimitsOfPostgresqlNumeric() {
		Events instance = Events.instance().jsonField("data", "{\"n\": [1e131071, 1.5e-16382, \"E-mail\"]}");
		assertThat(((WorkflowInstance) ((ParseOutcome.Accepted) PARSER.parse(instance.bytes(), noHeaders())).event()
			.entity()).data()).isEqualTo("{\"n\":[1E+131071,1.5E-16382,\"E-mail\"]}");
	}

	@Test
	void acceptsJsonWithAnEscapedBackslashBeforeU0000() {
		Events instance = Events.instance().jsonField("data", "{\"path\": \"C:\\\\u0000\"}");
		assertThat(PARSER.parse(instance.bytes(), noHeaders())).isInstanceOf(ParseOutcome.Accepted.class);
	}

	@Test
	void reportsEveryInvalidFieldOnce() {
		Events definition = Events.definition()
			.withoutField("definitionId")
			.field("version", "4")
			.field("categoryId", "c".repeat(40));
		assertThat(reason(definition))
			.isEqualTo("data.version: expected integer but was string; " + "data.categoryId: not a uuid: '"
					+ "c".repeat(40) + "'; data.definitionId: required field is missing");
	}

	@Test
	void reportsTheFirstTenInvalidFieldsAndCountsTheOthers() {
		List<String> tags = IntStream.range(0, 25).mapToObj((i) -> "t".repeat(51) + i).toList();
		assertThat(reason(Events.definition().field("tags", tags))).startsWith(
				"data.tags[0]: value of 52 characters exceeds the column's maximum of 50; data.tags[1]: value of 52")
			.contains("data.tags[9]: value of 52 characters")
			.doesNotContain("data.tags[10]")
			.endsWith("; and 15 more");
	}

	@Test
	void shortensLongValuesInReasons() {
		assertThat(reason(Events.definition().field("categoryId", "x".repeat(100))))
			.isEqualTo("data.categoryId: not a uuid: '" + "x".repeat(60) + "...'");
	}

}
