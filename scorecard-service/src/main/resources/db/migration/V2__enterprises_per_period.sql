-- "Agreements with at least one delivery" counts distinct enterprises, which do not add up over
-- months, so counting them per card meant reading every enterprise-month of the period. Instead keep,
-- per period a card can show (year, half, quarter, month), each enterprise's deliveries and, per
-- county, how many enterprises have any: a card then reads one row per county whatever the history.

-- The ids of the four card periods that contain a day: 2024, 2024-H1, 2024-Q2, 2024-05.
create function card_periods(day date) returns text[] language sql immutable as $$
  select array[to_char(day, 'YYYY'),
               to_char(day, 'YYYY') || '-H' || case when extract(month from day) <= 6 then '1' else '2' end,
               to_char(day, 'YYYY') || '-Q' || to_char(day, 'Q'),
               to_char(day, 'YYYY-MM')]
$$;

create table enterprise_period (
    county_code varchar(2) not null,
    period      varchar(7) not null,
    org_number  varchar(9) not null,
    deliveries  bigint     not null,
    primary key (county_code, period, org_number)
);

create table enterprise_period_count (
    period      varchar(7) not null,
    county_code varchar(2) not null,
    enterprises bigint     not null,
    primary key (period, county_code)
);

insert into enterprise_period (county_code, period, org_number, deliveries)
select m.county_code, p, m.org_number, sum(m.deliveries)
  from enterprise_month m, unnest(card_periods(m.month)) p
 group by 1, 2, 3;

insert into enterprise_period_count (period, county_code, enterprises)
select period, county_code, count(*) filter (where deliveries > 0)
  from enterprise_period
 group by 1, 2;

drop table enterprise_month;

-- Cards read a range of months for every county at once.
create index delivery_month_by_month on delivery_month (month);
create index subgoal_month_by_month on subgoal_month (month);
create index lag_month_by_month on lag_month (month);
