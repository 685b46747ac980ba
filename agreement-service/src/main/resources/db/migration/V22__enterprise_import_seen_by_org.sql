-- A batch of the register import asks whether an earlier batch of the same file held its org
-- numbers as accepted entities (an entity given twice: the earlier entry is then counted rejected);
-- an org number seen only in a rejected entity does not count (that entry has its own reason).
-- Without an index each batch read the whole table so far.
alter table enterprise_import_seen add column accepted boolean not null default true;
create index enterprise_import_seen_by_org on enterprise_import_seen (import_id, org_number)
    where accepted;
