package io.workflowpersistence.worker.protection;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys by id: the active one encrypts, every one decrypts, so that a key can be
 * rotated by adding a new one, making it active and keeping the old one for what it
 * encrypted.
 *
 * @param keys the keys by id
 * @param activeKeyId the id of the key that encrypts
 */
record KeyRing(Map<String, SecretKey> keys, String activeKeyId) {

	private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

	KeyRing {
		keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
		keys.forEach(KeyRing::check);
		if (activeKeyId != null && !keys.containsKey(activeKeyId)) {
			throw new IllegalStateException("The active field encryption key '" + activeKeyId
					+ "' is not among the configured keys " + keys.keySet());
		}
	}

	/**
	 * The ring of the configured keys and key store.
	 */
	static KeyRing of(ProtectionProperties properties) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		properties.keys().forEach((id, base64) -> keys.put(id, decode(id, base64)));
		keys.putAll(fromKeyStore(properties.keyStore()));
		return new KeyRing(keys, properties.activeKey());
	}

	SecretKey active() {
		if (this.activeKeyId == null) {
			throw new IllegalStateException("No active field encryption key: set worker.protection.active-key");
		}
		return this.keys.get(this.activeKeyId);
	}

	SecretKey find(String keyId) {
		return this.keys.get(keyId);
	}

	private static SecretKey decode(String id, String base64) {
		try {
			return new SecretKeySpec(Base64.getDecoder().decode(base64.strip()), "AES");
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The field encryption key '" + id + "' is not Base64", ex);
		}
	}

	private static Map<String, SecretKey> fromKeyStore(ProtectionProperties.KeyStore store) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		if (store.location() == null) {
			return keys;
		}
		char[] password = (store.password() != null) ? store.password().toCharArray() : null;
		try (InputStream input = store.location().getInputStream()) {
			java.security.KeyStore keyStore = java.security.KeyStore.getInstance(store.type());
			keyStore.load(input, password);
			for (String alias : Collections.list(keyStore.aliases())) {
				Key key = keyStore.getKey(alias, password);
				if (key instanceof SecretKey secret) {
					keys.put(alias, new SecretKeySpec(secret.getEncoded(), "AES"));
				}
			}
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the field encryption keys of " + store.location(), ex);
		}
		return keys;
	}

	private static void check(String id, SecretKey key) {
		if (!KEY_ID.matcher(id).matches()) {
			throw new IllegalStateException(
					"A field encryption key id must be 1 to 64 letters, digits, '_', '.' or '-': " + id);
		}
		int length = key.getEncoded().length;
		if (length != 16 && length != 24 && length != 32) {
			throw new IllegalStateException(
					"The field encryption key '" + id + "' has " + length + " bytes; AES takes 16, 24 or 32");
		}
	}

}
