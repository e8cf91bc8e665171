#!/bin/sh
# Builds the project, fetches the peer (Kafka Connect and Debezium's JDBC sink), runs the
# benchmark and writes bench/REPORT.md with its plot beside it. Options: see --help.
set -eu
cd "$(dirname "$0")/.."
for argument in "$@"; do
	case "$argument" in
		-h|--help)
			exec java -cp 'bench/target/bench.jar:bench/target/lib/*' io.workflowpersistence.bench.BenchMain --help ;;
	esac
done
mvn -q -B -DskipTests package
case " $* " in
	*" --skip-peer "*) ;;
	*) mvn -q -B -f bench/peer/pom.xml package ;;
esac
exec java -Xmx2g -cp 'bench/target/bench.jar:bench/target/lib/*' io.workflowpersistence.bench.BenchMain "$@"
