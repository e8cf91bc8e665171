-- pgbench: the next page of an instance's activities (pages of 5, read as 6), after the
-- cursor of its fifth record: the keyset branch (StartedAt, Id) > (:afterValue, :afterId).
\set k random(1, :instances)
\set n (:k - 1) * 10 + 5
SELECT * FROM ((SELECT Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName, ActivityType, Status, Data,
        Exception, StartedAt, CompletedAt FROM ActivityExecutionRecords
    WHERE WorkflowInstanceId = md5('i' || :k::int) AND StartedAt IS NOT NULL
      AND (StartedAt, Id) > (timestamptz '2025-01-01 00:00:00+00' + (:k::int - 1) * (interval '365 days' / :instances::int)
              + 4 * interval '30 seconds', md5('r' || :n::int))
    ORDER BY StartedAt ASC, Id ASC LIMIT 6)
UNION ALL
(SELECT Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName, ActivityType, Status, Data,
        Exception, StartedAt, CompletedAt FROM ActivityExecutionRecords
    WHERE WorkflowInstanceId = md5('i' || :k::int) AND StartedAt IS NULL ORDER BY StartedAt ASC, Id ASC LIMIT 6)) page
ORDER BY StartedAt ASC NULLS LAST, Id ASC
LIMIT 6;
