-- Version 2 of the cards: the 2/3 share is taken over direct deliveries only (courses and
-- information work are counted apart, seed 000), every card has a trend of twelve months, and a
-- county's manager sees the figures per adviser. The facts keep each delivery's form and adviser,
-- and the per-period totals are kept by direction and form (they serve the period itself, the same
-- period a year before and the months of the trend and the forecast).

alter table delivery_fact add column form text not null default 'DIRECT', add column adviser text;

-- The form and adviser of each fact's version, from the projection's own log (the newest version,
-- the first applied of two with one version, as the projection and the rebuild take it). A delivery
-- recorded without a form is a direct one.
update delivery_fact d
   set form = coalesce(v.f->>'form', 'DIRECT'), adviser = v.f->>'adviser'
  from (select distinct on (id) id, f
          from (select seq, (p->>'deliveryId')::uuid id, (p->>'version')::bigint version,
                       case event_type when 'DeliveryRecorded' then p->'delivery'
                                       when 'DeliveryCorrected' then p->'after' else p->'before' end f
                  from (select seq, event_type, envelope::jsonb->'payload' p from event_log
                         where event_type in ('DeliveryRecorded', 'DeliveryCorrected', 'DeliveryVoided')) e) x
         order by id, version desc, seq) v
 where v.id = d.delivery_id;

alter table delivery_fact alter column form drop default;

create table delivery_period_form (
    period      varchar(7) not null,
    county_code varchar(2) not null,
    direction   text       not null,
    form        text       not null,
    deliveries  bigint     not null,
    primary key (period, county_code, direction, form)
);

insert into delivery_period_form (period, county_code, direction, form, deliveries)
select p, county_code, direction, form, count(*)
  from delivery_fact, unnest(card_periods(delivered_on)) p
 where live
 group by 1, 2, 3, 4;

drop table delivery_period_total;

-- The per-adviser breakdown reads one county's live facts of one period.
create index delivery_fact_live_by_county on delivery_fact (county_code, delivered_on) where live;
