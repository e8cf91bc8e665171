package io.workflowpersistence.worker.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import io.workflowpersistence.simulator.SimulatorPublisher;
import io.workflowpersistence.simulator.SimulatorSettings;
import io.workflowpersistence.worker.replay.ReplayTesting.Outcome;
import io.workflowpersistence.worker.testing.TableSnapshot;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static io.workflowpersistence.worker.replay.ReplayTesting.KAFKA;
import static io.workflowpersistence.worker.replay.ReplayTesting.applied;
import static io.workflowpersistence.worker.replay.ReplayTesting.command;
import static io.workflowpersistence.worker.replay.ReplayTesting.eventually;
import static io.workflowpersistence.worker.replay.ReplayTesting.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild into a fresh schema while the simulator keeps publishing, two live workers
 * consume and the read API is queried in a loop: the schema is swapped in, the API never
 * fails for longer than the swap, and in the end the live database equals one built from
 * scratch, beside it, from everything published.
 */
class RebuildUnderLiveLoadIntegrationTests {

	private static final String RUN = ReplayTesting.run("swap");

	private static final List<String> TOPICS = ReplayTesting.topics(RUN);

	private static final Pattern SWAP_TIME = Pattern.compile("in (\\d+) ms");

	@Test
	void theSwapKeepsTheApiAnsweringAndLosesNothing() throws Exception {
		List<ProducerRecord<byte[], byte[]>> records = ReplayTesting.simulated(RUN,
				SimulatorSettings.defaults().withSeed(11).withInstances(3000).withDelivery(0.05, 0.05, 0.3));
		DatabaseInfo liveDatabase = TestDatabase.server().createDatabase("swap_live");
		DatabaseInfo scratchDatabase = TestDatabase.server().createDatabase("swap_scratch");
		String liveGroup = RUN + "-live";
		String scratchGroup = RUN + "-scratch";
		ExecutorService threads = Executors.newFixedThreadPool(2);
		AtomicBoolean querying = new AtomicBoolean(true);
		List<Answer> answers = new CopyOnWriteArrayList<>();
		try (LiveWorker api = LiveWorker.start(liveDatabase, liveGroup, TOPICS, true);
				LiveWorker second = LiveWorker.start(liveDatabase, liveGroup, TOPICS, false);
				LiveWorker scratch = LiveWorker.start(scratchDatabase, scratchGroup, TOPICS, false);
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
						SimulatorPublisher.producerSettings(KAFKA.bootstrapServers()))) {
			SimulatorPublisher publisher = new SimulatorPublisher(producer, 1000);
			// Enough records to keep publishing through the rebuild even on a slow
			// machine;
			// publishing stops once the rebuild is done.
			AtomicBoolean keepPublishing = new AtomicBoolean(true);
			Iterator<ProducerRecord<byte[], byte[]>> stream = records.stream()
				.takeWhile((record) -> keepPublishing.get())
				.iterator();
			Future<Long> publishing = threads.submit(() -> publisher.publish(stream, 0));
			Future<?> polling = threads.submit(() -> query(api, querying, answers));
			eventually().until(() -> publisher.published() > 5_000);

			Outcome rebuild = command(with(ReplayTesting.settings(liveDatabase, liveGroup, TOPICS), "rebuild",
					"--catch-up-lag", "500", "--progress-interval", "1s"));
			long rebuiltAt = System.nanoTime();
			long publishedAtSwap = publisher.published();
			keepPublishing.set(false);
			System.out.println(rebuild);

			assertThat(rebuild.code()).as(rebuild.toString()).isZero();
			long published = publishing.get();
			assertThat(publishedAtSwap).as("published when the rebuild ended").isLessThan(records.size());
			eventually().until(() -> applied(liveDatabase, liveGroup) == published
					&& applied(scratchDatabase, scratchGroup) == published);
			querying.set(false);
			polling.get();
			assertThat(answers.stream().filter((answer) -> answer.nanos() > rebuiltAt)).as("queries after the swap")
				.isNotEmpty()
				.allMatch((answer) -> answer.status() == 200);
			assertThat(longestFailure(answers)).as("longest failure of the API, against the swap: " + rebuild.out())
				.isLessThanOrEqualTo(swapTime(rebuild).plusMillis(500));
			System.out.printf("%d records; %d API answers, %d failed; longest failure %s%n", published, answers.size(),
					answers.stream().filter((answer) -> answer.status() >= 500).count(), longestFailure(answers));
			assertThat(TableSnapshot.of(liveDatabase.dataSource()))
				.isEqualTo(TableSnapshot.of(scratchDatabase.dataSource()));
		}
		finally {
			querying.set(false);
			threads.shutdownNow();
		}
	}

	private static void query(LiveWorker api, AtomicBoolean querying, List<Answer> answers) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		List<String> paths = List.of("/api/v1/instances?limit=20", "/api/v1/stats/instances",
				"/api/v1/instances?status=Finished&limit=5&count=true");
		for (int index = 0; querying.get(); index++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(api.url(paths.get(index % paths.size()))))
				.timeout(Duration.ofSeconds(10))
				.build();
			int status;
			try {
				status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				status = 599;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			answers.add(new Answer(System.nanoTime(), status));
		}
	}

	// From a failed answer to the next successful one.
	private static Duration longestFailure(List<Answer> answers) {
		long longest = 0;
		Long failingSince = null;
		for (Answer answer : answers) {
			if (answer.status() >= 500 && failingSince == null) {
				failingSince = answer.nanos();
			}
			else if (answer.status() < 500 && failingSince != null) {
				longest = Math.max(longest, answer.nanos() - failingSince);
				failingSince = null;
			}
		}
		assertThat(failingSince).as("the API fails at the end").isNull();
		return Duration.ofNanos(longest);
	}

	private static Duration swapTime(Outcome rebuild) {
		Matcher matcher = SWAP_TIME.matcher(rebuild.out());
		assertThat(matcher.find()).as(rebuild.out()).isTrue();
		return Duration.ofMillis(Long.parseLong(matcher.group(1)));
	}

	private record Answer(long nanos, int status) {
	}

}
