-- Abuse (issue 23): what one caller of the public API may cost everybody else.
--
--   creations      (NEW table) one row per new project: who asked (caller) and from where (source)
--   request_header, request_caller, request_source (NEW, private)
--   on_new_project (REDEFINED from 20261130000400_limits.sql: buckets per caller and per
--                   source before the global ceiling)
--
-- Creating projects. Before, one limit held for the whole database (30 new projects a
-- minute), so 35 calls with the public anon key refused creation to every user. Now a new
-- project (created, imported or the example) must fit three buckets, checked in order:
--
--   per caller   create_per_caller (10) per create_caller_window_s (600 s). The caller is
--                the SHA-256 of the source (below) and of the caller key the app sends in
--                the request header x-ps-caller (partnership/store/rpc.py: a hash of the
--                client address the app's pages see). The pages stop a browser at 5 first
--                (partnership/limits.py), so the database's bucket is met only by callers
--                that bypass the pages (another replica, a direct API call).
--   per source   create_per_source (60) per minute. The source is the network address the
--                Data API saw, taken from the header cf-connecting-ip (Cloudflare, in front
--                of Supabase's API, sets it and overwrites what a client sends); '' where
--                there is none (the embedded engine, a direct connection: only the app
--                connects there). A caller may invent any x-ps-caller, but not its address:
--                this bucket is what holds against a leaked anon key on Supabase, and the
--                app server (one address for all its users) keeps its own bucket.
--   everybody    create_per_minute (now 600): a ceiling for a spread-out attack (many
--                addresses); such an attack can still close creation for a minute.
--
-- The caller and source are kept only as hashes, for create_caller_window_s.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'partnership_private' and c.relname = 'creations') then
        raise exception 'migration 20261205001000_abuse is already applied (table partnership_private.creations exists); nothing was changed';
    end if;
end
$guard$;

create table partnership_private.creations (
    id bigint generated always as identity primary key,
    caller text not null,
    source text not null,
    at timestamptz not null default pg_catalog.clock_timestamp()
);
create index creations_caller on partnership_private.creations (caller, at);
create index creations_source on partnership_private.creations (source, at);
create index creations_at on partnership_private.creations (at);
alter table partnership_private.creations enable row level security;
revoke all on partnership_private.creations from public, anon, authenticated, service_role;
revoke all on sequence partnership_private.creations_id_seq from public, anon, authenticated, service_role;

insert into partnership_private.limit_settings (name, value) values
    ('create_per_caller', 10), ('create_caller_window_s', 600), ('create_per_source', 60)
on conflict (name) do nothing;
update partnership_private.limit_settings set value = 600 where name = 'create_per_minute' and value = 30;

-- One request header as PostgREST passes it (request.headers, JSON with lower-case names);
-- null when there is none or the setting is not JSON.
create function partnership_private.request_header(p_name text)
returns text language plpgsql stable set search_path = '' as $$
declare
    v_headers text := pg_catalog.current_setting('request.headers', true);
begin
    if coalesce(v_headers, '') = '' then
        return null;
    end if;
    return nullif(pg_catalog.btrim(v_headers::jsonb ->> p_name), '');
exception when others then
    return null;
end
$$;

create function partnership_private.request_source()
returns text language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.left(partnership_private.request_header('cf-connecting-ip'), 64), '')
$$;

create function partnership_private.request_caller()
returns text language sql stable set search_path = '' as $$
    select pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
        partnership_private.request_source() || '|'
        || coalesce(pg_catalog.left(partnership_private.request_header('x-ps-caller'), 128), ''), 'UTF8')), 'hex')
$$;

create or replace function partnership_private.on_new_project()
returns trigger language plpgsql set search_path = '' as $$
declare
    v_cutoff timestamptz := pg_catalog.clock_timestamp()
                            - pg_catalog.make_interval(days => partnership_private.limit_of('abandoned_after_days')::integer);
    v_window interval := pg_catalog.make_interval(
                            secs => partnership_private.limit_of('create_caller_window_s')::double precision);
    v_source text := partnership_private.request_source();
    v_source_hash text := case when v_source = '' then ''
                               else pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(v_source, 'UTF8')), 'hex') end;
    v_caller text := partnership_private.request_caller();
