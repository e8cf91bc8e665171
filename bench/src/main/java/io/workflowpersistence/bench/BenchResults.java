package io.workflowpersistence.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.workflowpersistence.bench.ApiRun.ApiResult;
import io.workflowpersistence.bench.DrainRun.DrainResult;
import io.workflowpersistence.bench.PeerRun.PeerResult;
import io.workflowpersistence.bench.RebuildRun.RebuildResult;

/**
 * Everything one benchmark run measured; a measurement that failed or was left out is
 * missing and its reason is in {@code notes}.
 */
final class BenchResults {

	final BenchOptions options;

	final MachineInfo machine;

	final List<DrainResult> drains = new ArrayList<>();

	final List<RawConsumer.Result> raw = new ArrayList<>();

	final List<CopyLimit.Result> copies = new ArrayList<>();

	final List<PeerResult> peers = new ArrayList<>();

	final List<RebuildResult> rebuilds = new ArrayList<>();

	final List<ScaleOutResult> scaleOut = new ArrayList<>();

	final Map<String, String> notes = new LinkedHashMap<>();

	EventLoad load;

	JfrProfile profile;

	long copyRows;

	long copyBytes;

	LatencyRun.Result latency;

	PeerTopics peerTopics;

	ApiResult api;

	double totalSeconds;

	BenchResults(BenchOptions options, MachineInfo machine) {
		this.options = options;
		this.machine = machine;
	}

	/**
	 * The run with the median rate (the lower middle one of an even number).
	 */
	static <T> T median(List<T> runs, ToDoubleFunction<T> rate) {
		if (runs.isEmpty()) {
			return null;
		}
		List<T> sorted = new ArrayList<>(runs);
		sorted.sort(Comparator.comparingDouble(rate));
		return sorted.get((sorted.size() - 1) / 2);
	}

	DrainResult medianDrain() {
		return median(this.drains, (run) -> run.drain().rate());
	}

	PeerResult medianPeer() {
		return median(this.peers, (run) -> run.drain().rate());
	}

	CopyLimit.Result medianCopy() {
		return median(this.copies, CopyLimit.Result::rate);
	}

	RawConsumer.Result medianRaw() {
		return median(this.raw, RawConsumer.Result::rate);
	}

	RebuildResult medianRebuild() {
		return median(this.rebuilds, (run) -> run.drain().rate());
	}

	/**
	 * The COPY limit in events per second: the events of the load over the time COPY
	 * takes to write the rows they leave.
	 */
	double copyEventRate() {
		CopyLimit.Result copy = medianCopy();
		return (copy != null) ? this.load.events() / copy.seconds() : Double.NaN;
	}

}
