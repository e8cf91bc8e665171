/**
 * Rebuilding the database from the topics ({@code rebuild}) and sending dead letters back
 * to their topics ({@code redrive}): the operations commands of the worker jar.
 */
package io.workflowpersistence.worker.replay;