begin
    -- One creation at a time decides on the rates, so parallel calls cannot slip past them.
    perform pg_catalog.pg_advisory_xact_lock(7130400);
    delete from partnership_private.creations c
    where c.at < pg_catalog.clock_timestamp() - greatest(v_window, interval '1 minute');
    if (select pg_catalog.count(*) from partnership_private.creations c
        where c.caller = v_caller and c.at > pg_catalog.clock_timestamp() - v_window)
            >= partnership_private.limit_of('create_per_caller') then
        perform partnership_private.invalid('rate_limited', 'too many new projects from this caller', '{}');
    end if;
    if v_source <> '' and (select pg_catalog.count(*) from partnership_private.creations c
        where c.source = v_source_hash and c.at > pg_catalog.clock_timestamp() - interval '1 minute')
            >= partnership_private.limit_of('create_per_source') then
        perform partnership_private.invalid('rate_limited', 'too many new projects from this address', '{}');
    end if;
    if (select pg_catalog.count(*) from partnership_private.links l
        where l.role = 'owner' and l.created_at > pg_catalog.clock_timestamp() - interval '1 minute')
            >= partnership_private.limit_of('create_per_minute') then
        perform partnership_private.invalid('rate_limited', 'too many new projects in the last minute', '{}');
    end if;
    insert into partnership_private.creations (caller, source) values (v_caller, v_source_hash);
    delete from partnership_private.projects p
    where p.id in (
        select q.id from partnership_private.projects q
        where q.revision = 1 and q.created_at < v_cutoff
          and not exists (select 1 from partnership_private.fields x where x.project_id = q.id)
          and not exists (select 1 from partnership_private.candidates x where x.project_id = q.id)
          and not exists (select 1 from partnership_private.people x where x.project_id = q.id)
          and not exists (select 1 from partnership_private.tasks x where x.project_id = q.id)
          and not exists (select 1 from partnership_private.history x where x.project_id = q.id)
          and not exists (select 1 from partnership_private.links x where x.project_id = q.id
                          and x.created_at >= v_cutoff)
        limit partnership_private.limit_of('abandoned_sweep'));
    return new;
end
$$;

revoke all on function partnership_private.request_header(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.request_source() from public, anon, authenticated, service_role;
revoke all on function partnership_private.request_caller() from public, anon, authenticated, service_role;
revoke all on function partnership_private.on_new_project() from public, anon, authenticated, service_role;

-- -------------------------------------------------------------------------------------
-- Presence (issue 23): nobody learns another session's id, nobody speaks for a session of
-- another link, the batched call masks internal keys, and one call cannot invent crowds.
--
--   presence_key  (NEW, private) sha256(token hash || ':' || session id): the id a session
--                 has in presence (and base.presence_id in Python). A session is stored and
--                 shown under it, never under the id the page holds; the same session id
--                 sent with another link is another person, so a viewer cannot turn the
--                 owner into a viewer, and the id one reader sees cannot be sent back.
--   ps_heartbeat  (REDEFINED from 20261130000200_safety.sql)
--   ps_heartbeats (REDEFINED from 20261130000300_live_push.sql): editing masked per
--                 reader's role (partnership_private.editing_visible_to), as ps_heartbeat.
--
-- Limits: presence_per_call (64) beats per project in one ps_heartbeats call (the rest are
-- ignored), presence_per_project (100) sessions seen in the last minute per project and
-- role (a new session beyond is not recorded, those already there go on; a flood sent with
-- the viewer's link fills only the viewers' share).
-- -------------------------------------------------------------------------------------

insert into partnership_private.limit_settings (name, value) values
    ('presence_per_call', 64), ('presence_per_project', 100)
on conflict (name) do nothing;

create function partnership_private.presence_key(p_token text, p_session_id text)
returns text language sql immutable set search_path = '' as $$
    select pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
        partnership_private.token_hash(p_token) || ':' || p_session_id, 'UTF8')), 'hex')
$$;

-- Record one session's beat unless the project is full of other sessions of its role already.
create function partnership_private.presence_beat(p_project text, p_key text, p_name text, p_role text,
                                                  p_editing text, p_now double precision)
returns void language plpgsql set search_path = '' as $$
begin
    if not exists (select 1 from partnership_private.presence x where x.project_id = p_project and x.session_id = p_key)
       and (select pg_catalog.count(*) from partnership_private.presence x
            where x.project_id = p_project and x.role = p_role and x.seen >= p_now - 60)
           >= partnership_private.limit_of('presence_per_project') then
        return;
    end if;
    insert into partnership_private.presence as x (project_id, session_id, name, role, editing, seen)
    values (p_project, p_key, p_name, p_role, p_editing, p_now)
    on conflict (project_id, session_id) do update
        set name = excluded.name, role = excluded.role, editing = excluded.editing, seen = excluded.seen;
