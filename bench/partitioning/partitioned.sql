-- Schema B: the shipped schema (every migration applied) with ActivityExecutionRecords
-- replaced by a table partitioned by month on StartedAt, the time an execution started,
-- which the engine never changes for a record. The primary key must include it, and a
-- key column cannot be NULL: StartedAt becomes NOT NULL. The seed's index names stay on
-- the parent (each partition gets its own index under a generated name).
DROP TABLE ActivityExecutionRecords;

CREATE TABLE ActivityExecutionRecords (
    Id varchar(255) NOT NULL,
    WorkflowInstanceId varchar(255) NOT NULL,
    ActivityId varchar(255) NOT NULL,
    ActivityNodeId varchar(255),
    ActivityName varchar(255),
    ActivityType varchar(255),
    Status varchar(50) NOT NULL,
    Data jsonb,
    Exception text,
    StartedAt timestamptz NOT NULL,
    CompletedAt timestamptz,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (Id, StartedAt)
) PARTITION BY RANGE (StartedAt);

CREATE INDEX idx_activityexecutionrecords_workflowinstanceid ON ActivityExecutionRecords(WorkflowInstanceId);
CREATE INDEX idx_activityexecutionrecords_startedat ON ActivityExecutionRecords(StartedAt);
CREATE INDEX idx_activityexecutionrecords_status ON ActivityExecutionRecords(Status);

-- What the worker (or pg_partman) would run ahead of time for each month. Storage
-- parameters cannot be set on a partitioned table: each partition gets V15's.
CREATE FUNCTION create_activity_partition(month date) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF ActivityExecutionRecords
            FOR VALUES FROM (%L) TO (%L)
            WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_threshold = 1000,
                  autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.02,
                  autovacuum_analyze_threshold = 1000)',
        'activityexecutionrecords_' || to_char(month, 'YYYY_MM'),
        month::timestamptz, (month + interval '1 month')::timestamptz);
END
$$;

-- The twelve loaded months, the current one and two ahead.
SELECT create_activity_partition(month::date)
FROM generate_series(date '2025-01-01', date '2026-02-01', interval '1 month') month;
