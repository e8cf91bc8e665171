-- The eight tables of the seed design, with its column names and index names.
-- Every event table also records the ordering key of the event that wrote each row
-- (EventVersion, EventTime) and when the worker wrote it (IngestedAt).
-- Event tables carry no foreign keys between each other: events of different
-- families may arrive in any order.

CREATE TABLE WorkflowDefinitions (
    Id varchar(255) PRIMARY KEY,
    DefinitionId varchar(255) NOT NULL,
    Name varchar(255),
    DisplayName varchar(255),
    Description text,
    Version int NOT NULL,
    IsLatest boolean,
    IsPublished boolean,
    Data jsonb,
    CreatedAt timestamptz,
    UpdatedAt timestamptz,
    CategoryId uuid,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE WorkflowInstances (
    Id varchar(255) PRIMARY KEY,
    DefinitionId varchar(255) NOT NULL,
    DefinitionVersionId varchar(255),
    Version int,
    Status varchar(50) NOT NULL,
    SubStatus varchar(50),
    CorrelationId varchar(255),
    Name varchar(255),
    Data jsonb,
    CreatedAt timestamptz,
    UpdatedAt timestamptz,
    FinishedAt timestamptz,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ActivityExecutionRecords (
    Id varchar(255) PRIMARY KEY,
    WorkflowInstanceId varchar(255) NOT NULL,
    ActivityId varchar(255) NOT NULL,
    ActivityNodeId varchar(255),
    ActivityName varchar(255),
    ActivityType varchar(255),
    Status varchar(50) NOT NULL,
    Data jsonb,
    Exception text,
    StartedAt timestamptz,
    CompletedAt timestamptz,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE Bookmarks (
    Id varchar(255) PRIMARY KEY,
    WorkflowInstanceId varchar(255) NOT NULL,
    ActivityId varchar(255),
    ActivityNodeId varchar(255),
    Name varchar(255),
    Hash varchar(255) NOT NULL,
    Data jsonb,
    CreatedAt timestamptz,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE Triggers (
    Id varchar(255) PRIMARY KEY,
    WorkflowDefinitionId varchar(255) NOT NULL,
    WorkflowDefinitionVersionId varchar(255),
    ActivityId varchar(255),
    Name varchar(255),
    Hash varchar(255),
    Data jsonb,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE WorkflowCategories (
    Id uuid PRIMARY KEY,
    Name varchar(100) NOT NULL,
    Description text,
    Color varchar(7),
    CreatedAt timestamptz,
    UpdatedAt timestamptz,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now()
);

-- Written only as part of a definition: the Id is a name-based UUID of the
-- definition row's Id and the tag, so a replay rebuilds the same rows.
CREATE TABLE WorkflowTags (
    Id uuid PRIMARY KEY,
    WorkflowDefinitionId varchar(255) NOT NULL,
    Tag varchar(50) NOT NULL,
    CreatedAt timestamptz
);

CREATE TABLE CustomActivityDefinitions (
    Id uuid PRIMARY KEY,
    Name varchar(100) NOT NULL,
    DisplayName varchar(100),
    Description text,
    Category varchar(50),
    InputProperties jsonb,
    OutputProperties jsonb,
    AssemblyName varchar(255),
    TypeName varchar(255),
    Version varchar(20),
    IsEnabled boolean,
    CreatedAt timestamptz,
    UpdatedAt timestamptz,
    EventVersion bigint,
    EventTime timestamptz,
    IngestedAt timestamptz NOT NULL DEFAULT now()
);

-- The seed's indexes, under the seed's names.
CREATE INDEX idx_workflowdefinitions_definitionid ON WorkflowDefinitions(DefinitionId);
CREATE INDEX idx_workflowdefinitions_islatest ON WorkflowDefinitions(IsLatest);
CREATE INDEX idx_workflowdefinitions_ispublished ON WorkflowDefinitions(IsPublished);

CREATE INDEX idx_workflowinstances_definitionid ON WorkflowInstances(DefinitionId);
CREATE INDEX idx_workflowinstances_status ON WorkflowInstances(Status);
CREATE INDEX idx_workflowinstances_correlationid ON WorkflowInstances(CorrelationId);
CREATE INDEX idx_workflowinstances_createdat ON WorkflowInstances(CreatedAt);

CREATE INDEX idx_activityexecutionrecords_workflowinstanceid ON ActivityExecutionRecords(WorkflowInstanceId);
CREATE INDEX idx_activityexecutionrecords_startedat ON ActivityExecutionRecords(StartedAt);
CREATE INDEX idx_activityexecutionrecords_status ON ActivityExecutionRecords(Status);

CREATE INDEX idx_bookmarks_workflowinstanceid ON Bookmarks(WorkflowInstanceId);
CREATE INDEX idx_bookmarks_hash ON Bookmarks(Hash);

CREATE INDEX idx_triggers_workflowdefinitionid ON Triggers(WorkflowDefinitionId);
CREATE INDEX idx_triggers_hash ON Triggers(Hash);

CREATE INDEX idx_workflowtags_workflowdefinitionid ON WorkflowTags(WorkflowDefinitionId);
CREATE INDEX idx_workflowtags_tag ON WorkflowTags(Tag);
CREATE INDEX idx_customactivitydefinitions_name ON CustomActivityDefinitions(Name);
CREATE INDEX idx_customactivitydefinitions_category ON CustomActivityDefinitions(Category);
