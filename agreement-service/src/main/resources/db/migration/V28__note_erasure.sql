-- A re-signing case's note can be erased (a person's name, phone or health written by mistake):
-- the status changes whose note was erased keep who erased it and when, the text itself is gone.
alter table resigning_status_change
    add column note_erased_by text,
    add column note_erased_at timestamptz;
