-- "Agreements with a contact person" is counted, like the active ones, as at the period's end: an
-- agreement counts if it had a contact person on that day. agreement-service never removes one (an
-- assignment only names another), so the day the agreement first got one is all a card needs: the
-- day of its first ContactPersonAssigned (when it was made, in Norwegian time), or its signing day
-- if it was registered with one. Rows already there get that day from the projection's own event
-- log, which holds every event applied since V1, as a rebuild would derive it.
alter table agreement_fact add column contact_person_since date;

update agreement_fact a
   set contact_person_since = d.since
  from (select agreement_id, min(since_day) since
          from (select (p->>'agreementId')::uuid agreement_id, (p->>'signedOn')::date as since_day
                  from (select envelope::jsonb->'payload' p
                          from event_log where event_type = 'AgreementRegistered') r
                 where p->>'contactPerson' is not null
                union all
                select (envelope::jsonb->'payload'->>'agreementId')::uuid,
                       (occurred_at at time zone 'Europe/Oslo')::date
                  from event_log where event_type = 'ContactPersonAssigned') days
         group by agreement_id) d
 where a.agreement_id = d.agreement_id and a.contact_person is not null;

-- A contact person the log cannot date (none is expected) counts from the signing, as before.
update agreement_fact set contact_person_since = signed_on
 where contact_person is not null and contact_person_since is null;
