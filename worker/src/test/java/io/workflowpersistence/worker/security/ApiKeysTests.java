package io.workflowpersistence.worker.security;

import java.util.HexFormat;
import java.util.List;

import io.workflowpersistence.worker.security.WorkerSecurityProperties.ApiKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiKeysTests {

	@Test
	void aKeyIsFoundByItsHashAndUnknownKeysAreNot() {
		ApiKeys keys = new ApiKeys(
				List.of(key("reporting", "secret-1", Scopes.READ), key("grafana", "secret-2", Scopes.METRICS)));
		assertThat(keys.find("secret-2")).get().extracting(ApiKey::name).isEqualTo("grafana");
		assertThat(keys.find("secret-1")).get().extracting(ApiKey::name).isEqualTo("reporting");
		assertThat(keys.find("secret-3")).isEmpty();
		assertThat(keys.find(hash("secret-1"))).as("the hash is not the key").isEmpty();
	}

	@Test
	void hashesMayBeWrittenInEitherCase() {
		ApiKeys keys = new ApiKeys(List.of(new ApiKey("upper", hash("k").toUpperCase(), List.of(Scopes.READ))));
		assertThat(keys.find("k")).isPresent();
	}

	@Test
	void aKeyConfiguredInTheClearOrWithoutANameIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ApiKeys(List.of(new ApiKey("clear", "my-secret-key", List.of()))))
			.withMessageContaining("not the key");
		assertThatIllegalStateException().isThrownBy(() -> new ApiKeys(List.of(new ApiKey(" ", hash("k"), List.of()))))
			.withMessageContaining("name");
	}

	static ApiKey key(String name, String key, String... scopes) {
		return new ApiKey(name, hash(key), List.of(scopes));
	}

	static String hash(String key) {
		return HexFormat.of().formatHex(ApiKeys.sha256(key));
	}

}
