package io.workflowpersistence.worker.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import io.workflowpersistence.worker.api.datasource.ReplicaLag;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Tells the client of every read API answer how fresh its data is: the header
 * {@value #NAME} carries the replication lag of the database the API reads from, in
 * seconds as a decimal (an RFC 9651 structured field), as last sampled; {@code 0} on a
 * primary, absent while the lag is unknown.
 */
@Component
class DataLagHeader extends ApiRequestFilter {

	static final String NAME = "Data-Lag-Seconds";

	private final ReplicaLag lag;

	DataLagHeader(ReplicaLag lag) {
		this.lag = lag;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.lag.current().ifPresent((current) -> response.setHeader(NAME, format(current)));
		chain.doFilter(request, response);
	}

	static String format(Duration lag) {
		return String.format(Locale.ROOT, "%.3f", lag.toNanos() / 1e9);
	}

}
