-- pgbench: one batch of the worker's activity-record upsert (EntityTable's UPSERT with
-- EntityTables' guard for ACTIVITIES), 1,000 rows a statement: the ten records of 50
-- December instances updated with a newer version (their activities ended), and the ten
-- records of 50 new instances inserted. The worker binds each column as an array and
-- unnests them; here the same rows come from a query, the rest of the statement is the
-- worker's text. run.sh changes the conflict target to (Id, StartedAt) for schema B.
\set k0 random(:instances * 334 / 365 + 1, :instances - 50)
WITH incoming AS MATERIALIZED (
    SELECT md5('r' || n) AS Id, md5('i' || k) AS WorkflowInstanceId, 'activity-' || j AS ActivityId,
           'Workflow1.flowchart1.activity-' || j AS ActivityNodeId, 'Activity ' || j AS ActivityName,
           (ARRAY['Elsa.WriteLine', 'Elsa.HttpEndpoint', 'Elsa.SetVariable', 'Elsa.SendEmail', 'Elsa.Delay'])[j % 5 + 1] AS ActivityType,
           'Completed' AS Status,
           jsonb_build_object('input', jsonb_build_object('correlationId', md5('c' || k), 'text', 'Step ' || j || ' of order ' || k),
               'output', jsonb_build_object('outcome', 'Done', 'result', md5('o' || n))) AS Data,
           NULL::text AS Exception, StartedAt, StartedAt + interval '20 seconds' AS CompletedAt,
           (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS EventVersion, clock_timestamp() AS EventTime
    FROM generate_series(:k0::int, :k0::int + 49) k
    CROSS JOIN generate_series(0, 9) j
    CROSS JOIN LATERAL (SELECT (k - 1) * 10 + j + 1 AS n) r
    CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + (k - 1) * (interval '365 days' / :instances::int)
            + j * interval '30 seconds' AS StartedAt) s
    UNION ALL
    SELECT md5(i.Instance || j), i.Instance, 'activity-' || j, 'Workflow1.flowchart1.activity-' || j, 'Activity ' || j,
           (ARRAY['Elsa.WriteLine', 'Elsa.HttpEndpoint', 'Elsa.SetVariable', 'Elsa.SendEmail', 'Elsa.Delay'])[j % 5 + 1],
           'Running', jsonb_build_object('input', jsonb_build_object('correlationId', md5(i.Instance), 'text', 'Step ' || j)),
           NULL, i.StartedAt + j * interval '30 seconds', NULL, 1, clock_timestamp()
    FROM (SELECT md5(random()::text || clock_timestamp()::text) AS Instance,
                 timestamptz '2025-12-01 00:00:00+00' + random() * interval '30 days' AS StartedAt
          FROM generate_series(1, 50)) i
    CROSS JOIN generate_series(0, 9) j
),
written AS (
    INSERT INTO ActivityExecutionRecords AS stored (Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName,
            ActivityType, Status, Data, Exception, StartedAt, CompletedAt, EventVersion, EventTime)
    SELECT * FROM incoming v
    WHERE NOT EXISTS (
        SELECT 1 FROM Tombstones d
        WHERE d.EntityType = 'workflow.activity' AND d.Id = v.Id::text
          AND NOT is_newer(d.EventVersion, d.EventTime, v.EventVersion, v.EventTime)
        OFFSET 0)
    AND NOT EXISTS (
            SELECT 1 FROM Tombstones p
            WHERE p.EntityType = 'workflow.instance' AND p.Id = v.WorkflowInstanceId
            OFFSET 0)
        AND NOT EXISTS (
            SELECT 1 FROM RemovedInstances r
            WHERE r.Id = v.WorkflowInstanceId
            OFFSET 0)
    ORDER BY v.Id
    ON CONFLICT (Id) DO UPDATE
    SET WorkflowInstanceId = EXCLUDED.WorkflowInstanceId, ActivityId = EXCLUDED.ActivityId,
        ActivityNodeId = EXCLUDED.ActivityNodeId, ActivityName = EXCLUDED.ActivityName,
        ActivityType = EXCLUDED.ActivityType, Status = EXCLUDED.Status, Data = EXCLUDED.Data,
        Exception = EXCLUDED.Exception, StartedAt = EXCLUDED.StartedAt, CompletedAt = EXCLUDED.CompletedAt,
        EventVersion = EXCLUDED.EventVersion, EventTime = EXCLUDED.EventTime, IngestedAt = now()
    WHERE is_newer(stored.EventVersion, stored.EventTime, EXCLUDED.EventVersion, EXCLUDED.EventTime)
    RETURNING stored.Id
)
SELECT w.Id::text, EXISTS (
        SELECT 1 FROM Tombstones d
        WHERE d.EntityType = 'workflow.activity' AND d.Id = w.Id::text
        OFFSET 0) AS Revived
FROM written w;
