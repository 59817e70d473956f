-- partnership_private.not_a_member (20261206000400_room.sql) is called by nothing since
-- 20261206000900_may.sql redefined ps_approve and ps_reopen: their refusal predicates
-- (approve_refusal, reopen_refusal) say what it said, and more. Dropped, so that no rule
-- lives where nothing reads it.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if pg_catalog.to_regprocedure('partnership_private.not_a_member(text, text)') is null then
        raise exception 'migration 20261206001000_drop_unused is already applied; nothing was changed';
    end if;
end
$guard$;

drop function partnership_private.not_a_member(text, text);
