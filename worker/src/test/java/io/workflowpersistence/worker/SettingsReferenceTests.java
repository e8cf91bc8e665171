package io.workflowpersistence.worker;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings reference cannot drift from the code: {@code docs/settings.md} must hold
 * what the configuration metadata of this build gives, and every setting must carry a
 * description where it is declared.
 */
class SettingsReferenceTests {

	static final String REGENERATE = "docs/settings.md differs from the settings in the code; rewrite it with "
			+ "'mvn -pl worker -am test -Dtest=SettingsReferenceTests -Dsurefire.failIfNoSpecifiedTests=false "
			+ "-Dworker.settings.write=true' and commit it";

	@Test
	void everySettingHasADescription() throws Exception {
		SettingsReference reference = SettingsReference.read(SettingsReference.METADATA);
		assertThat(reference.properties()).as("settings in the configuration metadata").isNotEmpty();
		assertThat(reference.properties()).filteredOn((property) -> SettingsReference.description(property).isBlank())
			.as("settings without a description: give each a @param in its record's Javadoc")
			.isEmpty();
	}

	@Test
	void theSettingsReferenceIsWhatTheMetadataGives() throws Exception {
		if (Boolean.getBoolean("worker.settings.write")) {
			SettingsReference.main(new String[0]);
		}
		SettingsReference reference = SettingsReference.read(SettingsReference.METADATA);
		String current = Files.readString(SettingsReference.DOCUMENT);
		assertThat(current).as(REGENERATE).isEqualTo(reference.document(current));
	}

	@Test
	void environmentVariablesAreNamedAsUsersTypeThem() {
		assertThat(SettingsReference.environmentVariables("worker.api.max-filter-values", "java.lang.Integer"))
			.isEqualTo("`WORKER_API_MAX_FILTER_VALUES`");
		assertThat(SettingsReference.environmentVariables("worker.protection.keys",
				"java.util.Map<java.lang.String,java.lang.String>"))
			.isEqualTo("`WORKER_PROTECTION_KEYS_<KEY>`");
		assertThat(SettingsReference.environmentVariables("worker.security.api-keys",
				"java.util.List<io.workflowpersistence.worker.security.WorkerSecurityProperties$ApiKey>"))
			.isEqualTo("`WORKER_SECURITY_API_KEYS_<N>_NAME`<br>`WORKER_SECURITY_API_KEYS_<N>_SHA256`"
					+ "<br>`WORKER_SECURITY_API_KEYS_<N>_SCOPES`");
	}

}
