package io.workflowpersistence.worker.api;

import java.util.List;

import javax.sql.DataSource;

import io.workflowpersistence.worker.datasource.ApiDataSource;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC set-up of the read API: query parameters are read into their records by
 * {@link QueryParametersResolver}; the catalog's responses carry entity tags
 * ({@link CatalogVersionTags}).
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	private final JdbcClient apiJdbc;

	ApiWebConfiguration(@ApiDataSource DataSource dataSource, ApiProperties properties) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setQueryTimeout((int) Math.max(1, properties.queryTimeout().toSeconds()));
		this.apiJdbc = JdbcClient.create(template);
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
