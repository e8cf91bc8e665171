/**
 * The benchmark: loads a simulated engine's events into a real Kafka broker, measures the
 * worker's jar draining them into a real PostgreSQL against the physical limit (COPY, a
 * bare consumer) and a peer (Debezium's JDBC sink in Kafka Connect), measures the read
 * API and the rebuild, and writes the report.
 */
package io.workflowpersistence.bench;
