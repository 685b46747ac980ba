-- What this service knows of the deliveries, from ia.delivery-events-v1: each delivery's newest
-- version (its enterprise, day, service, and whether it still counts), for the working list of
-- sleeping agreements (no live delivery since a date) and an enterprise's latest delivery.
create table delivery_seen (
    delivery_id  uuid primary key,
    version      bigint     not null,
    org_number   varchar(9) not null,
    delivered_on date       not null,
    service      text       not null,
    live         boolean    not null
);
create index delivery_seen_latest on delivery_seen (org_number, delivered_on desc) where live;
