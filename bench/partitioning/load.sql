-- The load both schemas are measured with: :records activity records, ten per instance,
-- instances started evenly over the twelve months of 2025 (one every 31.5 s at 10 million
-- records), each running five minutes. Everything is a function of the instance number k
-- and the record number n, so that ingest.sql and the API scripts can name existing rows.
-- Instances that started before December have all finished; a fifth of December's still
-- run, as on a live system whose old months hold only finished work.
\set instances (:records / 10)

INSERT INTO WorkflowInstances (Id, DefinitionId, DefinitionVersionId, Version, Status, SubStatus,
        CorrelationId, Name, Data, CreatedAt, UpdatedAt, FinishedAt, EventVersion, EventTime)
SELECT md5('i' || k), 'definition-' || k % 20, 'definition-' || k % 20 || ':v1', 1,
       s.Status, NULL, md5('c' || k), 'Order ' || k,
       jsonb_build_object('input', jsonb_build_object('orderId', k, 'customer', md5('u' || k % 5000)),
           'variables', jsonb_build_object('region', 'eu-west-' || k % 3, 'priority', k % 5)),
       t.StartedAt, coalesce(t.FinishedAt, t.StartedAt), t.FinishedAt, 3, coalesce(t.FinishedAt, t.StartedAt)
FROM generate_series(1, :instances) k
CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + (k - 1) * (interval '365 days' / :instances)
        AS StartedAt) started
CROSS JOIN LATERAL (SELECT started.StartedAt,
        CASE WHEN started.StartedAt >= timestamptz '2025-12-01 00:00:00+00' AND k % 5 = 0 THEN NULL
             ELSE started.StartedAt + interval '5 minutes' END AS FinishedAt) t
CROSS JOIN LATERAL (SELECT CASE WHEN t.FinishedAt IS NULL THEN 'Running'
        WHEN k % 100 < 7 THEN 'Faulted' WHEN k % 100 < 10 THEN 'Cancelled' ELSE 'Finished' END AS Status) s;

-- Records in instance order, as the engines write them; their ids are random (md5), as
-- the engines' ids are, so every index on Id is written all over.
INSERT INTO ActivityExecutionRecords (Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName,
        ActivityType, Status, Data, Exception, StartedAt, CompletedAt, EventVersion, EventTime)
SELECT md5('r' || n), md5('i' || k), 'activity-' || j, 'Workflow1.flowchart1.activity-' || j, 'Activity ' || j,
       (ARRAY['Elsa.WriteLine', 'Elsa.HttpEndpoint', 'Elsa.SetVariable', 'Elsa.SendEmail', 'Elsa.Delay'])[j % 5 + 1],
       CASE WHEN j = 9 AND k % 100 < 7 THEN 'Faulted' ELSE 'Completed' END,
       jsonb_build_object('input', jsonb_build_object('correlationId', md5('c' || k), 'text', 'Step ' || j || ' of order ' || k),
           'output', jsonb_build_object('outcome', 'Done', 'result', md5('o' || n))),
       CASE WHEN j = 9 AND k % 100 < 7
            THEN 'System.InvalidOperationException: the order ' || k || ' cannot be shipped' || repeat(' at Elsa.Workflows.Activity.ExecuteAsync()', 3) END,
       StartedAt, StartedAt + interval '20 seconds', 2, StartedAt + interval '20 seconds'
FROM generate_series(1, :records) n
CROSS JOIN LATERAL (SELECT (n - 1) / 10 + 1 AS k, (n - 1) % 10 AS j) r
CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 00:00:00+00' + (k - 1) * (interval '365 days' / :instances)
        + j * interval '30 seconds' AS StartedAt) s;

ANALYZE;
