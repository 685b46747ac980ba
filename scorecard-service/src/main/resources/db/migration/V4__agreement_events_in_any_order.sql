-- An agreement's later events (termination, contact person) may arrive before its registration
-- (a replayed dead letter, a topic read from another point): they now leave a row that the
-- registration completes, instead of updating nothing. A row without signed_on is not counted.
alter table agreement_fact alter column signed_on drop not null;
alter table agreement_fact alter column employees set default 0;
