package io.workflowpersistence.worker.protection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SensitiveJsonTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final FieldCipher cipher = new FieldCipher(new KeyRing(Map.of("k1", FieldCipherTests.key(1)), "k1"));

	@Test
	void valuesAtThePathsAreReplacedByTokensAndEverythingElseIsKept() {
		SensitiveJson json = json("$.variables.creditCard", "$.variables.address");
		String stored = json.encrypt("""
				{"variables":{"creditCard":"4111 1111 1111 1111","address":{"street":"Main St 1"},"amount":1250.50,\
				"name":"Order 7"},"other":"kept"}""");
		JsonNode node = JSON.readTree(stored);
		assertThat(stored).doesNotContain("4111").doesNotContain("Main St");
		assertThat(node.at("/variables/creditCard/$enc").asString()).startsWith("v1:k1:");
		assertThat(node.at("/variables/address/$enc").asString()).startsWith("v1:k1:");
		assertThat(node.at("/variables/amount").decimalValue()).isEqualByComparingTo("1250.50");
		assertThat(node.at("/variables/name").asString()).isEqualTo("Order 7");
		assertThat(node.at("/other").asString()).isEqualTo("kept");
	}

	@Test
	void revealDecryptsForPrivilegedCallersAndMasksForOthers() {
		SensitiveJson json = json("$.variables.creditCard", "$.variables.address");
		String stored = json.encrypt("""
				{"variables":{"creditCard":"4111","address":{"street":"Main St 1","zip":[1,2]},"n":1}}""");
		assertThat(JSON.readTree(json.reveal(stored, true))).isEqualTo(JSON.readTree(
				"{\"variables\":{\"creditCard\":\"4111\",\"address\":{\"street\":\"Main St 1\",\"zip\":[1,2]},\"n\":1}}"));
		assertThat(JSON.readTree(json.reveal(stored, false)))
			.isEqualTo(JSON.readTree("{\"variables\":{\"creditCard\":\"***\",\"address\":\"***\",\"n\":1}}"));
	}

	@Test
	void namesMatchInAnyCaseAndWildcardsMatchEveryPropertyOrElement() {
		SensitiveJson json = json("$.variables.CREDITCARD", "$.lines[*].iban", "$.secrets.*", "$['odd name']");
		String stored = json.encrypt("""
				{"variables":{"creditCard":"4111"},"lines":[{"iban":"DE01"},{"iban":"DE02","amount":3}],\
				"secrets":{"a":"x","b":2},"odd name":true}""");
		assertThat(stored).doesNotContain("4111", "DE01", "DE02", "\"x\"");
		assertThat(JSON.readTree(json.reveal(stored, false))).isEqualTo(JSON.readTree("""
				{"variables":{"creditCard":"***"},"lines":[{"iban":"***"},{"iban":"***","amount":3}],\
				"secrets":{"a":"***","b":"***"},"odd name":"***"}"""));
		assertThat(JSON.readTree(json.reveal(stored, true))).isEqualTo(JSON.readTree("""
				{"variables":{"creditCard":"4111"},"lines":[{"iban":"DE01"},{"iban":"DE02","amount":3}],\
				"secrets":{"a":"x","b":2},"odd name":true}"""));
	}

	@Test
	void namesThatOnlyUnicodeCaseFoldingMatchesAreEncryptedToo() {
		SensitiveJson json = json("$.variables.creditCard", "$.key");
		String stored = json.encrypt("{\"variables\":{\"CRED\u0130TCARD\":\"4111\"},\"\u212Aey\":\"secret\"}");
		assertThat(stored).doesNotContain("4111").doesNotContain("secret");
	}

	@Test
	void documentsWithoutTheirPathsAndNullValuesStayAsTheyAre() {
		SensitiveJson json = json("$.variables.creditCard");
		String withoutPath = "{\"variables\":{\"amount\":1.5e400}}";
		assertThat(json.encrypt(withoutPath)).isSameAs(withoutPath);
		String nullValue = "{\"variables\":{\"creditCard\":null}}";
		assertThat(json.encrypt(nullValue)).isEqualTo(nullValue);
		assertThat(json.encrypt(null)).isNull();
		assertThat(json.reveal(withoutPath, false)).isSameAs(withoutPath);
	}

	@Test
	void anEncryptedValueIsNotEncryptedAgain() {
		SensitiveJson json = json("$.card");
		String once = json.encrypt("{\"card\":\"4111\"}");
		assertThat(json.encrypt(once)).isEqualTo(once);
	}

	@Test
	void aWholeDocumentPathAndArrayIndexesWork() {
		SensitiveJson json = json("$.cards[1]");
		String stored = json.encrypt("{\"cards\":[\"a\",\"b\",\"c\"]}");
		assertThat(JSON.readTree(json.reveal(stored, false)))
			.isEqualTo(JSON.readTree("{\"cards\":[\"a\",\"***\",\"c\"]}"));
	}

	@Test
	void aTokenCopiedToAnotherPlaceIsShownMasked() {
		SensitiveJson json = json("$.card");
		JsonNode stored = JSON.readTree(json.encrypt("{\"card\":\"4111\"}"));
		String moved = "{\"other\":" + stored.get("card") + "}";
		assertThat(JSON.readTree(json.reveal(moved, true))).isEqualTo(JSON.readTree("{\"other\":\"***\"}"));
	}

	@Test
	void unsupportedPathsAreRefusedWithAnExample() {
		for (String path : List.of("variables.creditCard", "$", "$..card", "$.a[?(@.x)]", "$.a.")) {
			assertThatIllegalStateException().isThrownBy(() -> JsonPath.parse(path))
				.withMessageContaining("$.variables.creditCard");
		}
	}

	private SensitiveJson json(String... paths) {
		return new SensitiveJson(List.of(paths).stream().map(JsonPath::parse).toList(), this.cipher, "***");
	}

}
