-- Instances removed by retention (docs/operations/retention.md): a finished instance past
-- its time-to-live is deleted with its activity records and bookmarks, and its id is kept
-- here so that a late or replayed event of it, or of one of its children, cannot write it
-- again. Unlike a tombstone it holds no ordering key: retention is final, whatever the
-- version of the event that arrives later. One narrow row per removed instance, kept for
-- as long as the topics can still replay its events (worker.retention.removal-records-kept-for).
CREATE TABLE RemovedInstances (
    Id varchar(255) PRIMARY KEY,
    FinishedAt timestamptz NOT NULL,
    RemovedAt timestamptz NOT NULL DEFAULT now()
);

-- Removal records are purged by age, oldest first.
CREATE INDEX idx_removedinstances_removedat ON RemovedInstances(RemovedAt);
