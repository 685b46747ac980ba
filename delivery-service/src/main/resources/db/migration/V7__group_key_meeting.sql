-- A group's key binds the meeting (service, direction, sub-goals, day, form, note, adviser), not its
-- list of enterprises, so a list put right goes with the same key (IdempotencyKeys.groupOf). The
-- meeting's fingerprint has its own column; request_hash keeps the whole body's, as before, so an
-- instance of the version before, during a deploy, still finds the same group for the same body.
-- Null: a key stored before (or by such an instance), which names its group for the same body only.
alter table delivery_group_key add column meeting_hash text;
