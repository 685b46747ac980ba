-- When a report was first submitted: kept when a coordinator reopens it, so that a centre that
-- submitted on time is neither overdue nor late for a reopening after the due date.
alter table report add column first_submitted_at timestamp with time zone;
update report r
   set first_submitted_at = (select min(c.changed_at) from report_change c
                              where c.report_id = r.id and c.action = 'SUBMITTED');
