-- Shipped by service-kit (io.strato.kit.events). Services add db/kit to quarkus.flyway.locations;
-- their own migrations start at V1.

-- Transactional outbox: a service inserts here in the same transaction as its state change;
-- the relay publishes unpublished rows to Kafka in seq order per (topic, partition_key).
create table strato_outbox (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    topic           varchar(249) not null,
    partition_key   text not null,
    type            text not null,
    source          text not null,
    subject         text not null,
    payload         jsonb not null,
    created_at      timestamptz not null default clock_timestamp(),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    last_error      text,
    published_at    timestamptz
);
create index strato_outbox_pending on strato_outbox (seq) where published_at is null;
create index strato_outbox_pending_key on strato_outbox (topic, partition_key, seq) where published_at is null;
create index strato_outbox_published on strato_outbox (published_at) where published_at is not null;

-- Idempotent consumption: one row per (event id, consumer group) already handled.
create table strato_processed_event (
    id           uuid not null,
    consumer     varchar(255) not null,
    processed_at timestamptz not null default now(),
    primary key (id, consumer)
);
create index strato_processed_event_age on strato_processed_event (processed_at);
