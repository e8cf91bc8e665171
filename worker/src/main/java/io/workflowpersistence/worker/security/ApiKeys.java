package io.workflowpersistence.worker.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.workflowpersistence.worker.security.WorkerSecurityProperties.ApiKey;

/**
 * The configured API keys, found by the SHA-256 of a presented key. Every configured hash
 * is compared in constant time, so neither the comparison nor which key matched shows in
 * the time an answer takes.
 */
final class ApiKeys {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private final List<ApiKey> keys;

	private final List<byte[]> hashes;

	ApiKeys(List<ApiKey> keys) {
		for (ApiKey key : keys) {
			if (key.name() == null || key.name().isBlank()) {
				throw new IllegalStateException("Each of worker.security.api-keys needs a name");
			}
			if (key.sha256() == null || !SHA256_HEX.matcher(key.sha256()).matches()) {
				throw new IllegalStateException("worker.security.api-keys '" + key.name()
						+ "': sha256 must be the 64 hex digits of the key's SHA-256, not the key");
			}
		}
		this.keys = List.copyOf(keys);
		this.hashes = keys.stream()
			.map((key) -> HexFormat.of().parseHex(key.sha256().toLowerCase(Locale.ROOT)))
			.toList();
	}

	boolean isEmpty() {
		return this.keys.isEmpty();
	}

	/**
	 * The key with this value, if one is configured.
	 * @param presented the key a request carries
	 * @return the configured key
	 */
	Optional<ApiKey> find(String presented) {
		byte[] hash = sha256(presented);
		ApiKey found = null;
		for (int i = 0; i < this.keys.size(); i++) {
			if (MessageDigest.isEqual(hash, this.hashes.get(i)) && found == null) {
				found = this.keys.get(i);
			}
		}
		return Optional.ofNullable(found);
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
