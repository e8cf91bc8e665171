package io.workflowpersistence.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

/**
 * An open-loop load of one query: requests sent on a fixed schedule, whatever the answers
 * do, each one's latency measured from the time it was due to be sent. A slow answer
 * therefore counts for the requests that should have gone out meanwhile too, which a
 * closed loop (waiting for each answer before the next request) leaves out: coordinated
 * omission.
 */
final class ApiOpenLoop {

	private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	private final Sender sender;

	private final LongSupplier clock;

	private final LongConsumer sleeper;

	/**
	 * @param sender sends a request for a path, completing with the answer's status
	 * @param clock the time in nanoseconds ({@link System#nanoTime()})
	 * @param sleeper waits for so many nanoseconds
	 */
	ApiOpenLoop(Sender sender, LongSupplier clock, LongConsumer sleeper) {
		this.sender = sender;
		this.clock = clock;
		this.sleeper = sleeper;
	}

	/**
	 * An open loop over HTTP against the worker, with the benchmark's API key.
	 */
	static ApiOpenLoop overHttp(Function<String, String> url) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		Map<String, String> tags = new ConcurrentHashMap<>();
		Sender sender = (path, revalidates) -> {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(path)))
				.header(WorkerJar.API_KEY_HEADER, WorkerJar.API_KEY)
				.timeout(ANSWER_TIMEOUT);
			String tag = revalidates ? tags.get(path) : null;
			if (tag != null) {
				request.header("If-None-Match", tag);
			}
			return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply((response) -> {
				if (revalidates) {
					response.headers().firstValue("ETag").ifPresent((etag) -> tags.put(path, etag));
				}
				return (response.statusCode() == 304 && revalidates) ? 200 : response.statusCode();
			});
		};
		return new ApiOpenLoop(sender, System::nanoTime, LockSupport::parkNanos);
	}

	/**
	 * Sends {@code rate} requests a second for the given time, then waits for their
	 * answers.
	 */
	ApiLoad.Result run(ApiQuery query, int rate, Duration measured, long seed) throws InterruptedException {
		Random random = new Random(seed);
		Histogram latencies = new Histogram(3);
		Tally errors = new Tally();
		List<CompletableFuture<?>> answers = new ArrayList<>();
		long start = this.clock.getAsLong();
		long requests = measured.toNanos() * rate / 1_000_000_000L;
		for (long request = 0; request < requests; request++) {
			long due = start + request * 1_000_000_000L / rate;
			long wait = due - this.clock.getAsLong();
			if (wait > 0) {
				this.sleeper.accept(wait);
			}
			answers.add(this.sender.send(query.path().apply(random), query.revalidates())
				.whenComplete((status, failure) -> {
					long micros = (this.clock.getAsLong() - due) / 1_000;
					synchronized (latencies) {
						latencies.recordValue(Math.max(0, micros));
						if (failure != null) {
							errors.add(failure.getClass().getSimpleName(), 1);
						}
						else if (status != 200) {
							errors.add(Integer.toString(status), 1);
						}
					}
				}));
		}
		awaitAll(answers);
		double seconds = (this.clock.getAsLong() - start) / 1e9;
		synchronized (latencies) {
			return new ApiLoad.Result(query, latencies, errors, Math.max(seconds, measured.toNanos() / 1e9));
		}
	}

	private static void awaitAll(List<CompletableFuture<?>> answers) throws InterruptedException {
		try {
			CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
				.exceptionally((failure) -> null)
				.get(ANSWER_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Answers still missing after " + ANSWER_TIMEOUT, ex);
		}
	}

	/**
	 * Sends one request without waiting for its answer.
	 */
	@FunctionalInterface
	interface Sender {

		/**
		 * @param path the path to request
		 * @param revalidates whether to send the entity tag of the last answer for the
		 * same path, a 304 then counting as an answer (200)
		 * @return the answer's status
		 */
		CompletableFuture<Integer> send(String path, boolean revalidates);

	}

}
