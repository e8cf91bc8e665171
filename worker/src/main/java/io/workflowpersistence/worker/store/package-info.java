/**
 * JDBC writes of events into the tables, newest wins in SQL, and the position of the
 * topics the database reflects.
 */
package io.workflowpersistence.worker.store;
