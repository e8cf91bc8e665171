/**
 * Triggers: what starts workflows, found by hash, definition or name.
 */
package io.workflowpersistence.worker.api.triggers;
