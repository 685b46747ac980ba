-- Half-year reports (API.md, "Half-year reports"): one per county and half-year, with the written
-- sections, and the county card frozen at submission. Every change is kept in report_change.

create table report (
    id           uuid primary key,
    county_code  varchar(2)  not null,
    period       varchar(7)  not null,
    status       text        not null check (status in ('DRAFT', 'SUBMITTED')),
    version      bigint      not null,
    ia_council   text,
    industries   text,
    effects      text,
    funds        text,
    submitted_by text,
    submitted_at timestamptz,
    figures      text,
    unique (county_code, period)
);

create table report_change (
    seq        bigint generated always as identity primary key,
    report_id  uuid        not null references report (id),
    version    bigint      not null,
    action     text        not null,
    changed_by text        not null,
    changed_at timestamptz not null,
    ia_council text,
    industries text,
    effects    text,
    funds      text,
    unique (report_id, version)
);
