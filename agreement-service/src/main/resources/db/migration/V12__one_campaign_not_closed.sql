-- At most one re-signing campaign that is not closed (OPEN or CLOSING). A closing ends every due
-- agreement that is not re-signed in its own campaign, so with two campaigns at once closing one
-- ended the agreements re-signed in the other. The service refuses a second start (409
-- CAMPAIGN_ALREADY_OPEN); this index holds the rule when two starts (two replicas) meet, where the
-- later one's insert waits for the first and then fails on it.
do $$
begin
  if (select count(*) from resigning_campaign where status <> 'CLOSED') > 1 then
    raise exception 'more than one re-signing campaign is OPEN or CLOSING: decide which one stands'
      ' and close the others before this migration (README, "Choices")';
  end if;
end
$$;
create unique index resigning_campaign_one_not_closed on resigning_campaign ((true))
    where status <> 'CLOSED';
