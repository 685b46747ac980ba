-- The county the one who made a change was bound to (an adviser's or a manager's; null for a
-- coordinator, a system or this service, who see every county). A delivery taken in the read
-- model's lag after a termination goes to the county whose agreement covers its day only if the
-- one who put it there could have recorded it in that county (EndedAgreements); versions kept
-- before this are taken as by someone who could.
alter table delivery_version add column changer_county varchar(2);
