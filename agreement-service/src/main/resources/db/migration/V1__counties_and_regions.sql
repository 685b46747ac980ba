-- Counties (fylker) with validity and successors, from reference/counties.csv (platform-common).
-- CountyReferenceDataTest checks that this migration and the CSV say the same.
create table county (
    code       varchar(2) primary key,
    name       text not null,
    valid_from date,
    valid_to   date,
    successors varchar(2)[] not null default '{}'
);

insert into county (code, name, valid_from, valid_to, successors) values
    ('01', 'Østfold', null, '2019-12-31', '{30}'),
    ('02', 'Akershus', null, '2019-12-31', '{30}'),
    ('03', 'Oslo', null, null, '{}'),
    ('04', 'Hedmark', null, '2019-12-31', '{34}'),
    ('05', 'Oppland', null, '2019-12-31', '{34}'),
    ('06', 'Buskerud', null, '2019-12-31', '{30}'),
    ('07', 'Vestfold', null, '2019-12-31', '{38}'),
    ('08', 'Telemark', null, '2019-12-31', '{38}'),
    ('09', 'Aust-Agder', null, '2019-12-31', '{42}'),
    ('10', 'Vest-Agder', null, '2019-12-31', '{42}'),
    ('11', 'Rogaland', null, null, '{}'),
    ('12', 'Hordaland', null, '2019-12-31', '{46}'),
    ('14', 'Sogn og Fjordane', null, '2019-12-31', '{46}'),
    ('15', 'Møre og Romsdal', null, null, '{}'),
    ('16', 'Sør-Trøndelag', null, '2017-12-31', '{50}'),
    ('17', 'Nord-Trøndelag', null, '2017-12-31', '{50}'),
    ('18', 'Nordland', null, null, '{}'),
    ('19', 'Troms', null, '2019-12-31', '{54}'),
    ('20', 'Finnmark', null, '2019-12-31', '{54}'),
    ('50', 'Trøndelag', '2018-01-01', null, '{}'),
    ('30', 'Viken', '2020-01-01', '2023-12-31', '{31,32,33}'),
    ('34', 'Innlandet', '2020-01-01', null, '{}'),
    ('38', 'Vestfold og Telemark', '2020-01-01', '2023-12-31', '{39,40}'),
    ('42', 'Agder', '2020-01-01', null, '{}'),
    ('46', 'Vestland', '2020-01-01', null, '{}'),
    ('54', 'Troms og Finnmark', '2020-01-01', '2023-12-31', '{55,56}'),
    ('31', 'Østfold', '2024-01-01', null, '{}'),
    ('32', 'Akershus', '2024-01-01', null, '{}'),
    ('33', 'Buskerud', '2024-01-01', null, '{}'),
    ('39', 'Vestfold', '2024-01-01', null, '{}'),
    ('40', 'Telemark', '2024-01-01', null, '{}'),
    ('55', 'Troms', '2024-01-01', null, '{}'),
    ('56', 'Finnmark', '2024-01-01', null, '{}');

-- Region groupings (regions-proposal-2016.csv: the 11-region proposal of seed 003).
create table region (
    grouping text not null,
    code     text not null,
    name     text not null,
    primary key (grouping, code)
);
create table region_county (
    grouping    text not null,
    region_code text not null,
    county_code varchar(2) not null references county (code),
    primary key (grouping, county_code),
    foreign key (grouping, region_code) references region (grouping, code)
);

insert into region (grouping, code, name) values
    ('proposal-2016', 'finnmark-og-troms', 'Finnmark og Troms'),
    ('proposal-2016', 'nordland', 'Nordland'),
    ('proposal-2016', 'nord-og-sor-trondelag', 'Nord- og Sør-Trøndelag'),
    ('proposal-2016', 'more-og-romsdal', 'Møre og Romsdal'),
    ('proposal-2016', 'sogn-og-fjordane-og-hordaland', 'Sogn og Fjordane og Hordaland'),
    ('proposal-2016', 'rogaland', 'Rogaland'),
    ('proposal-2016', 'vest-og-aust-agder', 'Vest- og Aust-Agder'),
    ('proposal-2016', 'telemark-vestfold-og-buskerud', 'Telemark, Vestfold og Buskerud'),
    ('proposal-2016', 'oppland-og-hedmark', 'Oppland og Hedmark'),
    ('proposal-2016', 'ostfold-og-akershus', 'Østfold og Akershus'),
    ('proposal-2016', 'oslo', 'Oslo');
insert into region_county (grouping, region_code, county_code) values
    ('proposal-2016', 'finnmark-og-troms', '20'),
    ('proposal-2016', 'finnmark-og-troms', '19'),
    ('proposal-2016', 'nordland', '18'),
    ('proposal-2016', 'nord-og-sor-trondelag', '17'),
    ('proposal-2016', 'nord-og-sor-trondelag', '16'),
    ('proposal-2016', 'more-og-romsdal', '15'),
    ('proposal-2016', 'sogn-og-fjordane-og-hordaland', '14'),
    ('proposal-2016', 'sogn-og-fjordane-og-hordaland', '12'),
    ('proposal-2016', 'rogaland', '11'),
    ('proposal-2016', 'vest-og-aust-agder', '10'),
    ('proposal-2016', 'vest-og-aust-agder', '09'),
    ('proposal-2016', 'telemark-vestfold-og-buskerud', '08'),
    ('proposal-2016', 'telemark-vestfold-og-buskerud', '07'),
    ('proposal-2016', 'telemark-vestfold-og-buskerud', '06'),
    ('proposal-2016', 'oppland-og-hedmark', '05'),
    ('proposal-2016', 'oppland-og-hedmark', '04'),
    ('proposal-2016', 'ostfold-og-akershus', '01'),
    ('proposal-2016', 'ostfold-og-akershus', '02'),
    ('proposal-2016', 'oslo', '03');
