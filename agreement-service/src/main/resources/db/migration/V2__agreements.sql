-- Cooperation agreements (samarbeidsavtaler) and the audit trail of every change.
create table agreement (
    id                 uuid primary key,
    org_number         varchar(9)  not null,
    name               text        not null,
    county_code        varchar(2)  not null references county (code),
    employees          int         not null check (employees >= 0),
    signed_on          date        not null,
    group_org_number   varchar(9),
    group_agreement_id uuid references agreement (id),
    contact_person     varchar(7),
    status             text        not null,
    ended_on           date,
    end_reason         text,
    created_at         timestamptz not null,
    created_by         text        not null,
    version            bigint      not null
);
-- One active agreement per enterprise, also under concurrent registrations.
create unique index agreement_one_active_per_org on agreement (org_number) where status = 'ACTIVE';
create index agreement_by_county on agreement (county_code, status, org_number);
create index agreement_by_group on agreement (group_agreement_id) where group_agreement_id is not null;

create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    org_number  varchar(9),
    call_id     text,
    detail      text
);
create index audit_event_by_entity on audit_event (entity_type, entity_id);
