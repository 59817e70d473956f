-- Reminders and notices by e-mail (issue 25). A person receives mail only after opting in
-- with their e-mail address; that consent is a row of mail_subscriptions (who, when, which
-- address, which language, through which role), ended - never deleted - when they stop.
-- Every mail carries its own unsubscribe token (256 bits, stored as SHA-256 only) that ends
-- the subscription without a link to the project.
--
-- Public (granted to anon, the app's role):
--   ps_mail_subscribe, ps_mail_stop, ps_mail_subscriptions   (a link's own people, role rules)
--   ps_mail_unsubscribe                                       (by a mail's token, no link)
--   ps_erase_person   (REDEFINED from 20261205000300_personal_data.sql: + mail subscriptions)
-- Private (NOT granted to any API role; `python -m partnership remind` calls them over a
-- direct PostgreSQL connection as the database's owner):
--   mail_due, mail_ticket, mail_sent
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'partnership_private' and c.relname = 'mail_subscriptions') then
        raise exception 'migration 20261205003000_mail is already applied (partnership_private.mail_subscriptions exists); nothing was changed';
    end if;
end
$guard$;

create table partnership_private.mail_subscriptions (
    id text primary key check (pg_catalog.length(id) between 1 and 64),
    project_id text not null references partnership_private.projects (id) on delete cascade,
    person_id text not null,
    email text not null check (pg_catalog.length(email) <= 254),
    lang text not null check (lang in ('da', 'en')),
    consented_at timestamptz not null,
    consented_by text not null check (pg_catalog.length(consented_by) <= 200),
    consented_role text not null check (consented_role in ('owner', 'partner')),
    ended_at timestamptz,
    ended_how text check (ended_how in ('link', 'page', 'replaced')),
    seq bigint generated always as identity,
    foreign key (project_id, person_id) references partnership_private.people (project_id, id) on delete cascade
);
create unique index mail_subscriptions_active on partnership_private.mail_subscriptions (project_id, person_id)
    where ended_at is null;

-- One unsubscribe token per mail sent (made by `remind` before it sends).
create table partnership_private.mail_tickets (
    token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    subscription_id text not null references partnership_private.mail_subscriptions (id) on delete cascade,
    created_at timestamptz not null
);
create index mail_tickets_subscription on partnership_private.mail_tickets (subscription_id);

-- What was sent, keyed so that it cannot be sent twice; written only after the SMTP
-- server accepted the mail.
create table partnership_private.mail_sent (
    key text primary key check (pg_catalog.length(key) <= 400),
    subscription_id text not null references partnership_private.mail_subscriptions (id) on delete cascade,
    sent_at timestamptz not null
);
create index mail_sent_subscription on partnership_private.mail_sent (subscription_id);

alter table partnership_private.mail_subscriptions enable row level security;
alter table partnership_private.mail_tickets enable row level security;
alter table partnership_private.mail_sent enable row level security;

-- An e-mail address as the form takes it: one line, one "@", a dot in the domain.
create function partnership_private.mail_address(p_value text)
returns text language plpgsql stable set search_path = '' as $$
declare
    v text := partnership_private.strip(coalesce(p_value, ''));
begin
    if v = '' then
        perform partnership_private.invalid('required', 'an e-mail address is required', pg_catalog.jsonb_build_object('what', 'mail.email'));
    end if;
    if pg_catalog.length(v) > 254 or v !~ '^[^@[:space:][:cntrl:]<>(),;:"\[\]\\]+@[^@[:space:][:cntrl:]<>(),;:"\[\]\\]+\.[^@[:space:][:cntrl:]<>(),;:"\[\]\\.]+$' then
        perform partnership_private.invalid('bad_email', 'not an e-mail address', pg_catalog.jsonb_build_object('what', 'mail.email'));
    end if;
    return v;
end
$$;

create function partnership_private.mail_json(s partnership_private.mail_subscriptions)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'id', s.id, 'person_id', s.person_id, 'email', s.email, 'lang', s.lang,
        'consented_at', partnership_private.iso(s.consented_at), 'consented_by', s.consented_by,
        'consented_role', s.consented_role)
$$;

-- The person a link may sign up or stop: owner any person, partner only partner-side people.
create function partnership_private.mail_person(p_project text, p_role text, p_person text)
returns partnership_private.people language plpgsql stable set search_path = '' as $$
declare
    v partnership_private.people%rowtype;
begin
    perform partnership_private.allow(p_role, array['owner', 'partner']);
    select * into v from partnership_private.people x where x.project_id = p_project and x.id = p_person;
    if not found then
        perform partnership_private.invalid('not_found', 'no such person', '{"what": "person"}');
    end if;
    if p_role = 'partner' and v.side <> 'partner' then
        perform partnership_private.forbidden('forbidden', 'the partner signs up only its own people');
    end if;
    return v;
end
$$;

create function public.ps_mail_subscribe(p_token text, p_project text, p_person text, p_email text, p_lang text,
                                         p_actor text)
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
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.mail_person(v_link.project_id, v_link.role, p_person);
    update partnership_private.mail_subscriptions set ended_at = v_at, ended_how = 'replaced'
    where project_id = v_link.project_id and person_id = p_person and ended_at is null;
    insert into partnership_private.mail_subscriptions (id, project_id, person_id, email, lang, consented_at,
                                                       consented_by, consented_role)
    values (pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_link.project_id, p_person, v_email,
            p_lang, v_at, p_actor, v_link.role)
    returning * into v_new;
    update partnership_private.projects set revision = revision + 1 where id = v_link.project_id;
    return partnership_private.mail_json(v_new);
end
$$;

create function public.ps_mail_stop(p_token text, p_project text, p_person text, p_actor text)
returns boolean language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_ended integer;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.mail_person(v_link.project_id, v_link.role, p_person);
    update partnership_private.mail_subscriptions set ended_at = pg_catalog.clock_timestamp(), ended_how = 'page'
    where project_id = v_link.project_id and person_id = p_person and ended_at is null;
    get diagnostics v_ended = row_count;
    if v_ended > 0 then
        update partnership_private.projects set revision = revision + 1 where id = v_link.project_id;
    end if;
    return v_ended > 0;
end
$$;

-- The active subscriptions a link may see: the owner's every one, the partner's its own
-- side's; the viewer none (Forbidden).
create function public.ps_mail_subscriptions(p_token text, p_project text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    return coalesce((
        select pg_catalog.jsonb_agg(partnership_private.mail_json(s) order by s.consented_at, s.seq)
        from partnership_private.mail_subscriptions s
        join partnership_private.people x on x.project_id = s.project_id and x.id = s.person_id
        where s.project_id = v_link.project_id and s.ended_at is null
          and (v_link.role = 'owner' or x.side = 'partner')), '[]'::jsonb);
end
$$;

-- The unsubscribe link of a mail: no project link needed. Null for an unknown token;
-- otherwise the subscription's language and whether this call ended it (a second click
-- finds it ended already).
create function public.ps_mail_unsubscribe(p_mail_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_sub partnership_private.mail_subscriptions%rowtype;
begin
    if p_mail_token is null or p_mail_token !~ '^[A-Za-z0-9_-]{43}$' then
        return null;
    end if;
    select s.* into v_sub from partnership_private.mail_tickets t
    join partnership_private.mail_subscriptions s on s.id = t.subscription_id
    where t.token_hash = partnership_private.token_hash(p_mail_token)
    for update of s;
    if not found then
        return null;
    end if;
    if v_sub.ended_at is not null then
        return pg_catalog.jsonb_build_object('lang', v_sub.lang, 'ended', false);
    end if;
    update partnership_private.mail_subscriptions set ended_at = pg_catalog.clock_timestamp(), ended_how = 'link'
    where id = v_sub.id;
    update partnership_private.projects set revision = revision + 1 where id = v_sub.project_id;
    return pg_catalog.jsonb_build_object('lang', v_sub.lang, 'ended', true);
end
$$;

-- Erasing a person (REDEFINED from 20261205000300_personal_data.sql) erases their mail
-- subscriptions as well.
create or replace function public.ps_erase_person(p_token text, p_project text, p_id text, p_expected_version integer,
                                       p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.people%rowtype;
    v_new partnership_private.people%rowtype;
    v_at timestamptz := pg_catalog.clock_timestamp();
    v_erased text;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    v_cur := partnership_private.get_person(v_link.project_id, p_id);
    if v_cur.version is distinct from p_expected_version then
        perform partnership_private.conflict(partnership_private.person_content(v_cur), v_cur.version,
                                             v_cur.updated_by, v_cur.updated_at);
    end if;
    update partnership_private.people p set name = '', title = '', contact = '', first_meeting = false,
        working_group = false, version = p.version + 1, updated_by = p_actor, updated_at = v_at
    where p.project_id = v_link.project_id and p.id = p_id
    returning * into v_new;
    v_erased := partnership_private.json_text(partnership_private.person_content(v_new));
    update partnership_private.history h set
        old = case when h.old = '' then '' else v_erased end,
        new = case when h.new = '' then '' else v_erased end
    where h.project_id = v_link.project_id and h.entity = 'person' and h.target = p_id;
    delete from partnership_private.consents c where c.project_id = v_link.project_id and c.person_id = p_id;
    -- their mail subscriptions too: the address, the consent, the tickets and what was sent
    delete from partnership_private.mail_subscriptions m where m.project_id = v_link.project_id and m.person_id = p_id;
    update partnership_private.tasks t set responsible = '', version = t.version + 1, updated_by = p_actor,
        updated_at = v_at
    where t.project_id = v_link.project_id and t.responsible = p_id;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'person', p_id, v_erased, v_erased,
                                    v_new.version, true, v_at);
    return v_new.version;
end
$$;

-- -------------------------------------------------------------------------------------
-- Private: what `remind` sends (across every project; never granted to an API role)
-- -------------------------------------------------------------------------------------

-- Every mail due on p_today (Danish date) with a window of p_days, not sent before:
--   due      a task the subscriber is responsible for (not a joint follow-up meeting; an
--            internal one only to the association's people), not done, due from today
--            to today + p_days;                               key <sub>:due:<task>:<date>
--   meeting  a joint follow-up meeting, not done, on a day in that window, to every
--            subscriber of the project;                       key <sub>:meeting:<task>:<date>
--   approved / reopened  the other side approved or reopened the agreement after the
--            subscriber opted in;                             key <sub>:notice:<history id>
create function partnership_private.mail_due(p_today date, p_days integer)
returns jsonb language sql stable set search_path = '' as $$
    with subs as (
        select s.*, x.name as person_name, x.side as person_side, p.title, p.our_org, p.partner_org
        from partnership_private.mail_subscriptions s
        join partnership_private.people x on x.project_id = s.project_id and x.id = s.person_id
        join partnership_private.projects p on p.id = s.project_id
        where s.ended_at is null
    ), items as (
        select s.id as sub, s.id || ':due:' || t.id || ':' || partnership_private.iso_date(t.due) as key,
               'due' as kind, t.title as what, partnership_private.iso_date(t.due) as day, '' as actor,
               '' as side, false as signed, t.note as note, t.seq as ord
        from subs s join partnership_private.tasks t on t.project_id = s.project_id and t.responsible = s.person_id
        where t.status <> 'done' and t.due between p_today and p_today + p_days
          and (t.kind <> 'follow_up' or t.internal)
          and (not t.internal or s.person_side = 'association')  -- internal work stays the association's
        union all
        select s.id, s.id || ':meeting:' || t.id || ':' || partnership_private.iso_date(coalesce(t.due, t.start)),
               'meeting', t.title, partnership_private.iso_date(coalesce(t.due, t.start)), '', '', false, t.note, t.seq
        from subs s join partnership_private.tasks t on t.project_id = s.project_id
        where t.kind = 'follow_up' and not t.internal and t.status <> 'done'
          and coalesce(t.due, t.start) between p_today and p_today + p_days
        union all
        select s.id, s.id || ':notice:' || h.id,
               case when h.entity = 'approval' then 'approved' else 'reopened' end, '',
               partnership_private.iso_date((h.at at time zone 'Europe/Copenhagen')::date), h.actor,
               partnership_private.side_of(h.role),
               h.entity = 'approval' and exists (select 1 from partnership_private.agreement_versions v
                                                 where v.project_id = h.project_id and v.signed_at = h.at),
               '', h.id
        from subs s join partnership_private.history h on h.project_id = s.project_id
        where ((h.entity = 'approval' and h.old = '') or (h.entity = 'agreement' and h.target = 'reopen'))
          and h.at > s.consented_at and partnership_private.side_of(h.role) <> s.person_side
    )
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'key', i.key, 'subscription', s.id, 'email', s.email, 'lang', s.lang, 'person', s.person_name,
        'person_side', s.person_side, 'project', s.title, 'our_org', s.our_org, 'partner_org', s.partner_org,
        'kind', i.kind, 'what', i.what, 'day', i.day, 'actor', i.actor, 'side', i.side, 'signed', i.signed,
        'note', i.note) order by s.seq, i.day, i.ord), '[]'::jsonb)
    from items i join subs s on s.id = i.sub
    where not exists (select 1 from partnership_private.mail_sent m where m.key = i.key)
$$;

-- An unsubscribe token for a mail about to be sent (a token nobody received is harmless).
create function partnership_private.mail_ticket(p_subscription text, p_hash text)
returns void language sql set search_path = '' as $$
    insert into partnership_private.mail_tickets (token_hash, subscription_id, created_at)
    values (p_hash, p_subscription, pg_catalog.clock_timestamp())
$$;

-- The SMTP server accepted the mail: never again. False if it was recorded already.
create function partnership_private.mail_sent(p_key text, p_subscription text)
returns boolean language plpgsql set search_path = '' as $$
declare
    v_count integer;
begin
    insert into partnership_private.mail_sent (key, subscription_id, sent_at)
    values (p_key, p_subscription, pg_catalog.clock_timestamp()) on conflict (key) do nothing;
    get diagnostics v_count = row_count;
    return v_count > 0;
end
$$;

revoke all on table partnership_private.mail_subscriptions, partnership_private.mail_tickets,
    partnership_private.mail_sent from public, anon, authenticated, service_role;
revoke all on sequence partnership_private.mail_subscriptions_seq_seq from public, anon, authenticated, service_role;
-- (20261205000300_personal_data left its sequence's privileges implicit; the init file's
-- "revoke ... on all sequences", run again, would make them explicit: make them so now.)
revoke all on sequence partnership_private.consents_id_seq from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_address(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_json(partnership_private.mail_subscriptions) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_person(text, text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_due(date, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_ticket(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_sent(text, text) from public, anon, authenticated, service_role;

revoke all on function public.ps_mail_subscribe(text, text, text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_mail_stop(text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_mail_subscriptions(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_mail_unsubscribe(text) from public, anon, authenticated, service_role;
revoke all on function public.ps_erase_person(text, text, text, integer, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_erase_person(text, text, text, integer, text) to anon;
grant execute on function public.ps_mail_subscribe(text, text, text, text, text, text) to anon;
grant execute on function public.ps_mail_stop(text, text, text, text) to anon;
grant execute on function public.ps_mail_subscriptions(text, text) to anon;
grant execute on function public.ps_mail_unsubscribe(text) to anon;
