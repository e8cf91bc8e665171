-- The seed's indexes that the read API's keyset order extends (V10) are widened in place:
-- each keeps its seed name and leads with the seed's column, so every query the seed's
-- index served it still serves, and each table carries one index per access path
-- instead of two (every index costs each write).
DROP INDEX idx_workflowinstances_createdat;
ALTER INDEX idx_workflowinstances_createdat_id RENAME TO idx_workflowinstances_createdat;

DROP INDEX idx_workflowinstances_status;
ALTER INDEX idx_workflowinstances_status_createdat_id RENAME TO idx_workflowinstances_status;

DROP INDEX idx_workflowinstances_definitionid;
ALTER INDEX idx_workflowinstances_definitionid_createdat_id RENAME TO idx_workflowinstances_definitionid;

DROP INDEX idx_bookmarks_hash;
ALTER INDEX idx_bookmarks_hash_id RENAME TO idx_bookmarks_hash;
