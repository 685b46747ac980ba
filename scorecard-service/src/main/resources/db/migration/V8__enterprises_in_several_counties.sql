-- "Enterprises that got at least one delivery" counts each enterprise once. The per-county counts
-- add up over a card's codes, so an enterprise served under two codes in one period (its agreement
-- ended in one county and a new one was signed in another, or one code merged into the other) would
-- count twice on a card holding both. A card period lies within one calendar year, and a delivery
-- needs an agreement of its county on its day, so only the years in which an enterprise had
-- agreements in two counties can hold such a repeat: keep those years per enterprise, so that a card
-- reads the few enterprises of its own year, whatever the history.
create index agreement_fact_by_org on agreement_fact (org_number);

create table enterprise_in_counties (
    org_number varchar(9) not null,
    years      int4range  not null
);
create index enterprise_in_counties_by_org on enterprise_in_counties (org_number);
create index enterprise_in_counties_by_year on enterprise_in_counties using gist (years);

-- Per pair of an enterprise's agreements in two counties, the years both can have deliveries in
-- (an unknown start or end leaves that side open). The projection keeps it so per enterprise.
create function enterprise_years_in_counties(org varchar) returns table (years int4range)
language sql stable as $$
  select int4range(lo, hi, '[]')
    from (select greatest(extract(year from a.signed_on)::int, extract(year from b.signed_on)::int) lo,
                 least(extract(year from a.ended_on)::int, extract(year from b.ended_on)::int) hi
            from agreement_fact a
            join agreement_fact b on b.org_number = a.org_number and b.county_code > a.county_code
           where a.org_number = org) pairs
   where lo is null or hi is null or lo <= hi
$$;

insert into enterprise_in_counties (org_number, years)
select o.org_number, y.years
  from (select org_number from agreement_fact group by 1 having count(distinct county_code) > 1) o,
       enterprise_years_in_counties(o.org_number) y;
