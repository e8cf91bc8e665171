/**
 * Retention: finished instances past their time-to-live removed with their activity
 * records and bookmarks, replay-safe (docs/operations/retention.md).
 */
package io.workflowpersistence.worker.retention;
