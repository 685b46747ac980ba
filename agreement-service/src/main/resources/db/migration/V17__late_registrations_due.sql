-- From this version an agreement registered while a campaign is OPEN, signed before the day the
-- campaign started, is due in it (CampaignService.dueOnRegistration). Those registered so while the
-- campaign now open was already running are made due here the same way: a PENDING case (from
-- today, Norwegian time) and a ResigningCaseAdded event in the outbox, which the relay publishes as
-- any other. An enterprise already due in the campaign is not due twice. A unit whose group has
-- re-signed stays PENDING here; the closing counts its group's signing for it, as for any unit
-- still waiting.
with late as (
    select gen_random_uuid() as event_id, c.id as campaign_id, a.id as agreement_id, a.org_number,
           a.county_code, a.employees, a.signed_on, a.group_org_number
      from resigning_campaign c
      join agreement a
        on a.status = 'ACTIVE'
       and a.signed_on < c.started_on
       and a.created_at > c.started_at
     where c.status = 'OPEN'
       and not exists (select 1 from resigning_case rc
                        where rc.campaign_id = c.id and rc.org_number = a.org_number)
), cases as (
    insert into resigning_case (campaign_id, agreement_id, org_number, county_code, employees,
                                group_org_number, status, status_on, version)
    select campaign_id, agreement_id, org_number, county_code, employees, group_org_number,
           'PENDING', (now() at time zone 'Europe/Oslo')::date, 0
      from late
    returning agreement_id
)
insert into outbox_event (event_id, topic, event_key, event_type, envelope, call_id, created_at)
select l.event_id, 'ia.agreement-events-v1', l.org_number, 'ResigningCaseAdded',
       json_build_object(
           'eventId', l.event_id,
           'type', 'ResigningCaseAdded',
           'occurredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'callId', 'migration-V17',
           'payload', json_build_object(
               'campaignId', l.campaign_id,
               'agreementId', l.agreement_id,
               'orgNumber', l.org_number,
               'countyCode', l.county_code,
               'employees', l.employees,
               'signedOn', l.signed_on))::text,
       'migration-V17', now()
  from late l
  join cases c on c.agreement_id = l.agreement_id;
