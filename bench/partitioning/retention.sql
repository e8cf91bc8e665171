-- Retention as the worker runs it (RetentionSweep and RetentionStore, statements copied
-- unchanged): finished instances read in the order they finished, :chunk at a time;
-- per chunk, in one transaction, the instances deleted and recorded as removed and their
-- activity records and bookmarks deleted; after the commit, what a concurrent batch wrote
-- again removed. A procedure so that each chunk commits on its own, as the worker's do.
--
-- keep_activities_from: NULL deletes every activity record of the removed instances
-- (schema A, as shipped). A time deletes only those started from then on: the older ones
-- are in the partitions that go whole (schema B).
CREATE PROCEDURE retention_sweep(before timestamptz, chunk int, keep_activities_from timestamptz)
    LANGUAGE plpgsql
AS $$
DECLARE
    after_finished timestamptz := timestamptz '1900-01-01 00:00:00+00';
    after_id varchar := '';
    ids varchar[];
    definitions varchar[];
    statuses varchar[];
    removed varchar[];
BEGIN
    LOOP
        -- FINISHED_AFTER
        SELECT array_agg(Id ORDER BY FinishedAt, Id), array_agg(DefinitionId ORDER BY FinishedAt, Id),
               array_agg(Status ORDER BY FinishedAt, Id), max(FinishedAt)
        INTO ids, definitions, statuses, after_finished
        FROM (SELECT Id, DefinitionId, Status, FinishedAt FROM WorkflowInstances
              WHERE FinishedAt < before
                AND (FinishedAt, Id) > (after_finished, after_id)
              ORDER BY FinishedAt, Id
              LIMIT chunk) window_rows;
        EXIT WHEN ids IS NULL;
        after_id := ids[array_length(ids, 1)];

        -- REMOVE_INSTANCES, every instance with the same cutoff
        WITH chosen AS (
            SELECT * FROM unnest(ids, definitions, statuses,
                array_fill(before::text, ARRAY[array_length(ids, 1)])::timestamptz[]) AS v(Id, DefinitionId, Status, Cutoff)
        ),
        removed_rows AS (
            DELETE FROM WorkflowInstances stored
            WHERE stored.Id IN (
                SELECT s.Id FROM WorkflowInstances s JOIN chosen v ON v.Id = s.Id
                WHERE s.DefinitionId = v.DefinitionId AND s.Status = v.Status AND s.FinishedAt < v.Cutoff
                ORDER BY s.Id
                FOR UPDATE OF s)
            RETURNING stored.Id, stored.FinishedAt
        ),
        recorded AS (
            INSERT INTO RemovedInstances (Id, FinishedAt)
            SELECT Id, FinishedAt FROM removed_rows ORDER BY Id
            ON CONFLICT (Id) DO NOTHING
        )
        SELECT array_agg(Id) INTO removed FROM removed_rows;

        IF removed IS NOT NULL THEN
            CALL remove_children(removed, keep_activities_from);
        END IF;
        COMMIT;

        IF removed IS NOT NULL THEN
            -- REMOVE_REWRITTEN, then the children again
            DELETE FROM WorkflowInstances i
            WHERE i.Id IN (
                SELECT s.Id FROM WorkflowInstances s JOIN RemovedInstances r ON r.Id = s.Id
                WHERE s.Id = ANY(removed)
                ORDER BY s.Id
                FOR UPDATE OF s);
            CALL remove_children(removed, keep_activities_from);
            COMMIT;
        END IF;
    END LOOP;
END
$$;

-- REMOVE_CHILDREN for both child tables; on schema B, the activity records of the
-- partitions that stay (a condition on StartedAt, so only those partitions are read).
CREATE PROCEDURE remove_children(ids varchar[], keep_activities_from timestamptz)
    LANGUAGE plpgsql
AS $$
BEGIN
    IF keep_activities_from IS NULL THEN
        DELETE FROM ActivityExecutionRecords child
        WHERE child.Id IN (
            SELECT c.Id FROM ActivityExecutionRecords c
            WHERE c.WorkflowInstanceId = ANY(ids::varchar[])
            ORDER BY c.Id
            FOR UPDATE OF c);
    ELSE
        DELETE FROM ActivityExecutionRecords child
        WHERE (child.Id, child.StartedAt) IN (
            SELECT c.Id, c.StartedAt FROM ActivityExecutionRecords c
            WHERE c.WorkflowInstanceId = ANY(ids::varchar[])
              AND c.StartedAt >= keep_activities_from
            ORDER BY c.Id
            FOR UPDATE OF c);
    END IF;
    DELETE FROM Bookmarks child
    WHERE child.Id IN (
        SELECT c.Id FROM Bookmarks c
        WHERE c.WorkflowInstanceId = ANY(ids::varchar[])
        ORDER BY c.Id
        FOR UPDATE OF c);
END
$$;

-- Schema B: a month's partition may go only when no instance with a record in it is
-- left (the rule of retention: running instances are never removed). Returns whether
-- it may.
CREATE FUNCTION activity_partition_droppable(partition regclass) RETURNS boolean
    LANGUAGE plpgsql
AS $$
DECLARE
    still_there boolean;
BEGIN
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s a JOIN WorkflowInstances i ON i.Id = a.WorkflowInstanceId)',
        partition) INTO still_there;
    RETURN NOT still_there;
END
$$;