end
$$;

create or replace function public.ps_heartbeat(p_token text, p_project text, p_session_id text, p_name text,
                                               p_editing text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_now double precision := extract(epoch from pg_catalog.clock_timestamp());
    v_key text;
begin
    perform partnership_private.check_text(p_session_id, 'session', 64, true);
    perform partnership_private.check_text(p_name, 'name', 200, false);
    perform partnership_private.check_text(p_editing, 'editing', 64, false);
    select * into v_link from partnership_private.link(p_token, p_project, false);
    v_key := partnership_private.presence_key(p_token, p_session_id);
    perform partnership_private.presence_beat(v_link.project_id, v_key, p_name, v_link.role, p_editing, v_now);
    -- Forget sessions gone for a minute (any project); rows another heartbeat holds are left for later.
    delete from partnership_private.presence x
    where x.ctid in (select y.ctid from partnership_private.presence y where y.seen < v_now - 60 for update skip locked);
    return pg_catalog.jsonb_build_object(
        'revision', (select p.revision from partnership_private.projects p where p.id = v_link.project_id),
        'others', coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'session_id', x.session_id, 'name', x.name, 'role', x.role,
                'editing', partnership_private.editing_visible_to(v_link.role, x.editing))
                order by x.name collate "C", x.session_id collate "C")
            from partnership_private.presence x
            where x.project_id = v_link.project_id and x.session_id <> v_key and x.seen >= v_now - 15),
            '[]'::jsonb));
end
$$;

-- p_beats: [{"token", "session_id", "name", "editing"}, ...]. Writes only presence (no
-- revision bump, no history), as ps_heartbeat does.
create or replace function public.ps_heartbeats(p_beats jsonb)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_now double precision := extract(epoch from pg_catalog.clock_timestamp());
    v_per_call bigint := partnership_private.limit_of('presence_per_call');
    v_beat jsonb;
    v_token text;
    v_session text;
    v_name text;
    v_editing text;
    v_link record;
    v_readers jsonb := '{}'::jsonb;   -- token -> {"p": project, "r": role}
    v_counts jsonb := '{}'::jsonb;    -- project -> beats taken in this call
begin
    if p_beats is null or pg_catalog.jsonb_typeof(p_beats) <> 'array' then
        return '{}'::jsonb;
    end if;
    for v_beat in select b.value from pg_catalog.jsonb_array_elements(p_beats) with ordinality as b(value, n)
                  where b.n <= 1000 order by b.n loop
        continue when pg_catalog.jsonb_typeof(v_beat) <> 'object';
        v_token := v_beat ->> 'token';
        v_session := v_beat ->> 'session_id';
        v_name := coalesce(v_beat ->> 'name', '');
        v_editing := coalesce(v_beat ->> 'editing', '');
        continue when v_token is null or v_token !~ '^[A-Za-z0-9_-]{43}$'
            or v_session is null or pg_catalog.length(pg_catalog.btrim(v_session)) = 0
            or pg_catalog.length(v_session) > 64 or pg_catalog.length(v_name) > 200
            or pg_catalog.length(v_editing) > 64;
        select l.project_id, l.role into v_link
        from partnership_private.links l
        where l.token_hash = partnership_private.token_hash(v_token) and l.revoked_at is null;
        continue when not found;
        v_readers := v_readers || pg_catalog.jsonb_build_object(
            v_token, pg_catalog.jsonb_build_object('p', v_link.project_id, 'r', v_link.role));
        continue when coalesce((v_counts ->> v_link.project_id)::bigint, 0) >= v_per_call;
        v_counts := v_counts || pg_catalog.jsonb_build_object(
            v_link.project_id, coalesce((v_counts ->> v_link.project_id)::bigint, 0) + 1);
        perform partnership_private.presence_beat(v_link.project_id, partnership_private.presence_key(v_token, v_session),
                                                  v_name, v_link.role, v_editing, v_now);
    end loop;
    -- Forget sessions gone for a minute (any project); rows another heartbeat holds are left for later.
    delete from partnership_private.presence x
    where x.ctid in (select y.ctid from partnership_private.presence y where y.seen < v_now - 60 for update skip locked);
    return coalesce((
        select pg_catalog.jsonb_object_agg(t.key, coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'session_id', x.session_id, 'name', x.name, 'role', x.role,
                -- issue 23: which internal field the owner edits is not the partner's business here either
                'editing', partnership_private.editing_visible_to(t.value ->> 'r', x.editing))
                order by x.name collate "C", x.session_id collate "C")
            from partnership_private.presence x
            where x.project_id = t.value ->> 'p' and x.seen >= v_now - 15), '[]'::jsonb))
        from pg_catalog.jsonb_each(v_readers) t), '{}'::jsonb);
