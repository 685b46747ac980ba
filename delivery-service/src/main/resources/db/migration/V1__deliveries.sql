-- Read model of the agreements, built from ia.agreement-events-v1 (AgreementEventsHandler).
create table agreement_view (
    agreement_id uuid primary key,
    org_number   varchar(9)  not null,
    county_code  varchar(2)  not null,
    signed_on    date        not null,
    ended_on     date,
    updated_at   timestamptz not null
);
create index agreement_view_by_org on agreement_view (org_number);

-- Service deliveries (leveranser). A void keeps the row: status VOIDED, out of the figures.
create table delivery (
    id               uuid primary key,
    org_number       varchar(9)  not null,
    county_code      varchar(2)  not null,
    service          text        not null,
    direction        text        not null,
    sub_goals        int[]       not null,
    delivered_on     date        not null,
    form             text,
    note             text,
    adviser          text        not null,
    registered_at    timestamptz not null,
    registration_lag_days int    not null,
    status           text        not null,
    version          bigint      not null
);
create index delivery_by_county on delivery (county_code, delivered_on, id);
create index delivery_by_org on delivery (org_number, delivered_on, id);
create index delivery_by_adviser on delivery (adviser, delivered_on, id);

-- Every version of every delivery, with who and when: the history corrections and voids keep.
create table delivery_version (
    delivery_id uuid        not null references delivery (id),
    version     bigint      not null,
    change      text        not null,
    snapshot    text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    call_id     text,
    primary key (delivery_id, version)
);

-- Idempotency keys per caller: the first response is kept and returned for a retry.
create table idempotency_key (
    actor        text        not null,
    key          text        not null,
    request_hash text        not null,
    delivery_id  uuid        not null,
    created_at   timestamptz not null,
    primary key (actor, key)
);
create index idempotency_key_by_age on idempotency_key (created_at);
