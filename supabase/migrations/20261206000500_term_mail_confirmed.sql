-- The end-of-term mails go to confirmed addresses only.
--
-- 20261206000200_funding_term.sql added term_mail_due (one mail per subscription before
-- the agreement's period ends) and 20261206000300_mail_confirm.sql the double opt-in,
-- whose mail_outbox sends mail_due's items to confirmed subscriptions only. Both were
-- written at the same time, so term_mail_due knew nothing of confirmation. Here it is
-- WRAPPED (the one before renamed term_mail_due_unconfirmed): its items whose
-- subscription is not confirmed are left out.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if pg_catalog.to_regprocedure('partnership_private.term_mail_due_unconfirmed(date, integer)') is not null then
        raise exception 'migration 20261206000500_term_mail_confirmed is already applied; nothing was changed';
    end if;
end
$guard$;

alter function partnership_private.term_mail_due(date, integer) rename to term_mail_due_unconfirmed;

create function partnership_private.term_mail_due(p_today date, p_days integer)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(i.item order by i.n), '[]'::jsonb)
    from pg_catalog.jsonb_array_elements(partnership_private.term_mail_due_unconfirmed(p_today, p_days))
         with ordinality as i (item, n)
    where exists (select 1 from partnership_private.mail_subscriptions s
                  where s.id = i.item ->> 'subscription' and s.confirmed_at is not null)
$$;

revoke all on function partnership_private.term_mail_due(date, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.term_mail_due_unconfirmed(date, integer)
    from public, anon, authenticated, service_role;
