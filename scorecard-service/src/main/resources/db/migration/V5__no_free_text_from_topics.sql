-- Campaign names no longer come with CampaignStarted (free text stays off the topics); the cards
-- never showed them. Rows from earlier events keep theirs until the column goes.
alter table campaign alter column name drop not null;
