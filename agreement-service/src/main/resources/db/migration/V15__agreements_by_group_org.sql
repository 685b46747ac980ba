-- A group's agreement, once registered, links the units registered before it (Agreement.linkUnits):
-- found by the group's org number, not by a scan of every agreement.
create index agreement_by_group_org on agreement (group_org_number) where group_org_number is not null;
