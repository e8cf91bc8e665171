package io.workflowpersistence.worker.protection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.workflowpersistence.worker.protection.FieldCipher.UndecryptableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FieldCipherTests {

	private static final byte[] LOCATION = "$.variables.creditCard".getBytes(StandardCharsets.UTF_8);

	private static final SecretKey K1 = key(1);

	private static final SecretKey K2 = key(2);

	private final FieldCipher k1Active = new FieldCipher(new KeyRing(Map.of("k1", K1), "k1"));

	@Test
	void aTokenNamesVersionAndKeyAndDecryptsToTheValue() {
		String token = this.k1Active.encrypt(bytes("\"4111 1111 1111 1111\""), LOCATION);
		assertThat(token).startsWith("v1:k1:").doesNotContain("4111");
		assertThat(new String(this.k1Active.decrypt(token, LOCATION), StandardCharsets.UTF_8))
			.isEqualTo("\"4111 1111 1111 1111\"");
	}

	@Test
	void theSameValueEncryptsDifferentlyEachTime() {
		assertThat(this.k1Active.encrypt(bytes("42"), LOCATION))
			.isNotEqualTo(this.k1Active.encrypt(bytes("42"), LOCATION));
	}

	@Test
	void aTokenStillDecryptsAfterTheActiveKeyChanged() {
		String before = this.k1Active.encrypt(bytes("\"secret\""), LOCATION);
		FieldCipher rotated = new FieldCipher(new KeyRing(Map.of("k1", K1, "k2", K2), "k2"));
		String after = rotated.encrypt(bytes("\"new secret\""), LOCATION);
		assertThat(after).startsWith("v1:k2:");
		assertThat(rotated.decrypt(before, LOCATION)).isEqualTo(bytes("\"secret\""));
		assertThat(rotated.decrypt(after, LOCATION)).isEqualTo(bytes("\"new secret\""));
	}

	@Test
	void aTokenMovedToAnotherPlaceDoesNotDecrypt() {
		String token = this.k1Active.encrypt(bytes("\"secret\""), LOCATION);
		assertThatExceptionOfType(UndecryptableException.class)
			.isThrownBy(() -> this.k1Active.decrypt(token, bytes("$.variables.name")))
			.withMessageContaining("authentication failed");
	}

	@Test
	void aTamperedTokenDoesNotDecrypt() {
		String token = this.k1Active.encrypt(bytes("\"secret\""), LOCATION);
		byte[] sealed = Base64.getDecoder().decode(token.substring("v1:k1:".length()));
		sealed[sealed.length - 1] ^= 1;
		String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(sealed);
		assertThatExceptionOfType(UndecryptableException.class)
			.isThrownBy(() -> this.k1Active.decrypt(tampered, LOCATION));
	}

	@Test
	void aTokenOfAnUnknownKeyOrFormatIsUndecryptable() {
		String token = new FieldCipher(new KeyRing(Map.of("k2", K2), "k2")).encrypt(bytes("1"), LOCATION);
		assertThatExceptionOfType(UndecryptableException.class).isThrownBy(() -> this.k1Active.decrypt(token, LOCATION))
			.withMessageContaining("unknown key 'k2'");
		assertThatExceptionOfType(UndecryptableException.class)
			.isThrownBy(() -> this.k1Active.decrypt("v2:k1:AAAA", LOCATION));
		assertThatExceptionOfType(UndecryptableException.class)
			.isThrownBy(() -> this.k1Active.decrypt("v1:k1:not base64!", LOCATION));
	}

	@Test
	void keysOfTheWrongLengthOrWithoutTheActiveOneAreRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new KeyRing(Map.of("short", new SecretKeySpec(new byte[10], "AES")), "short"))
			.withMessageContaining("10 bytes");
		assertThatIllegalStateException().isThrownBy(() -> new KeyRing(Map.of("k1", K1), "k9"))
			.withMessageContaining("'k9'");
		assertThatIllegalStateException().isThrownBy(() -> new KeyRing(Map.of("k:1", K1), "k:1"))
			.withMessageContaining("key id");
	}

	@Test
	void withoutAnActiveKeyNothingIsEncrypted() {
		FieldCipher decryptOnly = new FieldCipher(new KeyRing(Map.of("k1", K1), null));
		assertThatIllegalStateException().isThrownBy(() -> decryptOnly.encrypt(bytes("1"), LOCATION))
			.withMessageContaining("worker.protection.active-key");
	}

	static SecretKey key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return new SecretKeySpec(key, "AES");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
