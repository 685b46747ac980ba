-- A due agreement ended with a day before its campaign started is not due after all
-- (ResigningCaseRemoved): one row each, taken from the campaign's due (and from its re-signed, had
-- it re-signed). Keyed by the org number like the agreement's status events, it comes after them.
create table campaign_due_removed (
    campaign_id  uuid       not null,
    agreement_id uuid       not null,
    county_code  varchar(2) not null,
    primary key (campaign_id, agreement_id)
);

-- Any that reached this service before it knew the type: the projection logs every event it reads,
-- counted or not, so they are in its log.
insert into campaign_due_removed (campaign_id, agreement_id, county_code)
select (e.envelope::jsonb -> 'payload' ->> 'campaignId')::uuid,
       (e.envelope::jsonb -> 'payload' ->> 'agreementId')::uuid,
       e.envelope::jsonb -> 'payload' ->> 'countyCode'
  from event_log e
 where e.event_type = 'ResigningCaseRemoved'
on conflict do nothing;
