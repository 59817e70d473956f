-- Limits that keep a big project, or someone abusing the API, from costing unbounded work.
-- The same numbers as partnership/limits.py (the SQLite adapter enforces them in Python);
-- keep the two equal (the defaults in partnership_private.limit_settings below). No ps_* function is redefined: everything here is a trigger, so it
-- holds for every function that writes these tables, now and later.
--
--   record caps        a project holds at most 5,000 tasks, 500 people, 200 candidates and
--                      500 health checks; an insert beyond is refused with
--                      PT422 {"code": "record_cap", "what": "cap.<table>", "limit": n}.
--   creation rate      at most 30 new projects (created or imported) per minute in the whole
--                      database; beyond: PT422 {"code": "rate_limited"}.
--   abandoned projects a project with no field, candidate, person, task or history entry whose
--                      newest link is more than 30 days old is removed when a project is
--                      created (at most 100 per creation).
--   history            at most 5,000 entries and 25,000,000 characters of old and new text are
--                      kept per project; older entries are pruned every 50th entry.

-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'partnership_private' and c.relname = 'limit_settings') then
        raise exception 'migration 20261130000400_limits is already applied (table partnership_private.limit_settings exists); nothing was changed';
    end if;
end
$guard$;

-- The numbers, as data: an operator (or a test, in a database of its own) may change them
-- with an UPDATE as the database owner. Nobody else can read or write the table.
create table partnership_private.limit_settings (
    name text primary key,
    value bigint not null check (value >= 0)
);
alter table partnership_private.limit_settings enable row level security;
revoke all on partnership_private.limit_settings from public, anon, authenticated, service_role;
insert into partnership_private.limit_settings (name, value) values
    ('tasks', 5000), ('people', 500), ('candidates', 200), ('health_checks', 500),
    ('create_per_minute', 30), ('abandoned_after_days', 30), ('abandoned_sweep', 100),
    ('history_keep', 5000), ('history_keep_chars', 25000000)
on conflict (name) do nothing;

create function partnership_private.limit_of(p_name text)
returns bigint language sql stable set search_path = '' as $$
    select s.value from partnership_private.limit_settings s where s.name = p_name
$$;

create index if not exists links_created on partnership_private.links (created_at);
create index if not exists projects_untouched on partnership_private.projects (created_at) where revision = 1;

-- -------------------------------------------------------------------------------------
-- Record caps: one statement-level check per insert statement (bulk imports included).
-- -------------------------------------------------------------------------------------

create function partnership_private.cap_records()
returns trigger language plpgsql set search_path = '' as $$
declare
    v_limit bigint := partnership_private.limit_of(tg_table_name);
    v_over text;
begin
    execute pg_catalog.format(
        'select a.project_id from (select distinct project_id from added) a'
        ' where (select pg_catalog.count(*) from partnership_private.%I t where t.project_id = a.project_id) > $1'
        ' limit 1', tg_table_name)
    into v_over using v_limit;
    if v_over is not null then
        perform partnership_private.invalid('record_cap', pg_catalog.format('more than %s %s', v_limit, tg_table_name),
                                            pg_catalog.jsonb_build_object('what', 'cap.' || tg_table_name,
                                                                          'limit', v_limit));
    end if;
    return null;
end
$$;

create trigger cap_tasks after insert on partnership_private.tasks
    referencing new table as added for each statement execute function partnership_private.cap_records();
create trigger cap_people after insert on partnership_private.people
    referencing new table as added for each statement execute function partnership_private.cap_records();
create trigger cap_candidates after insert on partnership_private.candidates
    referencing new table as added for each statement execute function partnership_private.cap_records();
create trigger cap_health_checks after insert on partnership_private.health_checks
    referencing new table as added for each statement execute function partnership_private.cap_records();

-- -------------------------------------------------------------------------------------
-- New projects: a global rate, and the sweep of abandoned empty projects.
-- -------------------------------------------------------------------------------------

create function partnership_private.on_new_project()
returns trigger language plpgsql set search_path = '' as $$
declare
    v_cutoff timestamptz := pg_catalog.clock_timestamp()
                            - pg_catalog.make_interval(days => partnership_private.limit_of('abandoned_after_days')::integer);
begin
    -- One creation at a time decides on the rate, so parallel calls cannot slip past it.
    perform pg_catalog.pg_advisory_xact_lock(7130400);
    if (select pg_catalog.count(*) from partnership_private.links l
        where l.role = 'owner' and l.created_at > pg_catalog.clock_timestamp() - interval '1 minute')
            >= partnership_private.limit_of('create_per_minute') then
        perform partnership_private.invalid('rate_limited', 'too many new projects in the last minute', '{}');
    end if;
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

create trigger new_project before insert on partnership_private.projects
    for each row execute function partnership_private.on_new_project();

-- -------------------------------------------------------------------------------------
-- History: keep the newest 5,000 entries and 25,000,000 characters per project.
-- -------------------------------------------------------------------------------------

create function partnership_private.prune_history()
returns trigger language plpgsql set search_path = '' as $$
declare
    v_newest_dropped bigint;
begin
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

create trigger prune_history after insert on partnership_private.history
    for each row when (new.id % 50 = 0) execute function partnership_private.prune_history();

revoke all on function partnership_private.limit_of(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.cap_records() from public, anon, authenticated, service_role;
revoke all on function partnership_private.on_new_project() from public, anon, authenticated, service_role;
revoke all on function partnership_private.prune_history() from public, anon, authenticated, service_role;
