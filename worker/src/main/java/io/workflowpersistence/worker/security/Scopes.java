package io.workflowpersistence.worker.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The scopes a caller's token or API key may carry, and what each allows.
 */
public final class Scopes {

	/**
	 * Reading the API (and the dashboard and the OpenAPI document).
	 */
	public static final String READ = "workflows.read";

	/**
	 * Seeing encrypted fields decrypted; without it they are masked.
	 */
	public static final String READ_SENSITIVE = "workflows.read.sensitive";

	/**
	 * Reading the actuator's endpoints other than health, the metrics above all.
	 */
	public static final String METRICS = "workflows.metrics";

	private static final String AUTHORITY_PREFIX = "SCOPE_";

	private Scopes() {
	}

	/**
	 * The authority Spring Security grants for a scope.
	 * @param scope the scope
	 * @return its authority
	 */
	public static String authority(String scope) {
		return AUTHORITY_PREFIX + scope;
	}

	/**
	 * Whether the caller of the current request carries a scope.
	 * @param scope the scope
	 * @return {@code true} if the caller is authenticated with it
	 */
	public static boolean currentCallerHas(String scope) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		String authority = authority(scope);
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
