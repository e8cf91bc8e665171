/**
 * The catalog: workflow categories and custom activity definitions.
 */
package io.workflowpersistence.worker.api.catalog;
