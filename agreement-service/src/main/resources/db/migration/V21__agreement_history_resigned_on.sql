-- The history keeps when an agreement was signed again (its new period's start), as the agreement
-- does: a RESIGNED version was otherwise the one before it, field for field. Versions kept before
-- this migration get the agreement's present resignedOn from its first RESIGNED version on (an
-- agreement signed again in two campaigns shows the later date on the earlier versions too). An
-- agreement re-signed by a closing before the closing wrote RESIGNED versions (8b543c9) has no
-- such version: its kept versions stay without the date, which the agreement itself holds.
alter table agreement_change add column resigned_on date;

update agreement_change c
set resigned_on = a.resigned_on
from agreement a
where a.id = c.agreement_id
  and a.resigned_on is not null
  and c.seq >= (select min(r.seq)
                from agreement_change r
                where r.agreement_id = c.agreement_id
                  and r.action = 'RESIGNED');
