#!/bin/sh
# Measures ActivityExecutionRecords as shipped (schema A) against partitioned by month on
# StartedAt (schema B) in a throwaway PostgreSQL cluster of its own, started from the
# machine's PostgreSQL binaries with docker/postgres/postgresql.conf and deleted at the end:
# ingest rate, read API latency, and retention of the oldest month by the worker's chunked
# DELETE (A) against DETACH PARTITION + DROP TABLE (B), with an ingest running.
# Every measurement runs A then B, --rounds times. Writes a Markdown report (--out).
#
#   bench/partitioning/run.sh [--records 10000000] [--rounds 2] [--seconds 60] [--out FILE]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
records=10000000
rounds=2
seconds=60
out="$here/results.md"
while [ $# -gt 0 ]; do
	case "$1" in
		--records) records=$2; shift 2 ;;
		--rounds) rounds=$2; shift 2 ;;
		--seconds) seconds=$2; shift 2 ;;
		--out) out=$2; shift 2 ;;
		-h|--help) sed -n '2,9p' "$0"; exit 0 ;;
		*) echo "unknown option $1" >&2; exit 2 ;;
	esac
done
instances=$((records / 10))

# Debian's server binaries: pg_config's bindir when it has initdb, else the newest version.
bin=$(pg_config --bindir 2>/dev/null || true)
if [ ! -x "$bin/initdb" ]; then
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi
for tool in initdb pg_ctl postgres psql pgbench; do
	if [ ! -x "$bin/$tool" ]; then
		echo "PostgreSQL's server binaries are missing ($tool not found in '$bin'):" \
			"install the server package (Debian: postgresql-15)" >&2
		exit 1
	fi
done

# The server refuses to run as root: run it, and its clients, as postgres.
as_server() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

work=$(mktemp -d)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
port=$((20000 + $$ % 20000))
cleanup() {
	as_server "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM

as_server "$bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
cp "$repo/docker/postgres/postgresql.conf" "$work/data/postgresql.conf"
cat >>"$work/data/postgresql.conf" <<CONF
listen_addresses = ''
port = $port
unix_socket_directories = '$work'
CONF
[ "$(id -u)" = 0 ] && chown postgres "$work/data/postgresql.conf"
as_server "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w start >/dev/null

sql() { database=$1; shift; as_server "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U postgres -d "$database" "$@"; }
value() { sql "$1" -At -c "$2"; }
note() { echo "$(date -u +%H:%M:%S) $*" >&2; }

# Both schemas from the db module's migrations, in version order, each in a transaction
# as Flyway applies them; B then replaces the table with a partitioned one.
for schema in a b; do value postgres "CREATE DATABASE $schema" >/dev/null; done
for schema in a b; do
	for migration in $(ls "$repo"/db/src/main/resources/db/migration/V*.sql | sort -V); do
		sql $schema -1 -f "$migration" >/dev/null
	done
	[ $schema = b ] && sql b -f "$here/partitioned.sql" >/dev/null
	sql $schema -f "$here/retention.sql"
	value $schema "CREATE EXTENSION pg_stat_statements" >/dev/null
done
value postgres "CREATE ROLE retention SUPERUSER LOGIN" >/dev/null

cp "$here/ingest.sql" "$work/ingest-a.sql"
sed 's/ON CONFLICT (Id) DO UPDATE/ON CONFLICT (Id, StartedAt) DO UPDATE/' "$here/ingest.sql" >"$work/ingest-b.sql"
cp "$here"/api-*.sql "$work/"
chmod 644 "$work"/*.sql

# Both loads at once: nothing is measured yet, and it halves the wait.
for schema in a b; do
	(
		note "loading $records activity records into $schema"
		started=$(date +%s)
		sql $schema -v records=$records -f "$here/load.sql" >/dev/null
		value $schema "VACUUM" >/dev/null
		note "loaded $schema in $(($(date +%s) - started)) s"
	) &
done
wait
for schema in a b; do
	if [ "$(value $schema "SELECT count(*) FROM ActivityExecutionRecords")" != "$records" ]; then
		echo "loading $schema failed" >&2
		exit 1
	fi
done
value postgres "CHECKPOINT" >/dev/null

bench() { schema=$1; shift; as_server "$bin/pgbench" -n -h "$work" -p "$port" -U postgres -D instances=$instances "$@" $schema; }
load() { uptime | sed 's/.*load average: //'; }

{
	echo "# Partitioned activity records: $records records, $instances instances"
	echo
	echo "PostgreSQL $(value postgres "SHOW server_version"), docker/postgres/postgresql.conf," \
		"$(nproc) cores; every row is one run, A and B alternating."
	echo
	echo "| schema | size of ActivityExecutionRecords with its indexes | partitions |"
	echo "|---|---|---|"
	for schema in a b; do
		echo "| $schema | $(value $schema "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c
			WHERE c.relname LIKE 'activityexecutionrecords%' AND c.relkind = 'r'") |" \
			"$(value $schema "SELECT count(*) FROM pg_inherits WHERE inhparent = 'activityexecutionrecords'::regclass") |"
	done
} >"$out"

# Ingest: 2 clients (the worker's writers on 2 cores), 1,000 rows a statement.
ingest_rate() {
	bench $1 -M prepared -c 2 -j 2 -T "$2" -f "$work/ingest-$1.sql" 2>&1 |
		sed -n 's/^tps = \([0-9.]*\) .*/\1/p' | awk '{printf "%.0f", $1 * 1000}'
}
{
	echo
	echo "## Ingest rate, no retention running ($seconds s each, 2 clients, 1,000 rows a statement)"
	echo
	echo "| round | schema | rows/s | load average (1, 5, 15 min) |"
	echo "|---|---|---|---|"
} >>"$out"
for round in $(seq 1 "$rounds"); do
	for schema in a b; do
		note "ingest $schema round $round"
		rate=$(ingest_rate $schema "$seconds")
		echo "| $round | $schema | $rate | $(load) |" >>"$out"
	done
done

# Read API: 4 clients (the API pool), the three queries on activity records at equal weight.
percentiles() {
	awk -v script="$2" '$4 == script { print $3 / 1000 }' "$1" | sort -n |
		awk '{ v[NR] = $1 } END { printf "%.2f / %.2f", v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1] }'
}
{
	echo
	echo "## Read API latency ($seconds s each, 4 clients, -M prepared), ms p50 / p99"
	echo
	echo "| round | schema | transactions/s | instance with activity count | first page of activities + count | next page (keyset) | load average |"
	echo "|---|---|---|---|---|---|---|"
} >>"$out"
for round in $(seq 1 "$rounds"); do
	for schema in a b; do
		note "api $schema round $round"
		rm -f "$work"/api.*
		tps=$(cd "$work" && bench $schema -M prepared -c 4 -j 2 -T "$seconds" -l --log-prefix=api \
			-f api-instance.sql -f api-activities.sql -f api-next-page.sql 2>&1 |
			sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
		cat "$work"/api.* >"$work/api-all.log"
		echo "| $round | $schema | $tps | $(percentiles "$work/api-all.log" 0) | $(percentiles "$work/api-all.log" 1) |" \
			"$(percentiles "$work/api-all.log" 2) | $(load) |" >>"$out"
	done
done

# Retention of the oldest month left: instances that finished before the first day of the
# next month is over (so that every instance with a record in the month is among them),
# in chunks of 500, while the ingest runs in 2-second pgbench runs. Its own WAL is what
# pg_stat_statements counts for the retention role; the LSN difference includes the ingest.
retention() {
	schema=$1 month=$2
	before="timestamptz '$month' + interval '1 month 1 day'"
	if [ "$schema" = a ]; then
		steps="CALL retention_sweep($before, 500, NULL);
			SELECT clock_timestamp() AS swept FROM mark \\gset"
	else
		partition="activityexecutionrecords_$(echo "$month" | cut -c1-7 | tr - _)"
		steps="CALL retention_sweep($before, 500, timestamptz '$month' + interval '1 month');
			SELECT clock_timestamp() AS swept FROM mark \\gset
			SELECT activity_partition_droppable('$partition') AS droppable \\gset
			\\if :droppable
				ALTER TABLE ActivityExecutionRecords DETACH PARTITION $partition CONCURRENTLY;
				DROP TABLE $partition;
			\\else
				\\echo 'partition $partition still holds records of kept instances'
				\\quit
			\\endif"
	fi
	as_server "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$work" -p "$port" -U retention -d "$schema" -At <<SQL
SELECT pg_stat_statements_reset();
CREATE TEMP TABLE mark AS SELECT clock_timestamp() AS at, pg_current_wal_lsn() AS lsn,
	(split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint
	 + split_part(pg_read_file('/proc/self/stat'), ' ', 15)::bigint) AS ticks,
	(SELECT count(*) FROM WorkflowInstances) AS instances;
$steps
SELECT round(extract(epoch FROM clock_timestamp() - at)::numeric, 1)
	|| ' | ' || round(extract(epoch FROM :'swept'::timestamptz - at)::numeric, 1)
	|| ' | ' || round(((split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint
	    + split_part(pg_read_file('/proc/self/stat'), ' ', 15)::bigint) - ticks) / 100.0, 1)
	|| ' | ' || pg_size_pretty((SELECT sum(wal_bytes) FROM pg_stat_statements
	    WHERE userid = 'retention'::regrole)::bigint)
	|| ' | ' || pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), lsn))
	|| ' | ' || (instances - (SELECT count(*) FROM WorkflowInstances))
