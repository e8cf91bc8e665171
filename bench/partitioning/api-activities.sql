-- pgbench: GET /api/v1/instances/{id}/activities, first page (ActivityRepository through
-- KeysetSql.sortedPage: by StartedAt then Id, NULLs last; default page of 50, read as 51)
-- and its count, a random instance.
\set k random(1, :instances)
SELECT * FROM ((SELECT Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName, ActivityType, Status, Data,
        Exception, StartedAt, CompletedAt FROM ActivityExecutionRecords
    WHERE WorkflowInstanceId = md5('i' || :k::int) AND StartedAt IS NOT NULL ORDER BY StartedAt ASC, Id ASC LIMIT 51)
UNION ALL
(SELECT Id, WorkflowInstanceId, ActivityId, ActivityNodeId, ActivityName, ActivityType, Status, Data,
        Exception, StartedAt, CompletedAt FROM ActivityExecutionRecords
    WHERE WorkflowInstanceId = md5('i' || :k::int) AND StartedAt IS NULL ORDER BY StartedAt ASC, Id ASC LIMIT 51)) page
ORDER BY StartedAt ASC NULLS LAST, Id ASC
LIMIT 51;
SELECT count(*) FROM ActivityExecutionRecords WHERE WorkflowInstanceId = md5('i' || :k::int);
