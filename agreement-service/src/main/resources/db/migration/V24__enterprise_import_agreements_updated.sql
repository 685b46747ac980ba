-- How many active agreements an import gave the register's new name or size (RegisterImports).
alter table enterprise_import add column agreements_updated bigint not null default 0;
