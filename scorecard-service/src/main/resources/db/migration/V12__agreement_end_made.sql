-- An agreement's deliveries need not end with it: a termination dated back (the end keyed in late)
-- leaves the deliveries put on their days before it was made, so an enterprise that moved can have
-- deliveries in its old county in a year after that agreement's end, and in the new one's. The
-- years in which an enterprise can have deliveries in two counties (V8) end, per agreement, with
-- the later of its end and the day its termination was made (the event's occurredAt, in Norway).
alter table agreement_fact add column ended_made_on date;

update agreement_fact f
   set ended_made_on = t.made
  from (select (envelope::jsonb -> 'payload' ->> 'agreementId')::uuid agreement_id,
               max((occurred_at at time zone 'Europe/Oslo')::date) made
          from event_log
         where event_type = 'AgreementTerminated'
         group by 1) t
 where t.agreement_id = f.agreement_id;

create or replace function enterprise_years_in_counties(org varchar) returns table (years int4range)
language sql stable as $$
  select int4range(lo, hi, '[]')
    from (select greatest(extract(year from a.signed_on)::int, extract(year from b.signed_on)::int) lo,
                 least(extract(year from greatest(a.ended_on, a.ended_made_on))::int,
                       extract(year from greatest(b.ended_on, b.ended_made_on))::int) hi
            from agreement_fact a
            join agreement_fact b on b.org_number = a.org_number and b.county_code > a.county_code
           where a.org_number = org) pairs
   where lo is null or hi is null or lo <= hi
$$;

delete from enterprise_in_counties;
insert into enterprise_in_counties (org_number, years)
select o.org_number, y.years
  from (select org_number from agreement_fact group by 1 having count(distinct county_code) > 1) o,
       enterprise_years_in_counties(o.org_number) y;
