-- An agreement's open cases, found by the agreement: a correction of its size (a centre's PATCH, an
-- import that the agreement follows) updates them, and the import locks them first.
create index resigning_case_by_agreement on resigning_case (agreement_id) where outcome is null;
