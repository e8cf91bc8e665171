/**
 * Workflow instances: the list and search with their filters, one instance with its
 * counts, its activity records, and counts by status.
 */
package io.workflowpersistence.worker.api.instances;
