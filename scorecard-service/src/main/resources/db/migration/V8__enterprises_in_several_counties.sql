-- "Enterprises that got at least one delivery" counts each enterprise once. The per-county counts
-- add up over a card's codes, so an enterprise served under two codes in one period (its agreement
-- ended in one county and a new one was signed in another, or one code merged into the other) would
-- count twice on a card holding both. Such enterprises are few: keep their org numbers, so that a
-- card reads only their rows to count each of them once.
create index agreement_fact_by_org on agreement_fact (org_number);

create table enterprise_in_counties (
    org_number varchar(9) primary key
);

insert into enterprise_in_counties (org_number)
select org_number from agreement_fact group by 1 having count(distinct county_code) > 1;
