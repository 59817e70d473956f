-- Mail, second part (issue 25): double opt-in and the weekly digest.
--
-- A person who gives their e-mail address gets a confirmation mail (sent by the app at
-- once); nothing else goes to that address until its link is followed. The link's token
-- is 256 bits, stored as SHA-256 only (confirm_hash), and expires after 7 days
-- (confirm_until). The consent record says when it was confirmed (confirmed_at).
-- A person may also choose the weekly digest (digest): what changed in the project in the
-- last 7 days, at most once a week per person.
--
--   mail_subscriptions   + digest, confirm_hash, confirm_until, confirmed_at; the consents
--                          given before this file are recorded as confirmed when given
--   ps_mail_subscribe    (REPLACED: the 6-argument function from 20261205003000_mail.sql is
--                          dropped; the new one takes p_digest and p_confirm_hash)
--   ps_mail_confirm      (public, no link: the confirmation link's POST)
--   mail_json            (REDEFINED from 20261205003000_mail.sql: + digest, confirmed_at,
--                          confirm_until)
--   mail_outbox          (private, like mail_due: what `remind` sends now, that is mail_due's
--                          items for confirmed subscriptions only, plus the digests due.
--                          It wraps mail_due instead of redefining it, so another
--                          migration may add kinds to mail_due and they go out here too.)
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid
               join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'partnership_private' and c.relname = 'mail_subscriptions'
                 and a.attname = 'confirmed_at' and not a.attisdropped) then
        raise exception 'migration 20261206000300_mail_confirm is already applied (mail_subscriptions.confirmed_at exists); nothing was changed';
    end if;
end
$guard$;

alter table partnership_private.mail_subscriptions
    add column digest boolean not null default false,
    add column confirm_hash text unique check (confirm_hash ~ '^[0-9a-f]{64}$'),
    add column confirm_until timestamptz,
    add column confirmed_at timestamptz;

-- Consents given before double opt-in existed were given by the person through the page
-- and mailed ever since: they stay in force, confirmed when given.
update partnership_private.mail_subscriptions set confirmed_at = consented_at;

create or replace function partnership_private.mail_json(s partnership_private.mail_subscriptions)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'id', s.id, 'person_id', s.person_id, 'email', s.email, 'lang', s.lang,
        'consented_at', partnership_private.iso(s.consented_at), 'consented_by', s.consented_by,
        'consented_role', s.consented_role, 'digest', s.digest,
        'confirmed_at', case when s.confirmed_at is null then null else partnership_private.iso(s.confirmed_at) end,
        'confirm_until', case when s.confirm_until is null then null else partnership_private.iso(s.confirm_until) end)
$$;

drop function public.ps_mail_subscribe(text, text, text, text, text, text);

