package io.workflowpersistence.worker.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What runs only in an embedded run: the simulated engine and the note on where to look.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmbeddedRun.ACTIVE_PROPERTY, havingValue = "true")
class EmbeddedRunConfiguration {

	@Bean
	DemoSimulator demoSimulator(EmbeddedServices services, EmbeddedProperties properties) {
		return new DemoSimulator(services.bootstrapServers(), properties.simulator());
	}

	@Bean
	WhereToLook whereToLook(EmbeddedServices services, Environment environment,
			RequestMappingHandlerMapping requestMappingHandlerMapping) {
		return new WhereToLook(services, environment, requestMappingHandlerMapping);
	}

}
