-- A search with many matches (EnterpriseSearch.SORTED_HERE) walks one of these in order and stops
-- at its page, nation-wide or in a county: live before deleted, then by name. Fewer matches are all
-- taken from the text index and sorted by best match instead.
create index enterprise_by_name on enterprise (deleted, name, org_number);
create index enterprise_by_county_name on enterprise (county_code, deleted, name, org_number);
drop index enterprise_by_county;
