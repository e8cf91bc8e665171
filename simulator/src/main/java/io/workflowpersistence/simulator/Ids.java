package io.workflowpersistence.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Ids, hashes and random seeds derived from names and numbers alone, so that the same
 * settings always give the same bytes.
 */
final class Ids {

	private static final HexFormat HEX = HexFormat.of();

	private Ids() {
	}

	/**
	 * The SplitMix64 finalizer: a well-spread 64-bit value for any input.
	 */
	static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	static long mix(long first, long second) {
		return mix(mix(first) ^ second);
	}

	static long mix(long first, String name) {
		return mix(first, name.hashCode());
	}

	/**
	 * Sixteen lower-case hexadecimal digits, the shape of Elsa's ids.
	 */
	static String hex(long value) {
		return HEX.toHexDigits(value);
	}

	/**
	 * A name-based (version 3) uuid.
	 */
	static UUID uuid(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The upper-case SHA-256 of the text, as Elsa hashes bookmark and trigger payloads.
	 */
	static String hash(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HEX.formatHex(digest).toUpperCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
