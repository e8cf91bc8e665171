/**
 * An engine simulator: deterministic, Elsa-like streams of workflow events as CloudEvents
 * Kafka records, and a command that publishes them at a chosen rate.
 */
package io.workflowpersistence.simulator;
