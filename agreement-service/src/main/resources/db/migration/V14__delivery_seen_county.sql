-- The county a delivery was recorded under (its agreement's, in the delivery events' facts): an
-- enterprise's latest delivery is that county's record, shown to whoever may see that county, and
-- only that county's deliveries wake its agreement on the working list of sleeping ones.
alter table delivery_seen add column county_code varchar(2);

-- Rows seen before this, and rows the release before writes during a rolling deploy, have no county:
-- DeliverySeenCounties fills them in small batches after start-up and then every few minutes, not
-- this migration (which would hold the table's lock until a fill of the whole history committed).
create index delivery_seen_without_county on delivery_seen (delivery_id) where county_code is null;

-- For that fill: an enterprise's agreements by signing day.
create index agreement_by_org_signed on agreement (org_number, signed_on);
