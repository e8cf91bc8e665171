package io.workflowpersistence.worker.protection;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts and decrypts single values with AES-GCM. A token names its format version and
 * key, {@code v1:<keyId>:<Base64 of 12-byte nonce + ciphertext + 16-byte tag>}, so that
 * it decrypts with the key that made it after the active key has changed. Each value gets
 * a fresh random nonce; the associated data (where the value sits) is authenticated, so a
 * token copied to another place does not decrypt. Thread-safe.
 */
final class FieldCipher {

	static final String VERSION = "v1";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final KeyRing keys;

	private final SecureRandom random = new SecureRandom();

	FieldCipher(KeyRing keys) {
		this.keys = keys;
	}

	String activeKeyId() {
		return this.keys.activeKeyId();
	}

	/**
	 * Encrypts with the active key.
	 * @param plaintext the value
	 * @param associatedData authenticated with it, needed again to decrypt
	 * @return the token
	 */
	String encrypt(byte[] plaintext, byte[] associatedData) {
		SecretKey key = this.keys.active();
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			byte[] sealed = cipher.doFinal(plaintext);
			byte[] token = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
			return VERSION + ":" + this.keys.activeKeyId() + ":" + Base64.getEncoder().encodeToString(token);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * Decrypts a token made by {@link #encrypt}.
	 * @param token the token
	 * @param associatedData what it was encrypted with
	 * @return the value
	 * @throws UndecryptableException if the token is malformed, its key unknown, or it
	 * fails authentication
	 */
	byte[] decrypt(String token, byte[] associatedData) {
		String[] parts = token.split(":", 3);
		if (parts.length != 3 || !parts[0].equals(VERSION)) {
			throw new UndecryptableException("not a " + VERSION + " token");
		}
		SecretKey key = this.keys.find(parts[1]);
		if (key == null) {
			throw new UndecryptableException("unknown key '" + parts[1] + "'");
		}
		try {
			byte[] sealed = Base64.getDecoder().decode(parts[2]);
			if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
				throw new UndecryptableException("too short");
			}
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData);
			return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
		}
		catch (IllegalArgumentException ex) {
			throw new UndecryptableException("not Base64");
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableException("authentication failed with key '" + parts[1] + "'");
		}
	}

	/**
	 * A token that cannot be decrypted, with why.
	 */
	static final class UndecryptableException extends RuntimeException {

		UndecryptableException(String reason) {
			super(reason);
		}

	}

}
