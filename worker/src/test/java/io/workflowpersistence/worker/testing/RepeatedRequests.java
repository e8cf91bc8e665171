package io.workflowpersistence.worker.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * The same HTTP request sent over and over by so many clients at once, as load beside a
 * measurement, until closed; every answer's status is kept.
 */
public final class RepeatedRequests implements AutoCloseable {

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());

	private final ExecutorService threads;

	private final List<CompletableFuture<Void>> clients;

	private RepeatedRequests(int clients, IntSupplier request) {
		this.threads = Executors.newFixedThreadPool(clients);
		this.clients = IntStream.range(0, clients).mapToObj((i) -> CompletableFuture.runAsync(() -> {
			while (this.running.get()) {
				this.statuses.add(request.getAsInt());
			}
		}, this.threads)).toList();
	}

	/**
	 * Starts the clients.
	 * @param clients how many send at once
	 * @param request sends the request once and answers its status
	 * @return the running clients
	 */
	public static RepeatedRequests start(int clients, IntSupplier request) {
		return new RepeatedRequests(clients, request);
	}

	/**
	 * The statuses answered so far.
	 * @return a copy
	 */
	public List<Integer> statuses() {
		synchronized (this.statuses) {
			return List.copyOf(this.statuses);
		}
	}

	/**
	 * Stops the clients once their requests in flight are answered.
	 */
	@Override
	public void close() {
		this.running.set(false);
		this.clients.forEach(CompletableFuture::join);
		this.threads.shutdown();
	}

}
