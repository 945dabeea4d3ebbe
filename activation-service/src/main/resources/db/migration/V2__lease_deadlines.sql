-- Axon's deadlines (lease ends of the LicenseSeats aggregate) on db-scheduler: its PostgreSQL
-- table as db-scheduler 16 documents it (db-scheduler/src/test/resources/postgresql_tables.sql).
-- Instances share it and claim due rows with row locks, so each deadline fires on one of them.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

-- The due poll (execution_time <= now, not picked) and the dead-execution check (stale heartbeats).
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
