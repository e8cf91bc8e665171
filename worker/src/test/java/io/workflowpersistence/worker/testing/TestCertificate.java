package io.workflowpersistence.worker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code localhost} (and {@code 127.0.0.1}) made for one
 * test run with the JDK's {@code keytool}: as a PKCS12 key store and trust store (Kafka)
 * and as PEM files (PostgreSQL, and {@code sslrootcert} for its clients).
 *
 * @param directory where its files are
 * @param keyStore the PKCS12 key store with the key and the certificate
 * @param trustStore a PKCS12 trust store with the certificate
 * @param password the password of both stores and of the key
 * @param certificate the certificate, PEM
 * @param privateKey the private key, PEM (PKCS#8, unencrypted)
 */
public record TestCertificate(Path directory, Path keyStore, Path trustStore, String password, Path certificate,
		Path privateKey) {

	/**
	 * Makes a new certificate in a new temporary directory.
	 * @return the certificate
	 */
	public static TestCertificate create() {
		try {
			Path directory = Files.createTempDirectory("test-certificate");
			TestCertificate certificate = new TestCertificate(directory, directory.resolve("server.p12"),
					directory.resolve("trust.p12"), "test-" + Long.toHexString(System.nanoTime()),
					directory.resolve("server.crt"), directory.resolve("server.key"));
			certificate.generate();
			return certificate;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void generate() throws IOException {
		keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", this.keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", this.password, "-keypass", this.password);
		keytool("-exportcert", "-alias", "server", "-rfc", "-keystore", this.keyStore.toString(), "-storepass",
				this.password, "-file", this.certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", "server", "-file", this.certificate.toString(), "-keystore",
				this.trustStore.toString(), "-storetype", "PKCS12", "-storepass", this.password);
		try (InputStream input = Files.newInputStream(this.keyStore)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(input, this.password.toCharArray());
			Key key = store.getKey("server", this.password.toCharArray());
			Files.writeString(this.privateKey,
					"-----BEGIN PRIVATE KEY-----\n"
							+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getEncoded())
							+ "\n-----END PRIVATE KEY-----\n");
			Files.setPosixFilePermissions(this.privateKey, PosixFilePermissions.fromString("rw-------"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the generated key store", ex);
		}
	}

	private static void keytool(String... arguments) throws IOException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		List<String> command = new ArrayList<>(List.of(keytool.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
