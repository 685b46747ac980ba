-- A termination reaches this service's read model a moment after agreement-service made it; a
-- delivery recorded in that moment on a day after the agreement's end was taken, though the rules
-- refuse it. When the termination was made (its event's occurredAt) and whether the deliveries
-- recorded since have been looked at (EndedAgreements) are kept with the agreement. Terminations
-- applied before this migration are taken as looked at.
alter table agreement_view
    add column ended_at timestamptz,
    add column end_settled_at timestamptz;

create index agreement_view_end_unsettled on agreement_view (updated_at)
    where ended_at is not null and end_settled_at is null;
