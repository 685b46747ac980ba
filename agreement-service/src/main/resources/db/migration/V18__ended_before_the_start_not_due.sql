-- From this version an agreement due in an OPEN campaign that is ended with a day before the
-- campaign started (a termination dated back) is no longer due in it
-- (CampaignService.notDueOnTermination): it was not active when the campaign started. Those so
-- ended while the campaign now open was running are removed here the same way: the case and its
-- status changes go, and a ResigningCaseRemoved event in the outbox, which the relay publishes as
-- any other, tells the scorecard one less is due.
with gone as (
    select gen_random_uuid() as event_id, rc.campaign_id, rc.agreement_id, rc.org_number,
           rc.county_code, rc.employees, rc.status, a.ended_on
      from resigning_campaign c
      join resigning_case rc on rc.campaign_id = c.id
      join agreement a on a.id = rc.agreement_id
     where c.status = 'OPEN'
       and a.status = 'ENDED'
       and a.ended_on < c.started_on
), changes as (
    delete from resigning_status_change s
     using gone g
     where s.campaign_id = g.campaign_id and s.agreement_id = g.agreement_id
), cases as (
    delete from resigning_case rc
     using gone g
     where rc.campaign_id = g.campaign_id and rc.agreement_id = g.agreement_id
    returning rc.agreement_id
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
