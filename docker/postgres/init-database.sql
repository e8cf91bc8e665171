-- Run once as a superuser, connected to the database, before the first migration: compose's
-- PostgreSQL container runs it when it initializes its data directory, and db/README.md
-- ("Database users") quotes it for every other server. The migrations run as workflow_owner,
-- the workers as workflow_worker, reports and the read API as workflow_reader.
CREATE USER workflow_owner WITH PASSWORD 'change-me-owner';
CREATE USER workflow_worker WITH PASSWORD 'change-me-worker';
CREATE USER workflow_reader WITH PASSWORD 'change-me-reader';

REVOKE ALL ON DATABASE workflow_persistence FROM PUBLIC;
GRANT CONNECT ON DATABASE workflow_persistence TO workflow_owner, workflow_worker, workflow_reader;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO workflow_owner;
GRANT USAGE ON SCHEMA public TO workflow_worker, workflow_reader;

ALTER DEFAULT PRIVILEGES FOR ROLE workflow_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO workflow_worker;
ALTER DEFAULT PRIVILEGES FOR ROLE workflow_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO workflow_worker;
ALTER DEFAULT PRIVILEGES FOR ROLE workflow_owner IN SCHEMA public
    GRANT SELECT ON TABLES TO workflow_reader;

-- Extensions need a superuser (or CREATE on the database, which the owner has not): the
-- name search's trigram indexes (migration V10), and the statistics of every statement,
-- which count only where shared_preload_libraries loads them (docs/operations/tuning.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
