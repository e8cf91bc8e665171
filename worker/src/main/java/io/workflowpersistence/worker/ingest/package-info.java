/**
 * Consumes the event topics in batches and applies each batch to the database in one
 * transaction, dead-lettering what cannot be applied.
 */
package io.workflowpersistence.worker.ingest;
