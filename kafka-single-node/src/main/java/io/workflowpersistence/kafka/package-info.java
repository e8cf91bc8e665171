/**
 * The one definition of a single-node Kafka cluster in KRaft mode.
 */
package io.workflowpersistence.kafka;
