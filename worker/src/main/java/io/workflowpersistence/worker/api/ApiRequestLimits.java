package io.workflowpersistence.worker.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.workflowpersistence.worker.security.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Bounds the read API: a request body larger than the limit is answered 413 (one of
 * unknown length 411), and at most so many requests run at once; a request that finds no
 * free turn within the wait is answered 503 with {@code Retry-After}, rather than
 * queueing for a database connection.
 */
final class ApiRequestLimits extends ApiRequestFilter {

	private final Semaphore turns;

	private final Duration maxWait;

	private final DataSize maxRequestSize;

	ApiRequestLimits(int maxConcurrentRequests, Duration maxWait, DataSize maxRequestSize) {
		this.turns = new Semaphore(maxConcurrentRequests, true);
		this.maxWait = maxWait;
		this.maxRequestSize = maxRequestSize;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxRequestSize.toBytes()) {
			ProblemResponses.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
					"The request body is larger than " + this.maxRequestSize.toKilobytes() + " KB.");
			return;
		}
		if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			ProblemResponses.write(request, response, HttpStatus.LENGTH_REQUIRED,
					"Send the request body with a Content-Length.");
			return;
		}
		if (!acquireTurn()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"Too many API requests are running; try again shortly.");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.turns.release();
		}
	}

	private boolean acquireTurn() {
		try {
			return this.turns.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