end
$$;

revoke all on function partnership_private.presence_key(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.presence_beat(text, text, text, text, text, double precision)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_heartbeat(text, text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_heartbeats(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.ps_heartbeat(text, text, text, text, text) to anon;
grant execute on function public.ps_heartbeats(jsonb) to anon;

-- -------------------------------------------------------------------------------------
-- Imports obey the history cap (issue 23): an import kept every entry of the file (40,000
-- where 5,000 are kept) until the next prune, and the per-row prune made a big import run
-- into the statement timeout. Now only the newest history_keep entries within
-- history_keep_chars characters of the file are written (the file lists them oldest
-- first, so the newest are its last; the app's "import" entry is the very last).
--
--   newest_history    (NEW, private)
--   prune_history     (REDEFINED from 20261130000400_limits.sql: not while an import writes)
--   ps_import_project (REDEFINED from 20261130000200_safety.sql)
-- -------------------------------------------------------------------------------------

create function partnership_private.newest_history(p_history jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_keep bigint := partnership_private.limit_of('history_keep');
    v_chars bigint := partnership_private.limit_of('history_keep_chars');
begin
    return (
        select coalesce(pg_catalog.jsonb_agg(h.j order by h.n), '[]'::jsonb)
        from (select e.j, e.n,
                     pg_catalog.row_number() over w as k,
                     pg_catalog.sum(pg_catalog.length(coalesce(e.j ->> 'old', ''))
                                    + pg_catalog.length(coalesce(e.j ->> 'new', ''))) over w as size
              from pg_catalog.jsonb_array_elements(p_history) with ordinality as e (j, n)
              window w as (order by e.n desc)) h
        where h.k <= v_keep and h.size <= v_chars);
end
$$;

-- The prune at every 50th entry went over the whole project's history each time: 100 times
-- for an import of 5,000 entries (about 10 s on a busy machine, 0.9 s without). An import
-- writes only what the cap keeps (newest_history), so it needs no prune while it writes.
create or replace function partnership_private.prune_history()
returns trigger language plpgsql set search_path = '' as $$
declare
    v_newest_dropped bigint;
begin
    if pg_catalog.current_setting('partnership.importing', true) = 'on' then
        return null;
    end if;
    select h.id into v_newest_dropped
    from (select x.id,
                 pg_catalog.count(*) over w as n,
                 pg_catalog.sum(pg_catalog.length(x.old) + pg_catalog.length(x.new)) over w as size
          from partnership_private.history x where x.project_id = new.project_id
          window w as (order by x.id desc)) h
    where h.n > partnership_private.limit_of('history_keep')
       or h.size > partnership_private.limit_of('history_keep_chars')
    order by h.id desc limit 1;
    if v_newest_dropped is not null then
        delete from partnership_private.history x where x.project_id = new.project_id and x.id <= v_newest_dropped;
    end if;
    return null;
end
$$;

create or replace function public.ps_import_project(p_data jsonb, p_creator text, p_owner_token text, p_partner_token text,
                                                    p_viewer_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_answer jsonb;
begin
    if p_data is not null and pg_catalog.jsonb_typeof(p_data) = 'object' then
        p_data := p_data - 'approvals' - 'signed_versions';
        if pg_catalog.jsonb_typeof(p_data -> 'project') = 'object' then
            p_data := pg_catalog.jsonb_set(p_data, '{project}', (p_data -> 'project') - 'signed_at' - 'signed_hash');
        end if;
        if pg_catalog.jsonb_typeof(p_data -> 'history') = 'array' then
            p_data := pg_catalog.jsonb_set(p_data, '{history}', partnership_private.newest_history(p_data -> 'history'));
        end if;
    end if;
    perform pg_catalog.set_config('partnership.importing', 'on', true);
    v_answer := partnership_private.import_project_as_sent(p_data, p_creator, p_owner_token, p_partner_token,
                                                           p_viewer_token);
    perform pg_catalog.set_config('partnership.importing', '', true);
    return v_answer;
end
$$;

revoke all on function partnership_private.prune_history() from public, anon, authenticated, service_role;
revoke all on function partnership_private.newest_history(jsonb) from public, anon, authenticated, service_role;
revoke all on function public.ps_import_project(jsonb, text, text, text, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_import_project(jsonb, text, text, text, text) to anon;
