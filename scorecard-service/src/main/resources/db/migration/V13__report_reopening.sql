-- A coordinator may reopen a submitted half-year report (ReportResource, "reopening"): the report is
-- a draft again and its frozen figures leave it, so each submission keeps the figures it froze in
-- its own history row, and a reopening keeps its reason. The submissions made before this keep
-- theirs from the report (none of them has been reopened).

alter table report_change
    add column figures text,
    add column reason  text;

update report_change c
   set figures = r.figures
  from report r
 where c.report_id = r.id
   and c.action = 'SUBMITTED'
   and r.status = 'SUBMITTED';
