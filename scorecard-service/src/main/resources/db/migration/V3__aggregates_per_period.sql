-- A card read every month row of two years (county x month x service x direction, and every lag
-- day of every month) and summed them, so its cost grew with how filled the months were. Keep the
-- aggregates per card period instead (year, half, quarter, month, as card_periods gives them), and
-- the month totals per county for the month series and the comparison with the year before: a card
-- then reads the rows of its own period, whose number is bounded by counties x services x directions.

create table delivery_period (
    period      varchar(7) not null,
    county_code varchar(2) not null,
    service     text       not null,
    direction   text       not null,
    deliveries  bigint     not null,
    primary key (period, county_code, service, direction)
);

create table delivery_period_total (
    period      varchar(7) not null,
    county_code varchar(2) not null,
    deliveries  bigint     not null,
    primary key (period, county_code)
);

create table subgoal_period (
    period      varchar(7) not null,
    county_code varchar(2) not null,
    sub_goal    int        not null,
    deliveries  bigint     not null,
    primary key (period, county_code, sub_goal)
);

create table lag_period (
    period      varchar(7) not null,
    county_code varchar(2) not null,
    lag_days    int        not null,
    deliveries  bigint     not null,
    primary key (period, county_code, lag_days)
);

insert into delivery_period (period, county_code, service, direction, deliveries)
select p, county_code, service, direction, sum(deliveries)
  from delivery_month, unnest(card_periods(month)) p
 group by 1, 2, 3, 4;

insert into delivery_period_total (period, county_code, deliveries)
select p, county_code, sum(deliveries)
  from delivery_month, unnest(card_periods(month)) p
 group by 1, 2;

insert into subgoal_period (period, county_code, sub_goal, deliveries)
select p, county_code, sub_goal, sum(deliveries)
  from subgoal_month, unnest(card_periods(month)) p
 group by 1, 2, 3;

insert into lag_period (period, county_code, lag_days, deliveries)
select p, county_code, lag_days, sum(deliveries)
  from lag_month, unnest(card_periods(month)) p
 group by 1, 2, 3;

drop table delivery_month, subgoal_month, lag_month;
