-- The platform's copy of the Central Coordinating Register for Legal Entities (Enhetsregisteret),
-- imported from the register's bulk file (API.md, "Enterprises"). An entity that has left the
-- register, or is gone from the file, is marked deleted, never removed.

create table enterprise (
    org_number        varchar(9)  primary key,
    name              text        not null,
    organisation_form text,
    industry          text,
    employees         int,
    municipality      varchar(4),
    county_code       varchar(2),
    deleted           boolean     not null default false,
    deleted_on        date,
    -- The name's words, lower-cased and folded (æ -> ae, ø -> oe, å -> aa, accents dropped) in Java,
    -- so that PostgreSQL's text search finds them the same in any database locale.
    search_words      text        not null,
    search            tsvector    generated always as (to_tsvector('simple', search_words)) stored,
    -- A hash of the imported fields: an entity whose hash is unchanged is not written again.
    content_hash      bigint      not null,
    updated_at        timestamptz not null
);
create index enterprise_search on enterprise using gin (search);
create index enterprise_by_county on enterprise (county_code, org_number);
create index enterprise_by_industry on enterprise (industry text_pattern_ops);

-- One row per import: its progress while it runs, its counts when done.
create table enterprise_import (
    id          bigint generated always as identity primary key,
    source      text        not null,
    status      text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    read        bigint      not null default 0,
    created     bigint      not null default 0,
    updated     bigint      not null default 0,
    unchanged   bigint      not null default 0,
    rejected    bigint      not null default 0,
    gone        bigint      not null default 0,
    reasons     text[]      not null default '{}',
    note        text,
    started_by  text        not null,
    started_at  timestamptz not null,
    progress_at timestamptz not null,
    finished_at timestamptz
);
-- One import at a time, across replicas.
create unique index enterprise_import_one_running on enterprise_import ((true)) where status = 'RUNNING';

-- The org numbers one import has read, to mark the entities it did not see as gone.
create unlogged table enterprise_import_seen (
    import_id  bigint     not null,
    org_number varchar(9) not null
);
