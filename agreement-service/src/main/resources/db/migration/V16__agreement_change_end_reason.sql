-- An agreement's history shows why it ended, as the agreement does (endReason): a termination's
-- reason, or NOT_RESIGNED from a campaign's closing. Versions kept before this take the reason the
-- agreement ended with, the only one it has had (an ended agreement is not taken back).
alter table agreement_change add column end_reason text;
update agreement_change c
   set end_reason = a.end_reason
  from agreement a
 where c.agreement_id = a.id
   and c.status = 'ENDED'
   and a.end_reason is not null;
