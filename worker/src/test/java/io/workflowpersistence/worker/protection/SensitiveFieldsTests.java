package io.workflowpersistence.worker.protection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.workflowpersistence.events.Bookmark;
import io.workflowpersistence.events.EntityType;
import io.workflowpersistence.events.Operation;
import io.workflowpersistence.events.OrderingKey;
import io.workflowpersistence.events.ParseOutcome;
import io.workflowpersistence.events.WorkflowCategory;
import io.workflowpersistence.events.WorkflowEvent;
import io.workflowpersistence.events.WorkflowInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SensitiveFieldsTests {

	private static final OrderingKey KEY = new OrderingKey(3L, null);

	private final SensitiveFields fields = fields("$.variables.creditCard");

	@Test
	void theDataOfAnUpsertIsEncryptedAndEveryOtherFieldKept() {
		WorkflowInstance instance = new WorkflowInstance("wi-1", "def", "def:v1", 1, "Running", null, "c-1", "Order",
				"{\"variables\":{\"creditCard\":\"4111\"}}", Instant.parse("2026-01-01T00:00:00Z"), null, null);
		WorkflowEvent event = new WorkflowEvent("e-1", "engine", EntityType.WORKFLOW_INSTANCE, Operation.UPSERTED,
				"wi-1", KEY, instance);
		ParseOutcome protectedOutcome = this.fields.protect(new ParseOutcome.Accepted(event));
		WorkflowEvent written = ((ParseOutcome.Accepted) protectedOutcome).event();
		WorkflowInstance stored = (WorkflowInstance) written.entity();
		assertThat(stored.data()).contains("\"$enc\":\"v1:k1:").doesNotContain("4111");
		assertThat(stored).usingRecursiveComparison().ignoringFields("data").isEqualTo(instance);
		assertThat(written).usingRecursiveComparison().ignoringFields("entity").isEqualTo(event);
	}

	@Test
	void bookmarksAreProtectedToo() {
		Bookmark bookmark = new Bookmark("b-1", "wi-1", "a", "n", "Event", "h", "{\"variables\":{\"CreditCard\":1}}",
				null);
		WorkflowEvent event = new WorkflowEvent("e-2", "engine", EntityType.WORKFLOW_BOOKMARK, Operation.UPSERTED,
				"b-1", KEY, bookmark);
		Bookmark stored = (Bookmark) ((ParseOutcome.Accepted) this.fields.protect(new ParseOutcome.Accepted(event)))
			.event()
			.entity();
		assertThat(stored.data()).contains("$enc");
	}

	@Test
	void outcomesWithNothingToProtectAreReturnedAsTheyAre() {
		ParseOutcome rejected = new ParseOutcome.Rejected("bad");
		ParseOutcome tombstone = new ParseOutcome.Tombstone();
		ParseOutcome delete = new ParseOutcome.Accepted(
				new WorkflowEvent("e-3", "engine", EntityType.WORKFLOW_INSTANCE, Operation.DELETED, "wi-1", KEY, null));
		ParseOutcome category = new ParseOutcome.Accepted(
				new WorkflowEvent("e-4", "engine", EntityType.WORKFLOW_CATEGORY, Operation.UPSERTED, "c", KEY,
						new WorkflowCategory(java.util.UUID.randomUUID(), "Sales", null, null, null, null)));
		ParseOutcome noMatch = new ParseOutcome.Accepted(new WorkflowEvent("e-5", "engine",
				EntityType.WORKFLOW_INSTANCE, Operation.UPSERTED, "wi-2", KEY, new WorkflowInstance("wi-2", "def", null,
						null, "Running", null, null, null, "{\"variables\":{}}", null, null, null)));
		for (ParseOutcome outcome : List.of(rejected, tombstone, delete, category, noMatch)) {
			assertThat(this.fields.protect(outcome)).isSameAs(outcome);
		}
	}

	@Test
	void withoutPathsNothingChanges() {
		ParseOutcome outcome = new ParseOutcome.Accepted(
				new WorkflowEvent("e-6", "engine", EntityType.WORKFLOW_INSTANCE, Operation.UPSERTED, "wi-3", KEY,
						new WorkflowInstance("wi-3", "def", null, null, "Running", null, null, null,
								"{\"variables\":{\"creditCard\":\"4111\"}}", null, null, null)));
		assertThat(fields().protect(outcome)).isSameAs(outcome);
	}

	private static SensitiveFields fields(String... paths) {
		FieldCipher cipher = new FieldCipher(new KeyRing(Map.of("k1", FieldCipherTests.key(1)), "k1"));
		return new SensitiveFields(
				new SensitiveJson(List.of(paths).stream().map(JsonPath::parse).toList(), cipher, "***"));
	}

}
