package io.workflowpersistence.worker.protection;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the field encryption from its settings, failing at start-up when paths are
 * configured without a key to encrypt them with.
 */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ProtectionConfiguration.class);

	@Bean
	SensitiveJson sensitiveJson(ProtectionProperties properties) {
		List<JsonPath> paths = properties.sensitivePaths().stream().map(JsonPath::parse).toList();
		KeyRing keys = KeyRing.of(properties);
		if (!paths.isEmpty() && keys.activeKeyId() == null) {
			throw new IllegalStateException("worker.protection.sensitive-paths are configured, but no key to encrypt "
					+ "them with: set worker.protection.active-key and the key (WORKER_PROTECTION_KEYS_<ID>)");
		}
		if (!paths.isEmpty()) {
			logger.info("Encrypting {} in event data with key '{}' ({} keys to decrypt with)",
					properties.sensitivePaths(), keys.activeKeyId(), keys.keys().size());
		}
		return new SensitiveJson(paths, new FieldCipher(keys), properties.mask());
	}

	@Bean
	SensitiveFields sensitiveFields(SensitiveJson sensitiveJson) {
		return new SensitiveFields(sensitiveJson);
	}

	@Bean
	SensitiveValues sensitiveValues(SensitiveJson sensitiveJson) {
		return new SensitiveValues(sensitiveJson);
	}

}
