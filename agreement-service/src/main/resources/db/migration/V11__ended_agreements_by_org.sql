-- A new agreement must not start inside the period of the enterprise's ended one
-- (Agreement.lastEndedOnOrAfter): one look-up per registration.
create index agreement_ended_by_org on agreement (org_number, ended_on) where status = 'ENDED';
