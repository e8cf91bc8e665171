package io.workflowpersistence.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleOutSectionTests {

	private static final double MIB = 1024 * 1024;

	private static final GroupAssignment ONE_WORKER = new GroupAssignment("range",
			List.of(member("worker-1-0", "workflow.activities-0", "workflow.instances-0"),
					member("worker-1-1", "workflow.activities-1", "workflow.instances-1"), member("worker-1-2")));

	private static final GroupAssignment TWO_WORKERS = new GroupAssignment("range",
			List.of(member("worker-1-0", "workflow.activities-0", "workflow.instances-0"), member("worker-2-0"),
					member("worker-2-1", "workflow.activities-1", "workflow.instances-1")));

	@Test
	void eachRunGivesItsRateCostsPerEventAssignmentAndRowComparison() {
		ScaleOutSection section = new ScaleOutSection(List.of(oneWorker(), twoWorkers(List.of())), 2);

		// 1 worker: 1.2 cores for 10 s over 600,000 events = 20 µs an event; 2 workers:
		// 0.9 + 0.3 cores for 12 s = 24 µs.
		assertThat(section.runRows()).containsExactly(
				List.of("1", "60,000", "10.00", "20.0 µs", "10.0 µs", "15.0 µs / 9.0 µs", "1.90", "2 of 3 (range)",
						"(the reference)", "3.50"),
				List.of("2", "50,000", "12.00", "24.0 µs", "12.0 µs", "16.0 µs / 9.5 µs", "1.95", "2 of 3 (range)",
						"identical, all 9 tables", "4.00"));
	}

	@Test
	void eachWorkerGivesThePartitionsItHeldItsEventsAndMemory() {
		ScaleOutSection section = new ScaleOutSection(List.of(oneWorker(), twoWorkers(List.of())), 2);

		assertThat(section.workerRows()).containsExactly(
				List.of("1", "worker-1", "4: activities 0+1, instances 0+1", "600,000", "1.20", "20.0 µs", "700 MiB",
						"1,000 MiB"),
				List.of("2", "worker-1", "2: activities 0, instances 0", "400,000", "0.90", "27.0 µs", "600 MiB",
						"900 MiB"),
				List.of("2", "worker-2", "2: activities 1, instances 1", "200,000", "0.30", "18.0 µs", "500 MiB",
						"800 MiB"));
	}

	@Test
	void rowsThatDifferFromTheReferenceAreFlaggedWithTheirTables() {
		ScaleOutSection section = new ScaleOutSection(
				List.of(oneWorker(), twoWorkers(List.of("Bookmarks", "Tombstones"))), 2);

		assertThat(section.runRows().get(1)).contains("**no**: Bookmarks, Tombstones differ");
	}

	@Test
	void theSectionSaysTheRateDoesNotTransferFromAMachineOfTwoCores() {
		Markdown markdown = new Markdown();

		new ScaleOutSection(List.of(oneWorker(), twoWorkers(List.of())), 2).render(markdown);

		assertThat(markdown.toString()).contains("## Scale-out: several workers in one consumer group",
				"This machine has 2 cores", "compared with those of the 1-worker run",
				"| workers | events/s | seconds | worker CPU / event (all workers) |");
	}

	@Test
	void aWorkerIsGivenThePartitionsOfTheMembersWithItsClientId() {
		assertThat(TWO_WORKERS.heldBy("worker-2")).containsExactly("workflow.activities-1", "workflow.instances-1");
		assertThat(TWO_WORKERS.heldBy("worker-1")).containsExactly("workflow.activities-0", "workflow.instances-0");
		assertThat(TWO_WORKERS.heldBy("worker-3")).isEmpty();
		assertThat(ONE_WORKER.heldBy("worker-1")).hasSize(4);
		assertThat(ONE_WORKER.busyMembers()).isEqualTo(2);
		assertThat(ONE_WORKER.partitionsPerMember()).containsExactly(2, 2, 0);
	}

	@Test
	void aClientIdIsNotTakenForAnotherThatStartsWithIt() {
		GroupAssignment group = new GroupAssignment("range",
				List.of(member("worker-1", "workflow.activities-0"), member("worker-10-0", "workflow.activities-1")));

		assertThat(group.heldBy("worker-1")).containsExactly("workflow.activities-0");
		assertThat(group.heldBy("worker-10")).containsExactly("workflow.activities-1");
	}

	private static ScaleOutResult oneWorker() {
		return new ScaleOutResult(1, 600_000, 10,
				List.of(new ScaleOutResult.WorkerShare("worker-1", ONE_WORKER.heldBy("worker-1"), 600_000, 1.2,
						700 * MIB, (long) (1000 * MIB))),
				ONE_WORKER, 0.6, 1.9, new ScaleOutResult.PerEvent(15, 9), null, 3.5);
	}

	private static ScaleOutResult twoWorkers(List<String> differingTables) {
		return new ScaleOutResult(2, 600_000, 12,
				List.of(new ScaleOutResult.WorkerShare("worker-1", TWO_WORKERS.heldBy("worker-1"), 400_000, 0.9,
						600 * MIB, (long) (900 * MIB)),
						new ScaleOutResult.WorkerShare("worker-2", TWO_WORKERS.heldBy("worker-2"), 200_000, 0.3,
								500 * MIB, (long) (800 * MIB))),
				TWO_WORKERS, 0.6, 1.95, new ScaleOutResult.PerEvent(16, 9.5), differingTables, 4.0);
	}

	private static GroupAssignment.Member member(String clientId, String... partitions) {
		return new GroupAssignment.Member(clientId, List.of(partitions));
	}

}
