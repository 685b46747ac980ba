-- The county a delivery was recorded under (its agreement's, in the delivery events' facts): an
-- enterprise's latest delivery is that county's record, shown to whoever may see that county, not
-- to whoever may see the enterprise's present agreement (which another county may keep now).
alter table delivery_seen add column county_code varchar(2);

-- Deliveries seen before this carried no county here. delivery-service records a delivery under the
-- county of the enterprise's active agreement, so each takes the county of the enterprise's
-- agreement that was active on its day, else of its newest one; one of an enterprise without an
-- agreement here stays without, and is shown to those who see every county only.
update delivery_seen s
   set county_code = (select a.county_code
                        from agreement a
                       where a.org_number = s.org_number
                       order by (a.signed_on <= s.delivered_on
                                 and (a.ended_on is null or a.ended_on >= s.delivered_on)) desc,
                                a.signed_on desc
                       limit 1);
