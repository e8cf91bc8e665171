/**
 * The embedded run: when no database and no Kafka cluster are configured, the worker
 * starts a PostgreSQL and a Kafka broker of its own, feeds them a simulated engine's
 * events and stops them all on exit.
 */
package io.workflowpersistence.worker.embedded;
