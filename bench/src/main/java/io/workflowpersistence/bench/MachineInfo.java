package io.workflowpersistence.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.workflowpersistence.db.testing.DatabaseInfo;
import io.workflowpersistence.db.testing.TestDatabase;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The machine and the versions a benchmark ran on.
 *
 * @param facts name and value, in the order the report lists them
 */
record MachineInfo(Map<String, String> facts) {

	static MachineInfo collect(BenchOptions options) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
		facts.put("Memory", memory());
		facts.put("OS", osRelease() + ", Linux " + System.getProperty("os.version"));
		facts.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		DatabaseInfo probe = Databases.empty("bench_probe");
		facts.put("PostgreSQL", Databases.serverVersion(probe) + " at " + TestDatabase.server().adminJdbcUrl());
		Databases.drop(probe);
		if (options.postgresConf() != null) {
			facts.put("PostgreSQL settings", OwnPostgres.describe(options.postgresConf()));
		}
		facts.put("Kafka", "Apache Kafka " + AppInfoParser.getVersion() + " (broker and clients), KRaft, one node");
		facts.put("Peer", peerVersion(options.peer()));
		facts.put("Load average at start", String.format("%.2f", ProcessStats.loadAverage()));
		return new MachineInfo(facts);
	}

	private static String cpuModel() {
		return lines(Path.of("/proc/cpuinfo")).stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse(System.getProperty("os.arch"));
	}

	private static String memory() {
		return lines(Path.of("/proc/meminfo")).stream()
			.filter((line) -> line.startsWith("MemTotal"))
			.map((line) -> String.format("%.1f GiB", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
			.findFirst()
			.orElse("unknown");
	}

	private static String osRelease() {
		return lines(Path.of("/etc/os-release")).stream()
			.filter((line) -> line.startsWith("PRETTY_NAME="))
			.map((line) -> line.substring("PRETTY_NAME=".length()).replace("\"", ""))
			.findFirst()
			.orElse(System.getProperty("os.name"));
	}

	private static String peerVersion(Path peer) {
		Path plugin = peer.resolve("plugins").resolve("debezium-connector-jdbc");
		String connect = jarVersion(peer.resolve("libs"), "connect-runtime-");
		String sink = jarVersion(plugin, "debezium-connector-jdbc-");
		return "Debezium JDBC sink " + sink + " in Kafka Connect " + connect + " standalone";
	}

	private static String jarVersion(Path directory, String prefix) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.startsWith(prefix) && name.endsWith(".jar"))
				.map((name) -> name.substring(prefix.length(), name.length() - ".jar".length()))
				.findFirst()
				.orElse("(not found)");
		}
		catch (IOException ex) {
			return "(not installed)";
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
