-- A report's written text can be erased (ReportResource, "erasure"): a section, out of the report
-- and every version of its history, or the reasons of its reopenings. Each erasure is a version of
-- its own, SECTION_ERASED or REASONS_ERASED, whose row names what went: the section's field name,
-- or 'reason'.
alter table report_change add column erased text;
