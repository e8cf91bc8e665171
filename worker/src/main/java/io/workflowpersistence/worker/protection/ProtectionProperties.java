package io.workflowpersistence.worker.protection;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of field encryption ({@code worker.protection.*}). Keys never come from the
 * repository: give them as environment variables ({@code WORKER_PROTECTION_KEYS_<ID>}) or
 * in a key store.
 *
 * @param sensitivePaths JSON paths inside the {@code data} of every event family whose
 * values are stored encrypted, e.g. {@code $.variables.creditCard}; {@code *} and
 * {@code [*]} match any property or element; names match in any case
 * @param activeKey the id of the key new values are encrypted with
 * @param keys AES keys (16, 24 or 32 bytes, Base64) by key id
 * @param keyStore a key store whose secret keys join the ring, their aliases being their
 * ids
 * @param mask what callers without the sensitive scope see in place of a value
 */
@ConfigurationProperties("worker.protection")
public record ProtectionProperties(@DefaultValue List<String> sensitivePaths, String activeKey,
		@DefaultValue Map<String, String> keys, @DefaultValue KeyStore keyStore, @DefaultValue("***") String mask) {

	/**
	 * A key store holding AES secret keys.
	 *
	 * @param location where it is, e.g. {@code file:/run/secrets/fields.p12}; none when
	 * unset
	 * @param password its password, also the password of its keys
	 * @param type its type
	 */
	public record KeyStore(Resource location, String password, @DefaultValue("PKCS12") String type) {
	}

}
