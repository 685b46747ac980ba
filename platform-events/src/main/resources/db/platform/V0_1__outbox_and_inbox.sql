-- Platform tables every event-producing or event-consuming service has (platform-events).

-- Transactional outbox: written in the transaction of the change, published by OutboxRelay.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    envelope     text        not null,
    call_id      text,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;

-- Processed-event log: the consumer applies an event only if its id is new here.
create table processed_event (
    event_id        uuid primary key,
    event_type      text        not null,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    processed_at    timestamptz not null
);

-- Events that could not be applied, with the reason; the consumer goes on with the rest.
create table dead_letter_event (
    id              bigint generated always as identity primary key,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    event_key       text,
    value           text,
    reason          text        not null,
    parked_at       timestamptz not null
);
