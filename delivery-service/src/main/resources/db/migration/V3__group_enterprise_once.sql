-- A group's live deliveries name each enterprise once. The correction checks it first (and says
-- which field); this index holds it when two corrections of one group's deliveries meet, where
-- neither count sees the other. A database where such a race already happened stops here with the
-- index's name; void one of the two deliveries and start again.
create unique index delivery_group_enterprise_once on delivery (group_id, org_number)
    where group_id is not null and status = 'LIVE';
