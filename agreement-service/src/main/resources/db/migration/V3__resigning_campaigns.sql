-- Re-signing campaigns (re-signering): every agreement active when a campaign starts becomes due.
create table resigning_campaign (
    id         uuid primary key,
    name       text        not null,
    deadline   date        not null,
    started_on date        not null,
    started_at timestamptz not null,
    started_by text        not null
);

create table resigning_case (
    campaign_id      uuid        not null references resigning_campaign (id),
    agreement_id     uuid        not null references agreement (id),
    org_number       varchar(9)  not null,
    county_code      varchar(2)  not null,
    employees        int         not null,
    group_org_number varchar(9),
    status           text        not null,
    status_on        date        not null,
    note             text,
    version          bigint      not null,
    primary key (campaign_id, agreement_id)
);
create index resigning_case_by_county on resigning_case (campaign_id, county_code, status);
create index resigning_case_by_size on resigning_case (campaign_id, employees desc, org_number);
create index resigning_case_by_group on resigning_case (campaign_id, group_org_number) where group_org_number is not null;

-- Every status change: who, when, from, to, with the call it came in.
create table resigning_status_change (
    id           bigint generated always as identity primary key,
    campaign_id  uuid        not null,
    agreement_id uuid        not null,
    from_status  text        not null,
    to_status    text        not null,
    status_on    date        not null,
    note         text,
    changed_by   text        not null,
    changed_at   timestamptz not null,
    call_id      text,
    foreign key (campaign_id, agreement_id) references resigning_case (campaign_id, agreement_id)
);
create index resigning_status_change_by_case on resigning_status_change (campaign_id, agreement_id, id);
