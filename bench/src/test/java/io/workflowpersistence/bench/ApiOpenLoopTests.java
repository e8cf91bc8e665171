package io.workflowpersistence.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiOpenLoopTests {

	private static final long MILLI = 1_000_000;

	private static final ApiQuery QUERY = new ApiQuery("instance by id", "/api/v1/instances/inst-1",
			(random) -> "/api/v1/instances/inst-" + random.nextInt(10), false);

	private final AtomicLong clock = new AtomicLong(7 * 1_000 * MILLI);

	private final List<Long> sentAt = new ArrayList<>();

	@Test
	void requestsAreSentOnScheduleAndAnsweredAtOnceTheyTakeNoTime() throws InterruptedException {
		ApiOpenLoop loop = new ApiOpenLoop(this::answerAtOnce, this.clock::get, this.clock::addAndGet);

		ApiLoad.Result result = loop.run(QUERY, 200, Duration.ofSeconds(2), 1);

		assertThat(result.micros().getTotalCount()).isEqualTo(400);
		assertThat(result.micros().getMaxValue()).isZero();
		assertThat(this.sentAt.get(1) - this.sentAt.get(0)).isEqualTo(5 * MILLI);
		assertThat(this.sentAt.get(399) - this.sentAt.get(0)).isEqualTo(399 * 5 * MILLI);
	}

	@Test
	void aRequestSentLateBehindASlowOneCountsFromTheTimeItWasDue() throws InterruptedException {
		// The first send holds the sender for 300 ms: the requests due meanwhile go out
		// late, and each is as slow as it was late, as its callers would have seen.
		ApiOpenLoop loop = new ApiOpenLoop((path, revalidates) -> {
			if (this.sentAt.isEmpty()) {
				this.clock.addAndGet(300 * MILLI);
			}
			return answerAtOnce(path, revalidates);
		}, this.clock::get, this.clock::addAndGet);

		ApiLoad.Result result = loop.run(QUERY, 100, Duration.ofSeconds(1), 1);

		assertThat(result.micros().getTotalCount()).isEqualTo(100);
		assertThat(result.maxMillis()).isCloseTo(300, org.assertj.core.data.Offset.offset(0.5));
		// Due at 0, 10, …, 200 ms and answered at 300 ms: 21 requests of 100 ms or more.
		assertThat(result.micros().getCountBetweenValues(100_000, 400_000)).isEqualTo(21);
		assertThat(result.millis(50)).isZero();
		assertThat(result.errorCount()).isZero();
	}

	@Test
	void anAnswerOtherThan200IsAnError() throws InterruptedException {
		ApiOpenLoop loop = new ApiOpenLoop((path, revalidates) -> CompletableFuture.completedFuture(503),
				this.clock::get, this.clock::addAndGet);

		ApiLoad.Result result = loop.run(QUERY, 10, Duration.ofSeconds(1), 1);

		assertThat(result.errorSummary()).isEqualTo("10 (503: 10)");
	}

	private CompletableFuture<Integer> answerAtOnce(String path, boolean revalidates) {
		this.sentAt.add(this.clock.get());
		return CompletableFuture.completedFuture(200);
	}

}
