/**
 * The wire contract of the workflow events: their JSON Schemas, Java records and parser.
 */
package io.workflowpersistence.events;
