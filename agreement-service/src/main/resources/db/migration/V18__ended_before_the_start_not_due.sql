-- From this version a campaign's due agreements are those active when it started and signed before
-- its day: a start leaves out one signed on its day, and an agreement due in an OPEN campaign that
-- is ended with a day before the campaign started is no longer due in it
-- (CampaignService.notDueOnTermination). The campaign now open is made right once, the same way:
-- the cases of agreements ended so while it ran, and of those the old start made due though
-- signed on its day, go with their status changes; a ResigningCaseRemoved event in the outbox
-- (endedOn null for one signed on the day), which the relay publishes as any other, tells the
-- scorecard one less is due; an audit row says so.
with gone as (
    select gen_random_uuid() as event_id, rc.campaign_id, rc.agreement_id, rc.org_number,
           rc.county_code, rc.employees, rc.status,
           case when a.signed_on < c.started_on then a.ended_on end as ended_on
      from resigning_campaign c
      join resigning_case rc on rc.campaign_id = c.id
      join agreement a on a.id = rc.agreement_id
     where c.status = 'OPEN'
       and ((a.status = 'ENDED' and a.ended_on < c.started_on) or a.signed_on >= c.started_on)
), changes as (
    delete from resigning_status_change s
     using gone g
     where s.campaign_id = g.campaign_id and s.agreement_id = g.agreement_id
), cases as (
    delete from resigning_case rc
     using gone g
     where rc.campaign_id = g.campaign_id and rc.agreement_id = g.agreement_id
    returning rc.agreement_id
), audited as (
    insert into audit_event (at, actor, action, entity_type, entity_id, org_number, call_id, detail)
    select now(), 'migration-V18', 'RESIGNING_NOT_DUE', 'resigning_case', g.agreement_id::text,
           g.org_number, 'migration-V18',
           'campaign=' || g.campaign_id || ' status=' || g.status || ' endedOn=' || coalesce(g.ended_on::text, 'null')
      from gone g
      join cases c on c.agreement_id = g.agreement_id
)
insert into outbox_event (event_id, topic, event_key, event_type, envelope, call_id, created_at)
select g.event_id, 'ia.agreement-events-v1', g.org_number, 'ResigningCaseRemoved',
       json_build_object(
           'eventId', g.event_id,
           'type', 'ResigningCaseRemoved',
           'occurredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'callId', 'migration-V18',
           'payload', json_build_object(
               'campaignId', g.campaign_id,
               'agreementId', g.agreement_id,
               'orgNumber', g.org_number,
               'countyCode', g.county_code,
               'employees', g.employees,
               'status', g.status,
               'endedOn', g.ended_on))::text,
       'migration-V18', now()
  from gone g
  join cases c on c.agreement_id = g.agreement_id;
