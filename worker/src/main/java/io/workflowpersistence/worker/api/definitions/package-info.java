/**
 * Workflow definitions, each with its tags.
 */
package io.workflowpersistence.worker.api.definitions;
