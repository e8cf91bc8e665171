package io.workflowpersistence.bench;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySpikesTests {

	private static final long SECOND = 1_000_000_000L;

	private static final long FROM = 50 * SECOND;

	@Test
	void aSecondIsSlowWhenItsP99OrItsMaxIsOverHalfASecond() {
		List<Double> p99 = List.of(120.0, 640.0, 300.0, 90.0);
		List<Double> max = List.of(200.0, 700.0, 900.0, 500.0);

		List<LatencySpikes.Spike> spikes = LatencySpikes.find(latencies(p99, max), FROM, List.of());

		assertThat(spikes).extracting(LatencySpikes.Spike::second).containsExactly(1, 2);
		assertThat(spikes.get(0).p99()).isEqualTo(640.0);
		assertThat(spikes.get(1).max()).isEqualTo(900.0);
		assertThat(spikes).allSatisfy((spike) -> assertThat(spike.causes()).isEmpty());
	}

	@Test
	void aSlowSecondListsWhatOverlappedFromASecondBeforeItUntilItsSlowestRecordWasCommitted() {
		List<Double> p99 = List.of(100.0, 100.0, 100.0, 800.0, 100.0, 100.0, 100.0);
		List<Double> max = List.of(100.0, 100.0, 100.0, 1_500.0, 100.0, 100.0, 100.0);
		// Second 3 is sent in [53 s, 54 s) and committed by 55.5 s: causes from 52 s on.
		Happening tooEarly = new Happening("GC pause (G1 Young Generation, G1 Evacuation Pause)", FROM + SECOND,
				FROM + SECOND + 40_000_000);
		Happening gcBefore = new Happening("GC pause (G1 Young Generation, G1 Evacuation Pause)",
				FROM + 2 * SECOND + 500_000_000, FROM + 2 * SECOND + 560_000_000);
		Happening gcDuring = new Happening("GC pause (G1 Young Generation, G1 Evacuation Pause)",
				FROM + 3 * SECOND + 100_000_000, FROM + 3 * SECOND + 120_000_000);
		Happening checkpoint = new Happening("checkpoint (writing and syncing)", FROM - 10 * SECOND, FROM + 3 * SECOND);
		Happening compaction = new Happening("instance-count compaction", FROM + 5 * SECOND + 400_000_000,
				FROM + 5 * SECOND + 700_000_000);
		Happening tooLate = new Happening("tombstone purge", FROM + 5 * SECOND + 600_000_000,
				FROM + 5 * SECOND + 900_000_000);

		List<LatencySpikes.Spike> spikes = LatencySpikes.find(latencies(p99, max), FROM,
				List.of(tooLate, compaction, checkpoint, gcDuring, gcBefore, tooEarly));

		assertThat(spikes).singleElement().satisfies((spike) -> {
			assertThat(spike.second()).isEqualTo(3);
			assertThat(spike.causes()).containsExactly("checkpoint (writing and syncing), 13000.0 ms",
					"GC pause (G1 Young Generation, G1 Evacuation Pause) ×2, 80.0 ms in all, longest 60.0 ms",
					"instance-count compaction, 300.0 ms");
		});
	}

	@Test
	void whatHappenedMoreThanTwoSecondsAfterASecondOfABacklogIsNotItsCause() {
		List<Double> p99 = List.of(40_000.0);
		List<Double> max = List.of(60_000.0);
		Happening within = new Happening("instance-count compaction", FROM + 2 * SECOND + 900_000_000,
				FROM + 2 * SECOND + 950_000_000);
		Happening later = new Happening("tombstone purge", FROM + 3 * SECOND + 100_000_000,
				FROM + 3 * SECOND + 200_000_000);

		LatencyRun.Latencies latencies = new LatencyRun.Latencies(new Histogram(3), p99, p99, max, List.of(20_000.0));

		List<LatencySpikes.Spike> spikes = LatencySpikes.find(latencies, FROM, List.of(within, later));

		assertThat(spikes.get(0).causes()).containsExactly("backlog: even its fastest record took 20000.0 ms",
				"instance-count compaction, 50.0 ms");
	}

	/**
	 * Latencies whose fastest record of each second took 10 ms.
	 */
	private static LatencyRun.Latencies latencies(List<Double> p99, List<Double> max) {
		return new LatencyRun.Latencies(new Histogram(3), p99, p99, max, p99.stream().map((value) -> 10.0).toList());
	}

	@Test
	void anInstantIsListedWithoutADuration() {
		Happening vacuum = new Happening("autovacuum of bookmarks finished", FROM + SECOND, FROM + SECOND);

		assertThat(LatencySpikes.causes(List.of(vacuum))).containsExactly("autovacuum of bookmarks finished");
	}

}
