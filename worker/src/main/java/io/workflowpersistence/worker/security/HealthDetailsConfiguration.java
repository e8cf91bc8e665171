package io.workflowpersistence.worker.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Who sees the details of {@code /actuator/health}. With access control on, only
 * authenticated callers do ({@code management.endpoint.health.show-details:
 * when-authorized}, whatever the profile): an anonymous caller gets the status alone, not
 * the disk path, Kafka's error text or the datasources. With it off (the embedded run),
 * no caller can authenticate and every endpoint is open anyway, so everyone sees them.
 */
@Configuration(proxyBeanMethods = false)
class HealthDetailsConfiguration {

	@Bean
	static BeanPostProcessor healthDetailsWithoutAccessControl(Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				// After binding, so that this overrides what the configuration says.
				if (bean instanceof HealthEndpointProperties health && !isAccessControlOn(environment)) {
					health.setShowDetails(Show.ALWAYS);
				}
				return bean;
			}

		};
	}

	private static boolean isAccessControlOn(Environment environment) {
		WorkerSecurityProperties properties = Binder.get(environment)
			.bindOrCreate("worker.security", WorkerSecurityProperties.class);
		if (properties.enabled() != null) {
			return properties.enabled();
		}
		return !environment.getProperty(SecurityConfiguration.EMBEDDED_RUN_ACTIVE, Boolean.class, false);
	}

}
