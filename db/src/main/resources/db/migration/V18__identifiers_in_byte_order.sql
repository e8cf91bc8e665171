-- Identifiers, hashes and status codes compare byte by byte (the "C" collation) instead of
-- by the database's language rules. They are machine-made, nobody reads them in
-- alphabetical order, and every batch sorts and compares them many times: in the upserts'
-- sort, in each of their indexes, in the cascades' lock order. A comparison under "C" is
-- a memcmp; under a libc collation it is a strcoll call (bench/FINDINGS.md measured 16%
-- less time inserting rows into indexes of such columns). Equality is the same under both,
-- so no stored value and no lookup changes meaning; what changes is the order of ORDER BY
-- on these columns, now that of the bytes whatever the database's locale.
--
-- Every column of one kind changes together: a comparison of a "C" column with a column
-- of the database's collation would be planned in "C" and could no longer use the other
-- column's index. Names, descriptions and tags keep the database's collation: people sort
-- those.
--
-- The types do not change, so no table is rewritten; each table's indexes on these columns
-- are rebuilt once, under an ACCESS EXCLUSIVE lock (docs/operations/tuning.md, "Identifiers in byte order").

ALTER TABLE WorkflowDefinitions
    ALTER COLUMN Id TYPE varchar(255) COLLATE "C",
    ALTER COLUMN DefinitionId TYPE varchar(255) COLLATE "C";

ALTER TABLE WorkflowInstances
    ALTER COLUMN Id TYPE varchar(255) COLLATE "C",
    ALTER COLUMN DefinitionId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN DefinitionVersionId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN CorrelationId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN Status TYPE varchar(50) COLLATE "C",
    ALTER COLUMN SubStatus TYPE varchar(50) COLLATE "C";

ALTER TABLE ActivityExecutionRecords
    ALTER COLUMN Id TYPE varchar(255) COLLATE "C",
    ALTER COLUMN WorkflowInstanceId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN ActivityId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN ActivityNodeId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN Status TYPE varchar(50) COLLATE "C";

ALTER TABLE Bookmarks
    ALTER COLUMN Id TYPE varchar(255) COLLATE "C",
    ALTER COLUMN WorkflowInstanceId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN ActivityId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN ActivityNodeId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN Hash TYPE varchar(255) COLLATE "C";

ALTER TABLE Triggers
    ALTER COLUMN Id TYPE varchar(255) COLLATE "C",
    ALTER COLUMN WorkflowDefinitionId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN WorkflowDefinitionVersionId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN ActivityId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN Hash TYPE varchar(255) COLLATE "C";

ALTER TABLE WorkflowTags
    ALTER COLUMN WorkflowDefinitionId TYPE varchar(255) COLLATE "C";

ALTER TABLE Tombstones
    ALTER COLUMN EntityType TYPE varchar(50) COLLATE "C",
    ALTER COLUMN Id TYPE varchar(255) COLLATE "C";

ALTER TABLE RemovedInstances
    ALTER COLUMN Id TYPE varchar(255) COLLATE "C";

ALTER TABLE InstanceCountDeltas
    ALTER COLUMN DefinitionId TYPE varchar(255) COLLATE "C",
    ALTER COLUMN Status TYPE varchar(50) COLLATE "C",
    ALTER COLUMN SubStatus TYPE varchar(50) COLLATE "C";
