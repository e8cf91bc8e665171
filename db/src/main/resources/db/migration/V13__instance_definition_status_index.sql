-- Instances of one definition in one status, by creation time: the list the read API's
-- users narrow most (e.g. the faulted instances of a workflow). Neither the definition's
-- nor the status's index serves it alone when the pair is rare: each then reads every
-- instance of the definition or of the status until a page is full. With both columns
-- leading, a page is one index range stopped by LIMIT, in the list's default order
-- (CreatedAt, then Id, either direction); a pair sorted by another column reads exactly
-- its rows through this index and sorts only them.
CREATE INDEX idx_workflowinstances_definitionid_status
    ON WorkflowInstances(DefinitionId, Status, CreatedAt, Id);
