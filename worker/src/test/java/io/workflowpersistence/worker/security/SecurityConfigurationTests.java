package io.workflowpersistence.worker.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
		.withUserConfiguration(SecurityConfiguration.class, Settings.class);

	@Test
	void theProductionProfileRefusesToStartWithSecurityOff() {
		this.runner.withPropertyValues("spring.profiles.active=production", "worker.security.enabled=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("production profile needs API access control"));
	}

	@Test
	void theProductionProfileRefusesToStartWithoutAnyCredentials() {
		this.runner.withPropertyValues("spring.profiles.active=production")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("neither a JWT issuer or public key"));
	}

	@Test
	void theProductionProfileStartsWithAnApiKey() {
		this.runner
			.withPropertyValues("spring.profiles.active=production", "worker.security.api-keys[0].name=reporting",
					"worker.security.api-keys[0].sha256=" + ApiKeysTests.hash("k"),
					"worker.security.api-keys[0].scopes=workflows.read")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(SecurityFilterChain.class));
	}

	@Test
	void anApiKeyConfiguredInTheClearStopsTheStart() {
		this.runner
			.withPropertyValues("worker.security.api-keys[0].name=reporting",
					"worker.security.api-keys[0].sha256=the-key-itself")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("not the key"));
	}

	@Test
	void securityIsOnByDefaultAndOffByDefaultOnlyInTheEmbeddedRun() {
		WorkerSecurityProperties unset = new WorkerSecurityProperties(null, List.of(), "X-API-Key");
		assertThat(SecurityConfiguration.isEnabled(unset, new MockEnvironment())).isTrue();
		assertThat(SecurityConfiguration.isEnabled(unset,
				new MockEnvironment().withProperty("worker.embedded.active", "true")))
			.isFalse();
		WorkerSecurityProperties on = new WorkerSecurityProperties(true, List.of(), "X-API-Key");
		assertThat(SecurityConfiguration.isEnabled(on,
				new MockEnvironment().withProperty("worker.embedded.active", "true")))
			.isTrue();
		WorkerSecurityProperties off = new WorkerSecurityProperties(false, List.of(), "X-API-Key");
		assertThat(SecurityConfiguration.isEnabled(off, new MockEnvironment())).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WorkerSecurityProperties.class)
	static class Settings {

	}

}
