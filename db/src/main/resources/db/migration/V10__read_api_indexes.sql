-- Indexes of the read API (CONTRACT.md section 5).
-- A list is read in keyset order: its sort column, then Id as the tie-breaker. A B-tree on
-- exactly (sort column, Id) serves both directions and the NULLs-last order (the API reads
-- the rows with a value and the rows without as two ranges of the same index), so a page
-- is an index range scan stopped by LIMIT, however deep the page and however many rows
-- share a timestamp. An equality filter that leads the index keeps that order:
-- (Status, CreatedAt, Id) lists one status by creation time without sorting.
-- The seed's single-column indexes stay as the seed names them.

-- Case-insensitive substring search on instance names (ILIKE '%…%'). pg_trgm is a trusted
-- extension: a user with CREATE on the database may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- WorkflowInstances: one index per sort field, and the two filters an instance list is most
-- often narrowed by, in creation order. SubStatus rides along in the status index so that
-- counting by status and sub-status can read that index alone.
CREATE INDEX idx_workflowinstances_createdat_id ON WorkflowInstances(CreatedAt, Id);
CREATE INDEX idx_workflowinstances_updatedat_id ON WorkflowInstances(UpdatedAt, Id);
CREATE INDEX idx_workflowinstances_finishedat_id ON WorkflowInstances(FinishedAt, Id);
CREATE INDEX idx_workflowinstances_status_createdat_id
    ON WorkflowInstances(Status, CreatedAt, Id) INCLUDE (SubStatus);
CREATE INDEX idx_workflowinstances_definitionid_createdat_id ON WorkflowInstances(DefinitionId, CreatedAt, Id);
CREATE INDEX idx_workflowinstances_name_trgm ON WorkflowInstances USING gin (Name gin_trgm_ops);

-- Bookmarks are listed by Id; many instances can wait on the same hash or activity.
CREATE INDEX idx_bookmarks_hash_id ON Bookmarks(Hash, Id);
CREATE INDEX idx_bookmarks_activityid_id ON Bookmarks(ActivityId, Id);
