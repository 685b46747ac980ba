-- The re-signing outcome (API.md version 2): a campaign is closed on or after its deadline; every
-- due agreement not re-signed ends on the deadline (NOT_RESIGNED), every re-signed one gets the start
-- of its new period. The closing goes case by case in short transactions; a case's outcome says it
-- is done, so a closing that was cut off is taken up where it stopped.
alter table resigning_campaign add column status text not null default 'OPEN';
alter table resigning_campaign add column closed_on date;
alter table resigning_campaign add column closed_by text;
alter table resigning_campaign add column closed_at timestamptz;

alter table resigning_case add column outcome text;

alter table agreement add column resigned_on date;
