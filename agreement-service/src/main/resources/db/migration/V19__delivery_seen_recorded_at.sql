-- When a delivery was recorded (its DeliveryRecorded event's time): of an enterprise's deliveries
-- on its latest day, its page shows the one recorded last (it took the lowest random id). Rows seen
-- before this version have none and come after those that have one on the same day.
alter table delivery_seen add column recorded_at timestamptz;
