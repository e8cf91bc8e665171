-- Which committed change each table of the catalog reflects, so that the read API can
-- answer a conditional GET (If-None-Match) of definitions, categories and custom
-- activities with 304 after one tiny query instead of reading the rows again. Every
-- worker of the group writes these tables, so only the database can know that nothing
-- changed since a response was made.
--
-- A table's version is the id of the last transaction that changed it. No other
-- transaction can leave the table in another state with the same version, so the version
-- never comes back to an earlier value, not even in a schema a rebuild made beside the
-- live one and swapped in (its transactions came later).
CREATE TABLE TableVersions (
    TableName varchar(63) PRIMARY KEY,
    Version bigint NOT NULL
);

INSERT INTO TableVersions (TableName, Version)
SELECT name, pg_current_xact_id()::text::bigint
FROM unnest(ARRAY['workflowdefinitions', 'workflowtags', 'workflowcategories', 'customactivitydefinitions']) name;

-- Statement-level: one update per statement, and none for a statement that changed no
-- row (an upsert whose events were all stale), so that a batch of instances or a stale
-- replay never waits on the version row. The row stays locked until the writer commits:
-- writers of the same catalog table take turns, which these rarely changing tables
-- afford. The functions name the table unqualified, like the worker's statements, so
-- that a schema rebuilt beside the live one keeps its own versions.
CREATE FUNCTION note_table_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM changed) THEN
        UPDATE TableVersions SET Version = pg_current_xact_id()::text::bigint
        WHERE TableName = TG_TABLE_NAME AND Version <> pg_current_xact_id()::text::bigint;
    END IF;
    RETURN NULL;
END
$$;

-- TRUNCATE (a rebuild in place empties the tables with it) has no transition table.
CREATE FUNCTION note_table_truncate() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE TableVersions SET Version = pg_current_xact_id()::text::bigint
    WHERE TableName = TG_TABLE_NAME;
    RETURN NULL;
END
$$;

CREATE TRIGGER note_inserted AFTER INSERT ON WorkflowDefinitions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_updated AFTER UPDATE ON WorkflowDefinitions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_deleted AFTER DELETE ON WorkflowDefinitions
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_truncated AFTER TRUNCATE ON WorkflowDefinitions
    FOR EACH STATEMENT EXECUTE FUNCTION note_table_truncate();

CREATE TRIGGER note_inserted AFTER INSERT ON WorkflowTags
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_updated AFTER UPDATE ON WorkflowTags
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_deleted AFTER DELETE ON WorkflowTags
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_truncated AFTER TRUNCATE ON WorkflowTags
    FOR EACH STATEMENT EXECUTE FUNCTION note_table_truncate();

CREATE TRIGGER note_inserted AFTER INSERT ON WorkflowCategories
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_updated AFTER UPDATE ON WorkflowCategories
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_deleted AFTER DELETE ON WorkflowCategories
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_truncated AFTER TRUNCATE ON WorkflowCategories
    FOR EACH STATEMENT EXECUTE FUNCTION note_table_truncate();

CREATE TRIGGER note_inserted AFTER INSERT ON CustomActivityDefinitions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_updated AFTER UPDATE ON CustomActivityDefinitions
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_deleted AFTER DELETE ON CustomActivityDefinitions
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION note_table_change();
CREATE TRIGGER note_truncated AFTER TRUNCATE ON CustomActivityDefinitions
    FOR EACH STATEMENT EXECUTE FUNCTION note_table_truncate();
