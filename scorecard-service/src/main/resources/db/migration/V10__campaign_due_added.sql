-- An agreement registered while a campaign is open, signed before it started, is due too
-- (ResigningCaseAdded): one row each, counted with the campaign's dueByCounty. No reference to
-- campaign: the event is keyed by the org number and may come before CampaignStarted, keyed by the
-- campaign; it counts once the campaign is known.
create table campaign_due_added (
    campaign_id  uuid       not null,
    agreement_id uuid       not null,
    county_code  varchar(2) not null,
    primary key (campaign_id, agreement_id)
);

-- Any that reached this service before it knew the type: the projection logs every event it reads,
-- counted or not, so they are in its log.
insert into campaign_due_added (campaign_id, agreement_id, county_code)
select (e.envelope::jsonb -> 'payload' ->> 'campaignId')::uuid,
       (e.envelope::jsonb -> 'payload' ->> 'agreementId')::uuid,
       e.envelope::jsonb -> 'payload' ->> 'countyCode'
  from event_log e
 where e.event_type = 'ResigningCaseAdded'
on conflict do nothing;
