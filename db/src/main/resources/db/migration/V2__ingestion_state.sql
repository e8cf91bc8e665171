-- State the ingestion rules of the contract need (CONTRACT.md section 3).

-- Rule 2: is an incoming ordering key newer than the stored one? When both carry an
-- entity version the larger wins; otherwise the later event time wins; equal keys are
-- duplicates. Keys that cannot be compared (a version against a time) rank the one with
-- a version higher, so the outcome never depends on arrival order.
-- A plain SQL expression, so PostgreSQL inlines it into the statements that use it.
CREATE FUNCTION is_newer(stored_version bigint, stored_time timestamptz,
                         incoming_version bigint, incoming_time timestamptz)
    RETURNS boolean
    LANGUAGE sql
    IMMUTABLE
    PARALLEL SAFE
AS $$
    SELECT CASE
        WHEN stored_version IS NOT NULL AND incoming_version IS NOT NULL
            THEN incoming_version > stored_version
        WHEN stored_time IS NOT NULL AND incoming_time IS NOT NULL
            THEN incoming_time > stored_time
        ELSE incoming_version IS NOT NULL AND stored_version IS NULL
    END
$$;

-- Rule 3: a delete leaves a tombstone with its ordering key, so an older upsert that
-- arrives later cannot resurrect the row. EntityType is the event family
-- (e.g. 'workflow.instance'). Purged after a configurable retention, by DeletedAt.
CREATE TABLE Tombstones (
    EntityType varchar(50) NOT NULL,
    Id varchar(255) NOT NULL,
    EventVersion bigint,
    EventTime timestamptz,
    DeletedAt timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (EntityType, Id)
);

CREATE INDEX idx_tombstones_deletedat ON Tombstones(DeletedAt);

-- Rule 6: the position of the topics the database reflects, written in the same
-- transaction as the rows it applied. NextOffset is the next offset to consume.
CREATE TABLE ConsumerOffsets (
    GroupId varchar(255) NOT NULL,
    Topic varchar(255) NOT NULL,
    PartitionId int NOT NULL,
    NextOffset bigint NOT NULL,
    UpdatedAt timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (GroupId, Topic, PartitionId)
);
