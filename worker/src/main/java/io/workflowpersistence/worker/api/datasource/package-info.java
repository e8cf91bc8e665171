/**
 * The read API's own connection pool, apart from the ingest pool: read-only, with a
 * statement timeout, optionally as a read-only database user, so that analysts' queries
 * can neither write nor take the connections ingestion needs; it may read from a hot
 * standby, whose replication lag it samples and whose recovery conflicts it retries.
 */
package io.workflowpersistence.worker.api.datasource;
