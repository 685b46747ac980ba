-- The groups of due units that signed anew (an active agreement signed on or after the campaign's
-- start that is not due in it: the group's due agreement ended, or it had none), with the signing
-- day, kept once as they stand when the campaign's closing begins. The closing counts that signing
-- as the group's re-signing for its waiting units. Read from the agreements at every run instead, a
-- group agreement registered or ended while a closing was under way, or before a cut-off closing
-- was taken up again, gave units of one group different outcomes (some ENDED, others RESIGNED).
create table resigning_group_signed_anew (
    campaign_id uuid       not null references resigning_campaign (id),
    org_number  varchar(9) not null,
    signed_on   date       not null,
    primary key (campaign_id, org_number)
);

-- Whether the campaign's groups signed anew are kept: set with them. A closing begun by a replica of
-- the release before (a rolling deploy runs both for a while) keeps none and leaves this false, and
-- the first run of this release keeps them then, under the campaign's lock.
alter table resigning_campaign add column groups_kept boolean not null default false;

-- A campaign that is CLOSING as this runs began its closing before groups were kept: they are kept
-- now, by the query its closing ran at every round until now, so that the closing's resume reads
-- one set from here on. (What it decided before the upgrade stays as it was.)
insert into resigning_group_signed_anew (campaign_id, org_number, signed_on)
select c.id, a.org_number, a.signed_on
  from resigning_campaign c
  join agreement a on a.status = 'ACTIVE' and a.signed_on >= c.started_on
 where c.status = 'CLOSING'
   and a.org_number in (select u.group_org_number from resigning_case u
                         where u.campaign_id = c.id and u.group_org_number is not null)
   and not exists (select 1 from resigning_case d
                    where d.campaign_id = c.id and d.agreement_id = a.id);

update resigning_campaign set groups_kept = true where status = 'CLOSING';
