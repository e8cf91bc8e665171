package io.workflowpersistence.worker.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller authenticated by one of the configured API keys, with its scopes.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

	private final String name;

	ApiKeyAuthentication(WorkerSecurityProperties.ApiKey key) {
		super(key.scopes().stream().map((scope) -> new SimpleGrantedAuthority(Scopes.authority(scope))).toList());
		this.name = key.name();
		setAuthenticated(true);
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

}
