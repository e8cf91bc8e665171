-- Storage and autovacuum settings of the tables whose rows change or go fastest
-- (docs/operations/tuning.md). The server-wide defaults vacuum a table once a fifth of it
-- is dead, which on a large table lets dead rows and index bloat pile up for hours, and on
-- a small hot table means a vacuum every few seconds is never enough: these tables are
-- vacuumed and analyzed after a fixed number of changed rows instead.

-- Activity records are inserted when an activity starts and updated when it ends: room
-- on each page lets an update that changes no indexed column stay on its page (a HOT
-- update, no new index entries). Vacuum after 2% dead rows, analyze after 2% changed.
ALTER TABLE ActivityExecutionRecords SET (
    fillfactor = 90,
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_vacuum_insert_scale_factor = 0.05,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_analyze_threshold = 1000
);

-- Bookmarks are created when an activity waits and deleted when it resumes: most rows a
-- bookmark page ever held are dead soon after.
ALTER TABLE Bookmarks SET (
    fillfactor = 90,
    autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.02,
    autovacuum_analyze_threshold = 1000
);

-- Tombstones are written by deletes, removed by revivals and by the sweep: a small table
-- read by key on every revival check, kept small by vacuuming after a fixed count.
ALTER TABLE Tombstones SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 5000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 5000
);

-- InstanceCountDeltas is appended to by every statement on WorkflowInstances and
-- compacted every few seconds (V12): a few hundred live rows, thousands dead a minute.
-- A fixed threshold keeps it a few pages long whatever its size was at the last vacuum.
ALTER TABLE InstanceCountDeltas SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 2000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 2000
);
