-- pgbench: GET /api/v1/instances/{id} (InstanceRepository.FIND_BY_ID), a random instance.
\set k random(1, :instances)
SELECT i.Id, i.DefinitionId, i.DefinitionVersionId, i.Version, i.Status, i.SubStatus,
       i.CorrelationId, i.Name, i.Data, i.CreatedAt, i.UpdatedAt, i.FinishedAt,
       (SELECT count(*) FROM ActivityExecutionRecords a WHERE a.WorkflowInstanceId = i.Id) AS ActivityCount,
       (SELECT count(*) FROM Bookmarks b WHERE b.WorkflowInstanceId = i.Id) AS BookmarkCount
FROM WorkflowInstances i
WHERE i.Id = md5('i' || :k::int);
