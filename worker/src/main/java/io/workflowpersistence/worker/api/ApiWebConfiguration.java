package io.workflowpersistence.worker.api;

import java.util.List;

import javax.sql.DataSource;

import io.workflowpersistence.worker.api.datasource.ApiDataSource;
import io.workflowpersistence.worker.api.datasource.ApiDataSourceProperties;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC set-up of the read API: query parameters are read into their records by
 * {@link QueryParametersResolver}; the catalog's responses carry entity tags
 * ({@link CatalogVersionTags}); requests are bounded by {@link ApiRequestLimits}.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	private final JdbcClient apiJdbc;

	ApiWebConfiguration(@ApiDataSource DataSource dataSource, ApiProperties properties) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, properties.queryTimeout().toSeconds()));
		this.apiJdbc = JdbcClient.create(template);
	}

	// After the security filters: a request without credentials is refused before it
	// takes a turn.
	@Bean
	FilterRegistrationBean<ApiRequestLimits> apiRequestLimits(ApiLimitsProperties limits,
			ApiDataSourceProperties apiPool) {
		int concurrent = (limits.maxConcurrentRequests() != null) ? limits.maxConcurrentRequests()
				: apiPool.maximumPoolSize();
		FilterRegistrationBean<ApiRequestLimits> registration = new FilterRegistrationBean<>(
				new ApiRequestLimits(concurrent, limits.maxWait(), limits.maxRequestSize()));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new QueryParametersResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CatalogVersionTags(this.apiJdbc))
			.addPathPatterns("/api/v1/definitions", "/api/v1/definitions/*", "/api/v1/categories",
					"/api/v1/categories/*", "/api/v1/activity-definitions", "/api/v1/activity-definitions/*");
	}

}