-- Opt in: a pending subscription until the confirmation link (whose token's hash the app
-- made and hands in here, then mails) is followed within 7 days.
create function public.ps_mail_subscribe(p_token text, p_project text, p_person text, p_email text, p_lang text,
                                         p_digest boolean, p_confirm_hash text, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_email text := partnership_private.mail_address(p_email);
    v_new partnership_private.mail_subscriptions%rowtype;
    v_at timestamptz := pg_catalog.clock_timestamp();
begin
    p_actor := partnership_private.actor(p_actor);
    if p_lang is null or p_lang not in ('da', 'en') then
        perform partnership_private.invalid('invalid', 'unknown language', pg_catalog.jsonb_build_object('what', 'mail.lang'));
    end if;
    if p_confirm_hash is null or p_confirm_hash !~ '^[0-9a-f]{64}$' then
        perform partnership_private.invalid('invalid', 'a confirmation token is needed', pg_catalog.jsonb_build_object('what', 'mail.confirm'));
    end if;
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.mail_person(v_link.project_id, v_link.role, p_person);
    update partnership_private.mail_subscriptions set ended_at = v_at, ended_how = 'replaced'
    where project_id = v_link.project_id and person_id = p_person and ended_at is null;
    insert into partnership_private.mail_subscriptions (id, project_id, person_id, email, lang, consented_at,
                                                       consented_by, consented_role, digest, confirm_hash,
                                                       confirm_until)
    values (pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_link.project_id, p_person, v_email,
            p_lang, v_at, p_actor, v_link.role, coalesce(p_digest, false), p_confirm_hash,
            v_at + interval '7 days')
    returning * into v_new;
    update partnership_private.projects set revision = revision + 1 where id = v_link.project_id;
    return partnership_private.mail_json(v_new);
end
$$;

-- The confirmation link (no project link needed). Null for an unknown or malformed token;
-- else the subscription's language and what happened: 'confirmed' (by this call),
-- 'already' (confirmed before), 'expired' (too late: nothing changes) or 'ended' (stopped
-- or replaced since).
create function public.ps_mail_confirm(p_confirm_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_sub partnership_private.mail_subscriptions%rowtype;
    v_state text;
begin
    if p_confirm_token is null or p_confirm_token !~ '^[A-Za-z0-9_-]{43}$' then
        return null;
    end if;
    select s.* into v_sub from partnership_private.mail_subscriptions s
    where s.confirm_hash = partnership_private.token_hash(p_confirm_token)
    for update;
    if not found then
        return null;
    end if;
    v_state := case when v_sub.ended_at is not null then 'ended'
                    when v_sub.confirmed_at is not null then 'already'
                    when pg_catalog.clock_timestamp() > v_sub.confirm_until then 'expired'
                    else 'confirmed' end;
    if v_state = 'confirmed' then
        update partnership_private.mail_subscriptions set confirmed_at = pg_catalog.clock_timestamp()
        where id = v_sub.id;
        update partnership_private.projects set revision = revision + 1 where id = v_sub.project_id;
    end if;
    return pg_catalog.jsonb_build_object('lang', v_sub.lang, 'state', v_state);
end
$$;

-- What `remind` sends on p_today with a window of p_days: mail_due's items for confirmed
-- subscriptions, then the weekly digests due:
--   digest   a confirmed subscriber who chose it, no digest to the same person in the last
--            7 days, and something changed in the project in the last 7 days that the
--            person's side may see (the history as the owner or the partner reads it;
--            at most 30 entries, 'more' counts the rest);     key <sub>:digest:<date>
create function partnership_private.mail_outbox(p_today date, p_days integer)
returns jsonb language sql volatile set search_path = '' as $$
    with due as (
        select d.item, d.n
        from pg_catalog.jsonb_array_elements(partnership_private.mail_due(p_today, p_days)) with ordinality d(item, n)
        join partnership_private.mail_subscriptions s on s.id = d.item ->> 'subscription'
        where s.confirmed_at is not null
    ), readers as (
        select s.*, x.name as person_name, x.side as person_side, p.title, p.our_org, p.partner_org
        from partnership_private.mail_subscriptions s
        join partnership_private.people x on x.project_id = s.project_id and x.id = s.person_id
        join partnership_private.projects p on p.id = s.project_id
        where s.ended_at is null and s.confirmed_at is not null and s.digest
          and not exists (select 1 from partnership_private.mail_sent m
                          join partnership_private.mail_subscriptions o on o.id = m.subscription_id
                          where o.project_id = s.project_id and o.person_id = s.person_id
                            and m.key like o.id || ':digest:%'
                            and m.sent_at > pg_catalog.clock_timestamp() - interval '7 days')
    ), changes as (
        select r.id as sub, pg_catalog.jsonb_agg(e.entry order by e.n) filter (where e.n <= 30) as shown,
               pg_catalog.count(*) as total
        from readers r
        cross join lateral pg_catalog.jsonb_array_elements(partnership_private.history(
            r.project_id, case when r.person_side = 'partner' then 'partner' else 'owner' end, 500))
            with ordinality e(entry, n)
        where (e.entry ->> 'at')::timestamptz > pg_catalog.clock_timestamp() - interval '7 days'
        group by r.id
    ), digests as (
        select pg_catalog.jsonb_build_object(
            'key', r.id || ':digest:' || partnership_private.iso_date(p_today), 'subscription', r.id,
            'email', r.email, 'lang', r.lang, 'person', r.person_name, 'person_side', r.person_side,
            'project', r.title, 'our_org', r.our_org, 'partner_org', r.partner_org, 'kind', 'digest', 'what', '',
            'day', partnership_private.iso_date(p_today), 'actor', '', 'side', '', 'signed', false, 'note', '',
            'changes', c.shown, 'more', c.total - pg_catalog.jsonb_array_length(c.shown)) as item,
            r.seq as n
        from readers r join changes c on c.sub = r.id
        where not exists (select 1 from partnership_private.mail_sent m
                          where m.key = r.id || ':digest:' || partnership_private.iso_date(p_today))
    )
    select coalesce((select pg_catalog.jsonb_agg(due.item order by due.n) from due), '[]'::jsonb)
        || coalesce((select pg_catalog.jsonb_agg(digests.item order by digests.n) from digests), '[]'::jsonb)
$$;

revoke all on function partnership_private.mail_json(partnership_private.mail_subscriptions) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_outbox(date, integer) from public, anon, authenticated, service_role;
revoke all on function public.ps_mail_subscribe(text, text, text, text, text, boolean, text, text)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_mail_confirm(text) from public, anon, authenticated, service_role;
grant execute on function public.ps_mail_subscribe(text, text, text, text, text, boolean, text, text) to anon;
grant execute on function public.ps_mail_confirm(text) to anon;
