-- A batch of the register import asks whether an earlier batch of the same file held its org
-- numbers (an entity given twice): without an index each batch read the whole table so far.
create index enterprise_import_seen_by_org on enterprise_import_seen (import_id, org_number);
