-- Every change of an agreement kept as the agreement then stood (API.md version 2: PATCH and
-- GET /agreements/{id}/history), and what the working lists filter on: the name's folded words
-- and the contact person.

create table agreement_change (
    seq            bigint generated always as identity primary key,
    agreement_id   uuid        not null references agreement (id),
    version        bigint      not null,
    action         text        not null,
    changed_by     text        not null,
    changed_at     timestamptz not null,
    name           text        not null,
    employees      int         not null,
    contact_person varchar(7),
    status         text        not null,
    ended_on       date
);
create index agreement_change_by_agreement on agreement_change (agreement_id, seq);

-- Agreements from before this version start their history with how they stood then.
insert into agreement_change (agreement_id, version, action, changed_by, changed_at, name, employees,
                              contact_person, status, ended_on)
select id, version, 'AS_OF_HISTORY_START', created_by, now(), name, employees, contact_person, status, ended_on
  from agreement;

-- The folded words (SearchWords in Java from now on); existing names are folded here the same way
-- for Norwegian letters.
alter table agreement add column search_words text;
update agreement
   set search_words = trim(regexp_replace(
         replace(replace(replace(replace(replace(replace(lower(name), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa'),
                 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'),
         '[^a-z0-9]+', ' ', 'g'));
alter table agreement alter column search_words set not null;

create index agreement_by_contact_person on agreement (county_code, contact_person) where status = 'ACTIVE';
