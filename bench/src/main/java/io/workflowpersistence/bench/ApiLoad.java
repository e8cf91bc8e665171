package io.workflowpersistence.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop load of one query: a number of clients, each sending its next request as
 * soon as the answer to the last one has arrived, first for a warm-up and then for the
 * measured time. Latency is from sending a request to having read the whole answer.
 */
final class ApiLoad {

	static final int CLIENTS = 16;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Function<String, String> url;

	ApiLoad(Function<String, String> url) {
		this.url = url;
	}

	/**
	 * Loads the query for a while without measuring it.
	 */
	void warmUp(ApiQuery query, Duration warmUp) throws InterruptedException {
		load(query, warmUp, new Histogram(3), new Tally(), 1);
	}

	Result run(ApiQuery query, Duration warmUp, Duration measured) throws InterruptedException {
		load(query, warmUp, new Histogram(3), new Tally(), 1);
		Histogram latencies = new Histogram(3);
		Tally errors = new Tally();
		long started = System.nanoTime();
		load(query, measured, latencies, errors, 1000);
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Result(query, latencies, errors, seconds);
	}

	private void load(ApiQuery query, Duration duration, Histogram latencies, Tally errors, long seed)
			throws InterruptedException {
		long end = System.nanoTime() + duration.toNanos();
		CountDownLatch done = new CountDownLatch(CLIENTS);
		for (int client = 0; client < CLIENTS; client++) {
			Random random = new Random(seed * CLIENTS + client);
			Thread thread = new Thread(() -> {
				try {
					Histogram own = new Histogram(3);
					Map<String, String> tags = new HashMap<>();
					while (System.nanoTime() < end) {
						String path = query.path().apply(random);
						request(path, query.revalidates() ? tags : null, own, errors);
					}
					synchronized (latencies) {
						latencies.add(own);
					}
				}
				finally {
					done.countDown();
				}
			}, "api-client-" + client);
			thread.start();
		}
		done.await();
	}

	/**
	 * Sends one request; with {@code tags}, the client's entity tags by path, as a
	 * conditional request that a 304 answers.
	 */
	private void request(String path, Map<String, String> tags, Histogram latencies, Tally errors) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.url.apply(path)))
			.header(WorkerJar.API_KEY_HEADER, WorkerJar.API_KEY)
			.timeout(Duration.ofSeconds(30));
		if (tags != null && tags.containsKey(path)) {
			builder.header("If-None-Match", tags.get(path));
		}
		long started = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
			latencies.recordValue((System.nanoTime() - started) / 1_000);
			if (tags != null) {
				response.headers().firstValue("ETag").ifPresent((tag) -> tags.put(path, tag));
			}
			boolean answered = response.statusCode() == 200 || (tags != null && response.statusCode() == 304);
			if (!answered) {
				synchronized (errors) {
					errors.add(Integer.toString(response.statusCode()), 1);
				}
			}
		}
		catch (IOException ex) {
			synchronized (errors) {
				errors.add(ex.getClass().getSimpleName(), 1);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The load of one query.
	 *
	 * @param query the query
	 * @param micros latencies in microseconds
	 * @param errors answers other than 200 by status, and failed requests by exception
	 * @param seconds the measured time
	 */
	record Result(ApiQuery query, Histogram micros, Tally errors, double seconds) {

		long errorCount() {
			return (long) this.errors.sum();
		}

		/**
		 * The errors, e.g. {@code 12 (503: 12)}, or {@code 0}.
		 */
		String errorSummary() {
			if (errorCount() == 0) {
				return "0";
			}
			List<String> kinds = new ArrayList<>();
			this.errors.top(5, 1).forEach((kind, number) -> kinds.add(kind + ": " + Markdown.count(number)));
			return Markdown.count(errorCount()) + " (" + String.join(", ", kinds) + ")";
		}

		double throughput() {
			return this.micros.getTotalCount() / this.seconds;
		}

		double millis(double percentile) {
			return this.micros.getValueAtPercentile(percentile) / 1000.0;
		}

		double maxMillis() {
			return this.micros.getMaxValue() / 1000.0;
		}

	}

}
