package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An RSA key pair made for one test run, standing in for an OAuth2 server: its public key
 * in a PEM file for the worker's {@code public-key-location}, and signed JWTs with the
 * scopes a test asks for.
 */
public final class TestTokens {

	private final KeyPair keys;

	private final Path publicKeyFile;

	private TestTokens(KeyPair keys, Path publicKeyFile) {
		this.keys = keys;
		this.publicKeyFile = publicKeyFile;
	}

	/**
	 * A new key pair, its public key written to a temporary file.
	 * @return the issuer
	 */
	public static TestTokens create() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair keys = generator.generateKeyPair();
			Path file = Files.createTempFile("jwt-public-key", ".pem");
			file.toFile().deleteOnExit();
			String pem = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(keys.getPublic().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
			Files.writeString(file, pem);
			return new TestTokens(keys, file);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The public key's location, as Spring resources are written.
	 * @return e.g. {@code file:/tmp/jwt-public-key123.pem}
	 */
	public String publicKeyLocation() {
		return this.publicKeyFile.toUri().toString();
	}

	/**
	 * A token valid for five minutes.
	 * @param subject who it names
	 * @param scopes its scopes
	 * @return the serialized JWT
	 */
	public String token(String subject, String... scopes) {
		return token(subject, Instant.now().plus(Duration.ofMinutes(5)), scopes);
	}

	/**
	 * A token that expires at the given time.
	 * @param subject who it names
	 * @param expiresAt when it expires
	 * @param scopes its scopes
	 * @return the serialized JWT
	 */
	public String token(String subject, Instant expiresAt, String... scopes) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issueTime(Date.from(Instant.now().minusSeconds(60)))
			.expirationTime(Date.from(expiresAt))
			.claim("scope", String.join(" ", List.of(scopes)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(this.keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
