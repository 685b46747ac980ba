-- A re-signing case whose note was erased keeps a digest of that note (SHA-256 over the case's ids
-- and the text; not the text), so that the same status change sent again with it (a client's late
-- retry, a form left open) is known as a retry and changes nothing, instead of writing the note
-- back as a change of its own. Cleared when the case moves on.
alter table resigning_case add column erased_note_digest text;
