-- The counties the one who made a change may act in: ALL (a coordinator, a system, this service) or
-- the county code an adviser or a manager is bound to; null where it is not known (versions kept
-- before this, or by an instance of the version before during a deploy). A delivery taken in the
-- read model's lag after a termination goes to the county whose agreement covers its day only if
-- the one who put it there could have recorded it in that county (EndedAgreements); an unknown one
-- is voided, as before.
alter table delivery_version add column changer_scope varchar(3);
