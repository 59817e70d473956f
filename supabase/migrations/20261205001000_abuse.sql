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
