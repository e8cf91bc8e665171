/**
 * The read API's own connection pool, apart from the ingest pool: read-only, with a
 * statement timeout, optionally as a read-only database user, so that analysts' queries
 * can neither write nor take the connections ingestion needs.
 */
package io.workflowpersistence.worker.datasource;
