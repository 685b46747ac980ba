-- pgbench script: the statements delivery-service runs for one POST /api/v1/deliveries with an
-- Idempotency-Key (DeliveryService.record, DeliveryInserts, Outbox.publishWith), against a copy of
-- its schema on the same server, in as many round trips as the service makes: three.
-- The outbox relay's later batch update is left out (one statement per up to 500 deliveries).
-- Ids: the service makes them in Java; here from two random numbers (no extra round trip).
\set n random(1, 4000000000000000000)
\set e random(1, 4000000000000000000)
-- 1. The transaction begins with the key's claim and the enterprise's agreements from the read model
begin \;
with claim as (
  insert into idempotency_key (actor, key, request_hash, delivery_id, created_at)
  select 'Z990001', 'pgbench-:client_id-:n', '5d41402abc4b2a76b9719d911017c592', lpad(to_hex(:n::bigint), 32, '0')::uuid, now()
   where true
  on conflict do nothing returning 1)
select (select count(*) from claim), a.county_code, a.signed_on, a.ended_on
  from (select 1) one left join agreement_view a on a.org_number = ':org';
-- 2. The delivery, its first version and the outbox row in one statement
insert into delivery (id, org_number, county_code, service, direction, sub_goals, delivered_on, form, note, adviser,
  group_id, registered_at, registration_lag_days, status, version)
  values (lpad(to_hex(:n::bigint), 32, '0')::uuid, ':org', '03', 'SICK_LEAVE', 'SYSTEM', '{1}', '2025-06-10', 'DIRECT', null, 'Z990001', null, now(), 1, 'LIVE', 1) \;
insert into delivery_version (delivery_id, version, change, snapshot, changed_by, changed_at, call_id)
  values (lpad(to_hex(:n::bigint), 32, '0')::uuid, 1, 'RECORDED', '{"orgNumber":":org","countyCode":"03","service":"SICK_LEAVE","direction":"SYSTEM","subGoals":[1],"deliveredOn":"2025-06-10","form":"DIRECT","note":null,"status":"RECORDED","adviser":"Z990001"}', 'Z990001', now(), 'pgbench-call-id-0000000000000000') \;
insert into outbox_event (event_id, topic, event_key, event_type, envelope, call_id, created_at)
  values (lpad(to_hex(:e::bigint), 32, '0')::uuid, 'ia.delivery-events-v1', ':org', 'DeliveryRecorded', '{"eventId":"' || lpad(to_hex(:e::bigint), 32, '0')::uuid || '","type":"DeliveryRecorded","occurredAt":"2025-06-11T09:00:00Z","callId":"pgbench-call-id-0000000000000000","payload":{"deliveryId":"' || lpad(to_hex(:n::bigint), 32, '0')::uuid || '","version":1,"registeredAt":"2025-06-11T09:00:00Z","delivery":{"orgNumber":":org","countyCode":"03","service":"SICK_LEAVE","direction":"SYSTEM","subGoals":[1],"deliveredOn":"2025-06-10","registeredOn":"2025-06-11","registrationLagDays":1,"form":"DIRECT","adviser":"Z990001"},"groupId":null,"recordedBy":"Z990001"}}', 'pgbench-call-id-0000000000000000', now());
-- 3. The commit
commit;
