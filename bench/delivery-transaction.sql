-- pgbench script: the statements delivery-service runs for one POST /api/v1/deliveries with an
-- Idempotency-Key (DeliveryService.record), against a copy of its schema on the same server.
-- The outbox relay's later batch update is left out (one statement per up to 500 deliveries).
\set n random(1, 2000000000)
-- 1. Is this a retry? (its own short transaction)
select delivery_id, request_hash from idempotency_key where actor = 'Z990001' and key = 'pgbench-:client_id-:n';
-- 2. The agreement of the enterprise, from the read model
select agreement_id, county_code, signed_on, ended_on from agreement_view where org_number = ':org';
select gen_random_uuid() as id, gen_random_uuid() as event \gset
-- 3. One transaction: claim the key, the delivery, its first version, the outbox row
begin;
insert into idempotency_key (actor, key, request_hash, delivery_id, created_at)
  values ('Z990001', 'pgbench-:client_id-:n-:id', '5d41402abc4b2a76b9719d911017c592', ':id', now()) on conflict do nothing;
insert into delivery (id, org_number, county_code, service, direction, sub_goals, delivered_on, form, note, adviser,
  registered_at, registration_lag_days, status, version)
  values (':id', ':org', '03', 'SICK_LEAVE', 'SYSTEM', '{1}', '2025-06-10', 'DIRECT', null, 'Z990001', now(), 1, 'LIVE', 1);
insert into delivery_version (delivery_id, version, change, snapshot, changed_by, changed_at, call_id)
  values (':id', 1, 'RECORDED', '{"orgNumber":":org","countyCode":"03","service":"SICK_LEAVE","direction":"SYSTEM","subGoals":[1],"deliveredOn":"2025-06-10","form":"DIRECT","note":null,"status":"RECORDED"}', 'Z990001', now(), 'pgbench-call-id-0000000000000000');
insert into outbox_event (event_id, topic, event_key, event_type, envelope, call_id, created_at)
  values (':event', 'ia.delivery-events-v1', ':org', 'DeliveryRecorded', '{"eventId":":event","type":"DeliveryRecorded","occurredAt":"2025-06-11T09:00:00Z","callId":"pgbench-call-id-0000000000000000","payload":{"deliveryId":":id","version":1,"registeredAt":"2025-06-11T09:00:00Z","delivery":{"orgNumber":":org","countyCode":"03","service":"SICK_LEAVE","direction":"SYSTEM","subGoals":[1],"deliveredOn":"2025-06-10","registeredOn":"2025-06-11","registrationLagDays":1,"form":"DIRECT","adviser":"Z990001"}}}', 'pgbench-call-id-0000000000000000', now());
commit;
