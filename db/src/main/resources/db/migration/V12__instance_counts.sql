-- Instance counts by definition, status and sub-status, kept by triggers in the
-- transaction that changes the instances, so that the read API's counts by status
-- (GET /api/v1/stats/instances) read a few hundred rows instead of every instance.
--
-- The table is append-only: each statement on WorkflowInstances adds one row per group
-- it changed, with the change as Delta, and a count is the sum of its group's rows.
-- Concurrent writers therefore never wait for each other on a shared count row. The
-- worker compacts the table every few seconds, summing each group into a single row
-- (InstanceCountStore).
CREATE TABLE InstanceCountDeltas (
    DefinitionId varchar(255) NOT NULL,
    Status varchar(50) NOT NULL,
    SubStatus varchar(50),
    Delta bigint NOT NULL
);

-- Statement-level triggers see all rows a statement changed at once, through its
-- transition tables, and add one row per group, not per instance. An
-- INSERT … ON CONFLICT DO UPDATE fires both the INSERT trigger (with the rows it
-- inserted) and the UPDATE trigger (with the rows it updated). The functions name the
-- counts table unqualified, like every statement of the worker, so that a schema rebuilt
-- beside the live one and moved into its place keeps counting into its own table.
CREATE FUNCTION count_inserted_instances() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO InstanceCountDeltas (DefinitionId, Status, SubStatus, Delta)
    SELECT DefinitionId, Status, SubStatus, count(*)
    FROM inserted
    GROUP BY DefinitionId, Status, SubStatus;
    RETURN NULL;
END
$$;

-- Most updates keep an instance's status: their groups sum to zero and add nothing.
CREATE FUNCTION count_updated_instances() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO InstanceCountDeltas (DefinitionId, Status, SubStatus, Delta)
    SELECT DefinitionId, Status, SubStatus, sum(Delta)
    FROM (
        SELECT DefinitionId, Status, SubStatus, 1 AS Delta FROM updated
        UNION ALL
        SELECT DefinitionId, Status, SubStatus, -1 AS Delta FROM replaced
    ) changes
    GROUP BY DefinitionId, Status, SubStatus
    HAVING sum(Delta) <> 0;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_deleted_instances() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO InstanceCountDeltas (DefinitionId, Status, SubStatus, Delta)
    SELECT DefinitionId, Status, SubStatus, -count(*)
    FROM deleted
    GROUP BY DefinitionId, Status, SubStatus;
    RETURN NULL;
END
$$;

-- TRUNCATE (a rebuild in place empties the tables with it) fires no DELETE trigger. The
-- lock waits for a compaction in progress, whose summed rows a plain DELETE begun before
-- its commit would not see; DELETE rather than TRUNCATE asks the user only for the
-- privilege every writer has.
CREATE FUNCTION forget_instance_counts() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    LOCK TABLE InstanceCountDeltas IN EXCLUSIVE MODE;
    DELETE FROM InstanceCountDeltas;
    RETURN NULL;
END
$$;

CREATE TRIGGER count_inserted_instances AFTER INSERT ON WorkflowInstances
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_instances();

CREATE TRIGGER count_updated_instances AFTER UPDATE ON WorkflowInstances
    REFERENCING OLD TABLE AS replaced NEW TABLE AS updated
    FOR EACH STATEMENT EXECUTE FUNCTION count_updated_instances();

CREATE TRIGGER count_deleted_instances AFTER DELETE ON WorkflowInstances
    REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION count_deleted_instances();

CREATE TRIGGER forget_instance_counts AFTER TRUNCATE ON WorkflowInstances
    FOR EACH STATEMENT EXECUTE FUNCTION forget_instance_counts();

-- The instances already there, counted once. The triggers above already hold a lock
-- that keeps writers out until this migration commits, so no change is counted twice
-- or missed.
INSERT INTO InstanceCountDeltas (DefinitionId, Status, SubStatus, Delta)
SELECT DefinitionId, Status, SubStatus, count(*)
FROM WorkflowInstances
GROUP BY DefinitionId, Status, SubStatus;
