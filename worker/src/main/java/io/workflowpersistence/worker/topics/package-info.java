/**
 * Watches the consumed topics' retention and cleanup policy: the topics are the source a
 * rebuild reads, so a topic that can lose records is warned about, shown in health and
 * counted in a metric.
 */
package io.workflowpersistence.worker.topics;
