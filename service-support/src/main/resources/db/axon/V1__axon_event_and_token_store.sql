-- Axon's event store, snapshots and tracking tokens, as Axon's JDBC engine reads and writes them
-- (JdbcEventStorageEngine with the default EventSchema, JdbcTokenStore with the default
-- TokenSchema; PostgresEventTableFactory and PostgresTokenTableFactory create the same tables).
-- Axon's SQL names the tables and columns unquoted, so PostgreSQL folds them to lower case here
-- too. Payloads, metadata and tokens are bytea: the Jackson serializer writes bytes.

CREATE TABLE domainevententry (
    -- The global index: the order tracking processors read in, with gap-aware tokens for the
    -- numbers a slower or rolled-back transaction holds.
    globalindex         BIGSERIAL    NOT NULL,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    -- Tracking polls, gap checks and head/tail tokens.
    CONSTRAINT domainevententry_pk PRIMARY KEY (globalindex),
    -- Aggregate loads and the last sequence number; and the rule that two concurrent commands on
    -- one aggregate cannot both append the same sequence number (the loser gets a
    -- ConcurrencyException and retries).
    CONSTRAINT domainevententry_aggregate_sequence UNIQUE (aggregateidentifier, sequencenumber),
    CONSTRAINT domainevententry_event_id UNIQUE (eventidentifier)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    -- The snapshot lookup: an aggregate's snapshots, newest first.
    CONSTRAINT snapshotevententry_pk PRIMARY KEY (aggregateidentifier, sequencenumber),
    CONSTRAINT snapshotevententry_event_id UNIQUE (eventidentifier)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT tokenentry_pk PRIMARY KEY (processorname, segment)
);
