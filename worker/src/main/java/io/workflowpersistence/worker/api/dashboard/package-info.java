/**
 * The dashboard served at {@code /}: instance counts by status, the rate of applied
 * events, dead letters and consumer lag, updating live.
 */
package io.workflowpersistence.worker.api.dashboard;
