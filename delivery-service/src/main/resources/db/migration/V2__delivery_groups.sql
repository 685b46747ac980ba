-- A course or information meeting for several enterprises (API.md version 2,
-- POST /deliveries/group) is one delivery per enterprise sharing a group id.
alter table delivery add column group_id uuid;
create index delivery_by_group on delivery (group_id) where group_id is not null;

-- A group's Idempotency-Key per caller: its group id, so a group sent again (all of it, or after a
-- cut-off) records each enterprise once and answers with the same group.
create table delivery_group_key (
    actor        text        not null,
    key          text        not null,
    request_hash text        not null,
    group_id     uuid        not null,
    created_at   timestamptz not null,
    primary key (actor, key)
);
create index delivery_group_key_by_age on delivery_group_key (created_at);
