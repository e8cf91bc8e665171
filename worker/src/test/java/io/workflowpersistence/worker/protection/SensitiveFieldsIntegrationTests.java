package io.workflowpersistence.worker.protection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import io.workflowpersistence.worker.security.Scopes;
import io.workflowpersistence.worker.testing.Events;
import io.workflowpersistence.worker.testing.SecuredWorkerTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encrypted paths end to end: ciphertext in the table, also for someone reading it with
 * SQL; decrypted by the API for the sensitive scope, masked for everyone else; and still
 * readable after the active key has changed.
 */
class SensitiveFieldsIntegrationTests extends SecuredWorkerTestSupport {

	private static final Map<String, Object> DATA = Map.of("variables",
			Map.of("creditCard", "4111 1111 1111 1111", "iban", "DE89370400440532013000", "amount", 1250.5));

	@Test
	void anEncryptedPathIsCiphertextInTheTableDecryptedForTheSensitiveScopeAndMaskedOtherwise() throws SQLException {
		String id = unique("card");
		publish(Events.instance(id).with("data", DATA).version(1));
		awaitInstance(id);

		String stored = storedDataAsReader(id);
		assertThat(stored).doesNotContain("4111").doesNotContain("DE89").contains("\"$enc\": \"v1:k2:");
		assertThat(stored).contains("\"amount\": 1250.5");

		JsonNode masked = variables(id, "X-API-Key", READER_KEY);
		assertThat(masked.get("creditCard").asString()).isEqualTo("***");
		assertThat(masked.get("iban").asString()).isEqualTo("***");
		assertThat(masked.get("amount").decimalValue()).isEqualByComparingTo("1250.5");

		JsonNode byToken = variables(id, "Authorization",
				bearer(TOKENS.token("auditor", Scopes.READ, Scopes.READ_SENSITIVE)));
		assertThat(byToken.get("creditCard").asString()).isEqualTo("4111 1111 1111 1111");
		assertThat(byToken.get("iban").asString()).isEqualTo("DE89370400440532013000");
		JsonNode byKey = variables(id, "X-API-Key", SENSITIVE_READER_KEY);
		assertThat(byKey.get("creditCard").asString()).isEqualTo("4111 1111 1111 1111");

		JsonNode readOnlyToken = variables(id, "Authorization", bearer(TOKENS.token("analyst", Scopes.READ)));
		assertThat(readOnlyToken.get("creditCard").asString()).isEqualTo("***");
	}

	@Test
	void valuesEncryptedBeforeAKeyRotationStillDecryptAndNewWritesUseTheNewKey() {
		String id = unique("rotated");
		SensitiveJson beforeRotation = new SensitiveJson(List.of(JsonPath.parse("$.variables.creditCard")),
				new FieldCipher(new KeyRing(Map.of("k1", new SecretKeySpec(OLD_KEY, "AES")), "k1")), "***");
		String oldData = beforeRotation.encrypt("{\"variables\":{\"creditCard\":\"5500 0000 0000 0004\"}}");
		this.admin.update("""
				INSERT INTO WorkflowInstances (Id, DefinitionId, Status, Data, EventVersion)
				VALUES (?, 'definition', 'Running', CAST(? AS jsonb), 1)""", id, oldData);
		assertThat(oldData).contains("v1:k1:");

		assertThat(variables(id, "X-API-Key", SENSITIVE_READER_KEY).get("creditCard").asString())
			.isEqualTo("5500 0000 0000 0004");
		assertThat(variables(id, "X-API-Key", READER_KEY).get("creditCard").asString()).isEqualTo("***");

		publish(Events.instance(id)
			.with("data", Map.of("variables", Map.of("creditCard", "3400 0000 0000 009")))
			.version(2));
		eventually().until(() -> this.admin.queryForObject("SELECT EventVersion FROM WorkflowInstances WHERE Id = ?",
				Long.class, id) == 2);
		assertThat(this.admin.queryForObject("SELECT Data::text FROM WorkflowInstances WHERE Id = ?", String.class, id))
			.contains("v1:k2:")
			.doesNotContain("3400");
		assertThat(variables(id, "X-API-Key", SENSITIVE_READER_KEY).get("creditCard").asString())
			.isEqualTo("3400 0000 0000 009");
	}

	@Test
	void everyListOfTheApiMasksToo() {
		String id = unique("listed");
		publish(Events.instance(id).with("data", DATA).version(1),
				Events.activity(unique("activity"), id).with("data", DATA).version(1));
		awaitInstance(id);
		eventually().until(() -> this.admin.queryForObject(
				"SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = ?", Long.class, id) == 1);
		JsonNode activity = get("/api/v1/instances/" + id + "/activities", "X-API-Key", READER_KEY).json()
			.get("items")
			.get(0);
		assertThat(activity.at("/data/variables/creditCard").asString()).isEqualTo("***");
		JsonNode revealed = get("/api/v1/instances/" + id + "/activities", "X-API-Key", SENSITIVE_READER_KEY).json()
			.get("items")
			.get(0);
		assertThat(revealed.at("/data/variables/creditCard").asString()).isEqualTo("4111 1111 1111 1111");
	}

	private JsonNode variables(String id, String... headers) {
		return get("/api/v1/instances/" + id, headers).json().at("/data/variables");
	}

	// Someone with the read-only user and psql, say.
	private static String storedDataAsReader(String id) throws SQLException {
		try (Connection connection = DriverManager.getConnection(USERS.reader().jdbcUrl(), USERS.reader().username(),
				USERS.reader().password());
				Statement statement = connection.createStatement();
				ResultSet row = statement
					.executeQuery("SELECT Data::text FROM WorkflowInstances WHERE Id = '" + id + "'")) {
			assertThat(row.next()).isTrue();
			return row.getString(1);
		}
	}

}