FROM mark;
SQL
}
ingest_while() {
	flag=$1 total=0 started=$(date +%s.%N)
	while [ ! -f "$flag" ]; do
		rate=$(ingest_rate $2 2)
		total=$(echo "$total + ${rate:-0} * 2" | bc)
	done
	echo "$total / ($(date +%s.%N) - $started)" | bc
}
{
	echo
	echo "## Retention of the oldest month, with the ingest running"
	echo
	echo "Seconds (and of them the chunked sweep of instances, before any partition is dropped)" \
		"and CPU seconds of the retention's backend; its own WAL (pg_stat_statements);" \
		"all WAL written meanwhile (LSN difference, ingest included); instances removed;" \
		"ingest rows/s while it ran (the runs above give the rate without it)."
	echo
	echo "| round | schema | month | seconds | of which the chunked sweep | CPU s | retention WAL | all WAL | instances removed | ingest rows/s meanwhile | load average |"
	echo "|---|---|---|---|---|---|---|---|---|---|---|"
} >>"$out"
for round in $(seq 1 "$rounds"); do
	month=$(date -u -d "2025-01-01 +$((round - 1)) month" +%Y-%m-%d)
	for schema in a b; do
		note "retention $schema $month"
		value $schema "CHECKPOINT" >/dev/null
		rm -f "$work/retention-done"
		ingest_while "$work/retention-done" $schema >"$work/ingest-meanwhile" &
		ingest=$!
		sleep 1
		result=$(retention $schema "$month" | tail -n 1)
		touch "$work/retention-done"
		wait $ingest
		echo "| $round | $schema | ${month%-01} | $result | $(cat "$work/ingest-meanwhile") | $(load) |" >>"$out"
	done
done

for schema in a b; do
	echo "$schema: $(value $schema "SELECT count(*) FROM ActivityExecutionRecords") activity records left" >&2
done
note "report written to $out"
