-- Projections of the agreement and delivery events. Cards read only the *_month aggregates and
-- the agreement facts, never raw deliveries, so their cost does not grow with history.

-- The current state of each delivery, to turn a correction or void into exact deltas.
create table delivery_fact (
    delivery_id  uuid primary key,
    version      bigint      not null,
    live         boolean     not null,
    county_code  varchar(2)  not null,
    org_number   varchar(9)  not null,
    service      text        not null,
    direction    text        not null,
    sub_goals    int[]       not null,
    delivered_on date        not null,
    lag_days     int         not null
);

create table delivery_month (
    county_code varchar(2) not null,
    month       date       not null,
    service     text       not null,
    direction   text       not null,
    deliveries  bigint     not null,
    primary key (county_code, month, service, direction)
);

create table subgoal_month (
    county_code varchar(2) not null,
    month       date       not null,
    sub_goal    int        not null,
    deliveries  bigint     not null,
    primary key (county_code, month, sub_goal)
);

create table lag_month (
    county_code varchar(2) not null,
    month       date       not null,
    lag_days    int        not null,
    deliveries  bigint     not null,
    primary key (county_code, month, lag_days)
);

-- Which enterprises got deliveries in a month (for "agreements with at least one delivery").
create table enterprise_month (
    county_code varchar(2) not null,
    month       date       not null,
    org_number  varchar(9) not null,
    deliveries  bigint     not null,
    primary key (county_code, month, org_number)
);

create table agreement_fact (
    agreement_id   uuid primary key,
    org_number     varchar(9) not null,
    county_code    varchar(2) not null,
    employees      int        not null,
    signed_on      date       not null,
    ended_on       date,
    contact_person text
);
create index agreement_fact_by_county on agreement_fact (county_code);

create table campaign (
    campaign_id uuid primary key,
    name        text        not null,
    deadline    date        not null,
    started_on  date        not null,
    started_at  timestamptz not null
);
create table campaign_due (
    campaign_id uuid       not null references campaign (campaign_id),
    county_code varchar(2) not null,
    due         int        not null,
    primary key (campaign_id, county_code)
);
create table resigning_fact (
    campaign_id  uuid       not null,
    agreement_id uuid       not null,
    county_code  varchar(2) not null,
    status       text       not null,
    changed_on   date       not null,
    primary key (campaign_id, agreement_id)
);

-- Every applied event, in the order applied: the projection's own log, replayed by a rebuild.
create table event_log (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_type  text        not null,
    occurred_at timestamptz not null,
    envelope    text        not null
);

create table projection_state (
    id    int primary key check (id = 1),
    as_of timestamptz
);
insert into projection_state (id, as_of) values (1, null);
