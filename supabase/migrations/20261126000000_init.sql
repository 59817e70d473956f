-- Partnerskabsværktøjet: the Supabase backend (partnership/store/supabase.py).
--
-- Layout
--   partnership_private  tables and helper functions. Not exposed by the Data API; RLS on
--                        every table, no privileges for anon, authenticated or service_role.
--   public.ps_*          one SECURITY DEFINER function per Store method, the only way in.
--                        Each takes the link token (never its hash), checks its SHA-256
--                        against partnership_private.links and the link's role, validates
--                        its input, does compare-and-set, bumps the project's revision
--                        and appends history in the same transaction. EXECUTE is revoked
--                        from everyone and granted back to anon only.
--
-- The rules mirror partnership/store/sqlite.py (the reference implementation); the
-- contract suite tests/store/contract.py runs against both.
--
-- Errors: RAISE with these SQLSTATEs; PostgREST answers with the HTTP status in the
-- code, and the adapter maps the code to partnership.errors. DETAIL is always JSON.
--   PT404  InvalidLink       {"code": "invalid_link"}
--   PT403  Forbidden         {"code": "forbidden" | "signed"}
--   PT409  Conflict          {"value": ..., "version": n, "updated_by": "...", "updated_at": "..."|null}
--   PT422  ValidationError   {"code": "...", "what": "...", ...message parameters}
--
-- search_path: every function has `set search_path = ''` and names everything with its
-- schema, except the small per-row SQL helpers that turn a timestamp or a row into
-- JSON (iso, iso_date, *_json, *_content). A SET clause stops PostgreSQL from inlining
-- a SQL function, which made a snapshot of a big project five times slower. Those
-- helpers only use schema-qualified names, nobody but the owner may execute them, and
-- they run inside the ps_* functions, whose search_path is ''.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_namespace where nspname = 'partnership_private') then
        raise exception 'migration 20261126000000_init is already applied (schema partnership_private exists); nothing was changed';
    end if;
end
$guard$;

create schema partnership_private;
comment on schema partnership_private is
    'Partnerskabsværktøjet: tables and helpers. Never exposed through the Data API; reached only through public.ps_* functions.';
revoke all on schema partnership_private from public;

-- -------------------------------------------------------------------------------------
-- Tables
-- -------------------------------------------------------------------------------------

-- The field catalogue (partnership/steps.py FIELDS): key and whether it is internal.
create table partnership_private.field_catalog (
    key text primary key,
    step smallint not null,
    internal boolean not null
);
insert into partnership_private.field_catalog (key, step, internal) values
    ('s1_vision_fit', 1, true), ('s1_partner_help', 1, true), ('s1_our_offer', 1, true), ('s1_idea', 1, true),
    ('s3_email', 3, true), ('s3_plan_b', 3, true),
    ('s4_vision', 4, false), ('s4_objectives', 4, false), ('s4_how', 4, false), ('s4_funding', 4, false),
    ('s5_follow_up', 5, false), ('s5_term', 5, false);

-- Python's str.casefold() per character (for duplicate candidate names), filled at the end.
create table partnership_private.casefold_map (
    ch text primary key,
    folded text not null
);

create table partnership_private.projects (
    id text primary key,
    title text not null check (pg_catalog.length(title) <= 200),
    our_org text not null check (pg_catalog.length(our_org) <= 200),
    partner_org text not null default '' check (pg_catalog.length(partner_org) <= 200),
    website text not null default '' check (pg_catalog.length(website) <= 200),
    created_by text not null check (pg_catalog.length(created_by) <= 200),
    created_at timestamptz not null,
    version integer not null default 1,
    revision bigint not null default 1,
    signed_at timestamptz,
    signed_hash text not null default '' check (pg_catalog.length(signed_hash) <= 200)
);

create table partnership_private.links (
    token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    project_id text not null references partnership_private.projects (id) on delete cascade,
    role text not null check (role in ('owner', 'partner', 'viewer')),
    created_at timestamptz not null,
    revoked_at timestamptz
);
create index links_project on partnership_private.links (project_id, role);

create table partnership_private.fields (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    key text not null references partnership_private.field_catalog (key),
    value text not null check (pg_catalog.length(value) <= 20000),
    version integer not null,
    updated_by text not null check (pg_catalog.length(updated_by) <= 200),
    updated_at timestamptz not null,
    primary key (project_id, key)
);

create table partnership_private.candidates (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    name text not null check (pg_catalog.length(name) <= 200),
    name_norm text not null,
    position integer not null,
    status text not null default 'active' check (status in ('active', 'set_aside', 'refused')),
    resources integer check (resources between 1 and 5),
    competences integer check (competences between 1 and 5),
    "values" integer check ("values" between 1 and 5),
    fit integer check (fit between 1 and 5),
    note text not null default '' check (pg_catalog.length(note) <= 20000),
    priority integer check (priority between 1 and 3),
    version integer not null default 1,
    updated_by text not null check (pg_catalog.length(updated_by) <= 200),
    updated_at timestamptz not null,
    seq bigint generated always as identity,
    primary key (project_id, id),
    unique (project_id, name_norm)
);

create table partnership_private.people (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    name text not null check (pg_catalog.length(name) <= 200),
    side text not null check (side in ('association', 'partner')),
    title text not null default '' check (pg_catalog.length(title) <= 200),
    contact text not null default '' check (pg_catalog.length(contact) <= 200),
    first_meeting boolean not null default false,
    working_group boolean not null default false,
    version integer not null default 1,
    updated_by text not null check (pg_catalog.length(updated_by) <= 200),
    updated_at timestamptz not null,
    seq bigint generated always as identity,
    primary key (project_id, id)
);

create table partnership_private.tasks (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    title text not null check (pg_catalog.length(title) <= 200),
    kind text not null default 'task' check (kind in ('activity', 'task', 'follow_up', 'milestone')),
    responsible text not null default '' check (pg_catalog.length(responsible) <= 64),
    side text not null default 'association' check (side in ('association', 'partner')),
    start date,
    due date,
    status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'blocked')),
    note text not null default '' check (pg_catalog.length(note) <= 20000),
    internal boolean not null default false,
    version integer not null default 1,
    updated_by text not null check (pg_catalog.length(updated_by) <= 200),
    updated_at timestamptz not null,
    seq bigint generated always as identity,
    primary key (project_id, id)
);

create table partnership_private.approvals (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    side text not null check (side in ('association', 'partner')),
    name text not null check (pg_catalog.length(name) <= 200),
    content_hash text not null check (pg_catalog.length(content_hash) <= 200),
    approved_at timestamptz not null,
    seq bigint generated always as identity,
    primary key (project_id, id)
);

create table partnership_private.agreement_versions (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    content_hash text not null check (pg_catalog.length(content_hash) <= 200),
    markdown text not null check (pg_catalog.length(markdown) <= 1000000),
    signed_at timestamptz not null,
    seq bigint generated always as identity,
    primary key (project_id, id)
);

create table partnership_private.health_checks (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    side text not null check (side in ('association', 'partner')),
    name text not null check (pg_catalog.length(name) <= 200),
    at timestamptz not null,
    -- [[statement, rating, comment], ...] in the order answered (a JSON array keeps order)
    answers jsonb not null check (pg_catalog.jsonb_typeof(answers) = 'array'),
    seq bigint generated always as identity,
    primary key (project_id, id)
);

create table partnership_private.history (
    id bigint generated always as identity primary key,
    project_id text not null references partnership_private.projects (id) on delete cascade,
    entity text not null check (pg_catalog.length(entity) <= 64),
    target text not null check (pg_catalog.length(target) <= 200),
    actor text not null check (pg_catalog.length(actor) <= 200),
    role text not null check (role in ('owner', 'partner', 'viewer')),
    at timestamptz not null,
    old text not null check (pg_catalog.length(old) <= 100000),
    new text not null check (pg_catalog.length(new) <= 100000),
    version integer not null,
    joint boolean not null
);
create index history_project on partnership_private.history (project_id, id);

create table partnership_private.presence (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    session_id text not null check (pg_catalog.length(session_id) <= 64),
    name text not null check (pg_catalog.length(name) <= 200),
    role text not null check (role in ('owner', 'partner', 'viewer')),
    editing text not null default '' check (pg_catalog.length(editing) <= 64),
    seen double precision not null,
    primary key (project_id, session_id)
);
create index presence_seen on partnership_private.presence (seen);

alter table partnership_private.field_catalog enable row level security;
alter table partnership_private.casefold_map enable row level security;
alter table partnership_private.projects enable row level security;
alter table partnership_private.links enable row level security;
alter table partnership_private.fields enable row level security;
alter table partnership_private.candidates enable row level security;
alter table partnership_private.people enable row level security;
alter table partnership_private.tasks enable row level security;
alter table partnership_private.approvals enable row level security;
alter table partnership_private.agreement_versions enable row level security;
alter table partnership_private.health_checks enable row level security;
alter table partnership_private.history enable row level security;
alter table partnership_private.presence enable row level security;

-- -------------------------------------------------------------------------------------
-- Errors
-- -------------------------------------------------------------------------------------

create function partnership_private.err(p_state text, p_message text, p_detail jsonb)
returns void language plpgsql set search_path = '' as $$
begin
    raise exception using errcode = p_state, message = p_message, detail = p_detail::text;
end
$$;

create function partnership_private.invalid(p_code text, p_message text, p_params jsonb default '{}')
returns void language plpgsql set search_path = '' as $$
begin
    perform partnership_private.err('PT422', p_message, pg_catalog.jsonb_build_object('code', p_code) || p_params);
end
$$;

create function partnership_private.forbidden(p_code text, p_message text)
returns void language plpgsql set search_path = '' as $$
begin
    perform partnership_private.err('PT403', p_message, pg_catalog.jsonb_build_object('code', p_code));
end
$$;

create function partnership_private.invalid_link(p_message text default 'unknown or revoked link')
returns void language plpgsql set search_path = '' as $$
begin
    perform partnership_private.err('PT404', p_message, '{"code": "invalid_link"}');
end
$$;

create function partnership_private.conflict(p_value jsonb, p_version integer, p_by text, p_at timestamptz)
returns void language plpgsql set search_path = '' as $$
begin
    perform partnership_private.err('PT409', 'conflict', pg_catalog.jsonb_build_object(
        'value', p_value, 'version', p_version, 'updated_by', p_by, 'updated_at', partnership_private.iso(p_at)));
end
$$;

-- -------------------------------------------------------------------------------------
-- Values: formatting and validation (partnership/validation.py)
-- -------------------------------------------------------------------------------------

-- A timestamp as Python's datetime.isoformat() writes it in UTC.
create function partnership_private.iso(p timestamptz)
returns text language sql stable as $$
    select case when p is null then null else
        pg_catalog.to_char(p at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when pg_catalog.to_char(p at time zone 'UTC', 'US') = '000000' then ''
                else '.' || pg_catalog.to_char(p at time zone 'UTC', 'US') end
        || '+00:00' end
$$;

create function partnership_private.iso_date(p date)
returns text language sql stable as $$
    select pg_catalog.to_char(p, 'YYYY-MM-DD')
$$;

-- Python's str.strip(): every character str.isspace() accepts.
create function partnership_private.strip(p text)
returns text language sql immutable set search_path = '' as $$
    select pg_catalog.btrim(p, E' \t\n\u000b\f\r\u001c\u001d\u001e\u001f\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000')
$$;

-- Python's str.casefold().
create function partnership_private.casefold(p text)
returns text language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.string_agg(coalesce(m.folded, c.ch), '' order by c.n), '')
    from pg_catalog.string_to_table(p, null) with ordinality as c (ch, n)
    left join partnership_private.casefold_map m on m.ch = c.ch
$$;

-- JSON text exactly as Python's json.dumps(value, ensure_ascii=False, sort_keys=True).
create function partnership_private.json_text(p jsonb)
returns text language plpgsql immutable set search_path = '' as $$
declare
    v_type text := pg_catalog.jsonb_typeof(p);
begin
    if v_type = 'object' then
        return '{' || coalesce((
            select pg_catalog.string_agg(pg_catalog.to_jsonb(e.key)::text || ': ' || partnership_private.json_text(e.value),
                                         ', ' order by e.key collate "C")
            from pg_catalog.jsonb_each(p) e), '') || '}';
    elsif v_type = 'array' then
        return '[' || coalesce((
            select pg_catalog.string_agg(partnership_private.json_text(e.value), ', ' order by e.n)
            from pg_catalog.jsonb_array_elements(p) with ordinality as e (value, n)), '') || ']';
    end if;
    return p::text;
end
$$;

-- validation.text: text, at most p_limit characters, non-blank if required.
create function partnership_private.check_text(p_value text, p_what text, p_limit integer, p_required boolean)
returns text language plpgsql stable set search_path = '' as $$
begin
    if p_value is null then
        perform partnership_private.invalid('not_text', p_what || ': not text', pg_catalog.jsonb_build_object('what', p_what));
    end if;
    if pg_catalog.length(p_value) > p_limit then
        perform partnership_private.invalid('too_long',
            pg_catalog.format('%s: %s characters, at most %s', p_what, pg_catalog.length(p_value), p_limit),
            pg_catalog.jsonb_build_object('what', p_what, 'limit', p_limit, 'length', pg_catalog.length(p_value)));
    end if;
    if p_required and partnership_private.strip(p_value) = '' then
        perform partnership_private.invalid('required', p_what || ': required', pg_catalog.jsonb_build_object('what', p_what));
    end if;
    return p_value;
end
$$;

-- The same for a JSON value, which must be a string.
create function partnership_private.jtext(p_value jsonb, p_what text, p_limit integer, p_required boolean)
returns text language plpgsql stable set search_path = '' as $$
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'string' then
        perform partnership_private.invalid('not_text', p_what || ': not text', pg_catalog.jsonb_build_object('what', p_what));
    end if;
    return partnership_private.check_text(p_value #>> '{}', p_what, p_limit, p_required);
end
$$;

-- validation.name: required, at most 200 characters, stripped.
create function partnership_private.name(p_value text, p_what text)
returns text language sql stable set search_path = '' as $$
    select partnership_private.strip(partnership_private.check_text(p_value, p_what, 200, true))
$$;

create function partnership_private.jname(p_value jsonb, p_what text)
returns text language sql stable set search_path = '' as $$
    select partnership_private.strip(partnership_private.jtext(p_value, p_what, 200, true))
$$;

create function partnership_private.actor(p_value text)
returns text language sql stable set search_path = '' as $$
    select partnership_private.name(p_value, 'actor')
$$;

-- validation.score: null or a whole number 1-5.
create function partnership_private.score(p_value jsonb, p_what text)
returns integer language plpgsql stable set search_path = '' as $$
begin
    if p_value is null or p_value = 'null'::jsonb then
        return null;
    end if;
    if pg_catalog.jsonb_typeof(p_value) <> 'number' or (p_value #>> '{}') !~ '^-?[0-9]+$'
            or (p_value #>> '{}')::numeric not between 1 and 5 then
        perform partnership_private.invalid('bad_score', p_what || ': must be 1-5', pg_catalog.jsonb_build_object('what', p_what));
    end if;
    return (p_value #>> '{}')::integer;
end
$$;

-- validation.choice: one of the allowed strings.
create function partnership_private.choice(p_value jsonb, p_allowed text[], p_what text)
returns text language plpgsql stable set search_path = '' as $$
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'string' or not ((p_value #>> '{}') = any (p_allowed)) then
        perform partnership_private.invalid('bad_choice',
            pg_catalog.format('%s: %s is not allowed', p_what, coalesce(p_value::text, 'null')),
            pg_catalog.jsonb_build_object('what', p_what));
    end if;
    return p_value #>> '{}';
end
$$;

-- validation.flag: true or false.
create function partnership_private.flag(p_value jsonb, p_what text)
returns boolean language plpgsql stable set search_path = '' as $$
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'boolean' then
        perform partnership_private.invalid('bad_choice', p_what || ': must be true or false',
                                            pg_catalog.jsonb_build_object('what', p_what));
    end if;
    return (p_value #>> '{}')::boolean;
end
$$;

-- validation.a_date: null, "" or an ISO date (YYYY-MM-DD).
create function partnership_private.a_date(p_value jsonb, p_what text)
returns date language plpgsql stable set search_path = '' as $$
begin
    if p_value is null or p_value = 'null'::jsonb or p_value = '""'::jsonb then
        return null;
    end if;
    if pg_catalog.jsonb_typeof(p_value) = 'string' and (p_value #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
        begin
            return (p_value #>> '{}')::date;
        exception when others then
            null;
        end;
    end if;
    perform partnership_private.invalid('bad_date', p_what || ': not a date', pg_catalog.jsonb_build_object('what', p_what));
    return null;
end
$$;

-- validation._only: no keys but the allowed ones (unknown_field names them, sorted).
create function partnership_private.only(p_changes jsonb, p_allowed text[], p_what text)
returns void language plpgsql stable set search_path = '' as $$
declare
    v_unknown text;
begin
    if p_changes is null or pg_catalog.jsonb_typeof(p_changes) <> 'object' then
        perform partnership_private.invalid('invalid', p_what || ': changes must be a mapping',
                                            pg_catalog.jsonb_build_object('what', p_what));
    end if;
    select pg_catalog.string_agg(k, ', ' order by k collate "C") into v_unknown
    from pg_catalog.jsonb_object_keys(p_changes) k
    where not (k = any (p_allowed));
    if v_unknown is not null then
        perform partnership_private.invalid('unknown_field', pg_catalog.format('%s: unknown [%s]', p_what, v_unknown),
                                            pg_catalog.jsonb_build_object('what', v_unknown));
    end if;
end
$$;

-- -------------------------------------------------------------------------------------
-- Links, roles, history
-- -------------------------------------------------------------------------------------

create function partnership_private.token_hash(p_token text)
returns text language sql immutable set search_path = '' as $$
    select pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8')), 'hex')
$$;

-- A new token handed in by the adapter (base.new_token: 256 bits, URL-safe): only its hash is kept.
create function partnership_private.new_link(p_project text, p_role text, p_token text)
returns void language plpgsql set search_path = '' as $$
begin
    if p_token is null or p_token !~ '^[A-Za-z0-9_-]{43}$' then
        perform partnership_private.invalid('invalid', 'a new link token must be 43 URL-safe characters',
                                            pg_catalog.jsonb_build_object('what', 'token'));
    end if;
    insert into partnership_private.links (token_hash, project_id, role, created_at)
    values (partnership_private.token_hash(p_token), p_project, p_role, pg_catalog.clock_timestamp());
exception when unique_violation then
    perform partnership_private.invalid('invalid', 'this link token is already in use', pg_catalog.jsonb_build_object('what', 'token'));
end
$$;

-- The project and role a live link grants; InvalidLink unless it names p_project.
-- With p_lock the project row is locked first (every write), so that writes to one
-- project run one at a time and a link revoked meanwhile is seen.
create function partnership_private.link(p_token text, p_project text, p_lock boolean,
                                         out project_id text, out role text)
language plpgsql set search_path = '' as $$
declare
    v_hash text;
begin
    if p_token is null or p_token !~ '^[A-Za-z0-9_-]{43}$' then
        perform partnership_private.invalid_link('malformed link');
    end if;
    v_hash := partnership_private.token_hash(p_token);
    if p_lock then
        perform 1 from partnership_private.projects p
        where p.id = (select l.project_id from partnership_private.links l where l.token_hash = v_hash)
        for update;
    end if;
    select l.project_id, l.role into project_id, role
    from partnership_private.links l
    where l.token_hash = v_hash and l.revoked_at is null;
    if not found or project_id is distinct from p_project then
        perform partnership_private.invalid_link();
    end if;
end
$$;

create function partnership_private.allow(p_role text, p_allowed text[])
returns void language plpgsql stable set search_path = '' as $$
begin
    if not (p_role = any (p_allowed)) then
        perform partnership_private.forbidden('forbidden', p_role || ' may not do this');
    end if;
end
$$;

create function partnership_private.side_of(p_role text)
returns text language sql immutable set search_path = '' as $$
    select case p_role when 'owner' then 'association' when 'partner' then 'partner' end
$$;

create function partnership_private.signed_at(p_project text)
returns timestamptz language sql stable set search_path = '' as $$
    select p.signed_at from partnership_private.projects p where p.id = p_project
$$;

-- One accepted change: a history entry and a revision bump, in the caller's transaction.
create function partnership_private.log(p_project text, p_role text, p_actor text, p_entity text, p_target text,
                                        p_old text, p_new text, p_version integer, p_joint boolean, p_at timestamptz)
returns void language plpgsql set search_path = '' as $$
begin
    insert into partnership_private.history (project_id, entity, target, actor, role, at, old, new, version, joint)
    values (p_project, p_entity, p_target, p_actor, p_role, p_at, p_old, p_new, p_version, p_joint);
    update partnership_private.projects set revision = revision + 1 where id = p_project;
end
$$;

-- exchange.is_joint_history: whether a partner or viewer may see a history entry.
create function partnership_private.truthy(p jsonb)
returns boolean language sql immutable set search_path = '' as $$
    select p is not null and p not in ('null'::jsonb, 'false'::jsonb, '0'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)
$$;

create function partnership_private.is_joint_history(p_entity text, p_target text, p_new text, p_old text)
returns boolean language sql stable set search_path = '' as $$
    select case p_entity
        when 'field' then coalesce((select not c.internal from partnership_private.field_catalog c where c.key = p_target), false)
        when 'candidate' then false
        when 'task' then not (partnership_private.truthy(coalesce(nullif(p_old, ''), '{}')::jsonb -> 'internal')
                              or partnership_private.truthy(coalesce(nullif(p_new, ''), '{}')::jsonb -> 'internal'))
        else true end
$$;

-- -------------------------------------------------------------------------------------
-- Records as JSON: "content" (exchange.content: no id, version, updated_by, updated_at)
-- and the full record the adapter turns back into a model object.
-- -------------------------------------------------------------------------------------

create function partnership_private.project_json(p partnership_private.projects)
returns jsonb language sql stable as $$
    select pg_catalog.jsonb_build_object(
        'id', p.id, 'title', p.title, 'our_org', p.our_org, 'partner_org', p.partner_org, 'website', p.website,
        'created_by', p.created_by, 'created_at', partnership_private.iso(p.created_at), 'version', p.version,
        'signed_at', partnership_private.iso(p.signed_at), 'signed_hash', p.signed_hash)
$$;

create function partnership_private.project_content(p partnership_private.projects)
returns jsonb language sql stable as $$
    select partnership_private.project_json(p) - 'id' - 'version'
$$;

-- json.dumps(exchange.content(project), ensure_ascii=False): dataclass field order, unsorted.
create function partnership_private.project_content_text(p_title text, p_our_org text, p_partner_org text,
                                                         p_website text, p partnership_private.projects)
returns text language sql stable set search_path = '' as $$
    select '{"title": ' || pg_catalog.to_jsonb(p_title)::text
        || ', "our_org": ' || pg_catalog.to_jsonb(p_our_org)::text
        || ', "partner_org": ' || pg_catalog.to_jsonb(p_partner_org)::text
        || ', "website": ' || pg_catalog.to_jsonb(p_website)::text
        || ', "created_by": ' || pg_catalog.to_jsonb(p.created_by)::text
        || ', "created_at": ' || pg_catalog.to_jsonb(partnership_private.iso(p.created_at))::text
        || ', "signed_at": ' || coalesce(pg_catalog.to_jsonb(partnership_private.iso(p.signed_at))::text, 'null')
        || ', "signed_hash": ' || pg_catalog.to_jsonb(p.signed_hash)::text || '}'
$$;

create function partnership_private.candidate_content(c partnership_private.candidates)
returns jsonb language sql stable as $$
    select pg_catalog.jsonb_build_object(
        'name', c.name, 'position', c.position, 'status', c.status, 'resources', c.resources,
        'competences', c.competences, 'values', c."values", 'fit', c.fit, 'note', c.note, 'priority', c.priority)
$$;

create function partnership_private.candidate_json(c partnership_private.candidates)
returns jsonb language sql stable as $$
    select partnership_private.candidate_content(c) || pg_catalog.jsonb_build_object(
        'id', c.id, 'version', c.version, 'updated_by', c.updated_by, 'updated_at', partnership_private.iso(c.updated_at))
$$;

create function partnership_private.person_content(p partnership_private.people)
returns jsonb language sql stable as $$
    select pg_catalog.jsonb_build_object(
        'name', p.name, 'side', p.side, 'title', p.title, 'contact', p.contact,
        'first_meeting', p.first_meeting, 'working_group', p.working_group)
$$;

create function partnership_private.person_json(p partnership_private.people)
returns jsonb language sql stable as $$
    select partnership_private.person_content(p) || pg_catalog.jsonb_build_object(
        'id', p.id, 'version', p.version, 'updated_by', p.updated_by, 'updated_at', partnership_private.iso(p.updated_at))
$$;

create function partnership_private.task_content(t partnership_private.tasks)
returns jsonb language sql stable as $$
    select pg_catalog.jsonb_build_object(
        'title', t.title, 'kind', t.kind, 'responsible', t.responsible, 'side', t.side,
        'start', partnership_private.iso_date(t.start), 'due', partnership_private.iso_date(t.due),
        'status', t.status, 'note', t.note, 'internal', t.internal)
$$;

create function partnership_private.task_json(t partnership_private.tasks)
returns jsonb language sql stable as $$
    select partnership_private.task_content(t) || pg_catalog.jsonb_build_object(
        'id', t.id, 'version', t.version, 'updated_by', t.updated_by, 'updated_at', partnership_private.iso(t.updated_at))
$$;

create function partnership_private.approval_json(a partnership_private.approvals)
returns jsonb language sql stable as $$
    select pg_catalog.jsonb_build_object('id', a.id, 'side', a.side, 'name', a.name, 'content_hash', a.content_hash,
                                         'approved_at', partnership_private.iso(a.approved_at))
$$;

create function partnership_private.health_json(h partnership_private.health_checks)
returns jsonb language sql stable as $$
    select pg_catalog.jsonb_build_object('id', h.id, 'side', h.side, 'name', h.name,
                                         'at', partnership_private.iso(h.at), 'answers', h.answers)
$$;

-- exchange.content_json(health check): answers as {statement: [rating, comment]}.
create function partnership_private.health_content_text(h partnership_private.health_checks)
returns text language sql stable set search_path = '' as $$
    select partnership_private.json_text(pg_catalog.jsonb_build_object(
        'side', h.side, 'name', h.name, 'at', partnership_private.iso(h.at),
        'answers', coalesce((select pg_catalog.jsonb_object_agg(a ->> 0, pg_catalog.jsonb_build_array(a -> 1, a -> 2))
                             from pg_catalog.jsonb_array_elements(h.answers) a), '{}'::jsonb)))
$$;

-- -------------------------------------------------------------------------------------
-- Validated changes (validation.candidate_changes, person_changes, task_changes).
-- Checked in the order of the *_FIELDS tuples; the result holds JSON-ready values.
-- -------------------------------------------------------------------------------------

create function partnership_private.candidate_changes(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '{}';
    v_key text;
begin
    perform partnership_private.only(p, array['name', 'status', 'resources', 'competences', 'values', 'fit', 'note', 'priority'],
                                     'candidate');
    if p ? 'name' then
        v_out := v_out || pg_catalog.jsonb_build_object('name', partnership_private.jname(p -> 'name', 'candidate.name'));
    end if;
    if p ? 'status' then
        v_out := v_out || pg_catalog.jsonb_build_object('status', partnership_private.choice(
            p -> 'status', array['active', 'set_aside', 'refused'], 'candidate.status'));
    end if;
    foreach v_key in array array['resources', 'competences', 'values', 'fit'] loop
        if p ? v_key then
            v_out := v_out || pg_catalog.jsonb_build_object(v_key, partnership_private.score(p -> v_key, 'candidate.' || v_key));
        end if;
    end loop;
    if p ? 'note' then
        v_out := v_out || pg_catalog.jsonb_build_object('note', partnership_private.jtext(p -> 'note', 'candidate.note', 20000, false));
    end if;
    if p ? 'priority' then
        if p -> 'priority' <> 'null'::jsonb and (pg_catalog.jsonb_typeof(p -> 'priority') <> 'number'
                or (p ->> 'priority') !~ '^-?[0-9]+$' or (p ->> 'priority')::numeric not between 1 and 3) then
            perform partnership_private.invalid('bad_priority', 'priority must be 1-3', '{"what": "priority"}');
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object('priority', p -> 'priority');
    end if;
    return v_out;
end
$$;

create function partnership_private.person_changes(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '{}';
    v_key text;
begin
    perform partnership_private.only(p, array['name', 'side', 'title', 'contact', 'first_meeting', 'working_group'], 'person');
    if p ? 'name' then
        v_out := v_out || pg_catalog.jsonb_build_object('name', partnership_private.jname(p -> 'name', 'person.name'));
    end if;
    if p ? 'side' then
        v_out := v_out || pg_catalog.jsonb_build_object('side', partnership_private.choice(
            p -> 'side', array['association', 'partner'], 'person.side'));
    end if;
    foreach v_key in array array['title', 'contact'] loop
        if p ? v_key then
            v_out := v_out || pg_catalog.jsonb_build_object(v_key, partnership_private.strip(
                partnership_private.jtext(p -> v_key, 'person.' || v_key, 200, false)));
        end if;
    end loop;
    foreach v_key in array array['first_meeting', 'working_group'] loop
        if p ? v_key then
            v_out := v_out || pg_catalog.jsonb_build_object(v_key, partnership_private.flag(p -> v_key, 'person.' || v_key));
        end if;
    end loop;
    return v_out;
end
$$;

create function partnership_private.task_changes(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '{}';
    v_key text;
begin
    perform partnership_private.only(
        p, array['title', 'kind', 'responsible', 'side', 'start', 'due', 'status', 'note', 'internal'], 'task');
    if p ? 'title' then
        v_out := v_out || pg_catalog.jsonb_build_object('title', partnership_private.jname(p -> 'title', 'task.title'));
    end if;
    if p ? 'kind' then
        v_out := v_out || pg_catalog.jsonb_build_object('kind', partnership_private.choice(
            p -> 'kind', array['activity', 'task', 'follow_up', 'milestone'], 'task.kind'));
    end if;
    if p ? 'responsible' then
        v_out := v_out || pg_catalog.jsonb_build_object('responsible', partnership_private.jtext(
            p -> 'responsible', 'task.responsible', 64, false));
    end if;
    if p ? 'side' then
        v_out := v_out || pg_catalog.jsonb_build_object('side', partnership_private.choice(
            p -> 'side', array['association', 'partner'], 'task.side'));
    end if;
    foreach v_key in array array['start', 'due'] loop
        if p ? v_key then
            v_out := v_out || pg_catalog.jsonb_build_object(v_key, partnership_private.iso_date(
                partnership_private.a_date(p -> v_key, 'task.' || v_key)));
        end if;
    end loop;
    if p ? 'status' then
        v_out := v_out || pg_catalog.jsonb_build_object('status', partnership_private.choice(
            p -> 'status', array['planned', 'in_progress', 'done', 'blocked'], 'task.status'));
    end if;
    if p ? 'note' then
        v_out := v_out || pg_catalog.jsonb_build_object('note', partnership_private.jtext(p -> 'note', 'task.note', 20000, false));
    end if;
    if p ? 'internal' then
        v_out := v_out || pg_catalog.jsonb_build_object('internal', partnership_private.flag(p -> 'internal', 'task.internal'));
    end if;
    return v_out;
end
$$;

-- validation.task_dates: a task may not end before it starts.
create function partnership_private.task_dates(p_start date, p_due date)
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_start is not null and p_due is not null and p_due < p_start then
        perform partnership_private.invalid('due_before_start', 'due before start', '{"what": "task.due"}');
    end if;
end
$$;

-- partnership.health.validate_answers: {statement: [rating, comment] | rating} ->
-- [[statement, rating, comment], ...] in the order of the statements.
create function partnership_private.health_answers(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    c_statements constant text[] := array['shared_goals', 'tasks_as_agreed', 'communication', 'mutual_benefit',
                                          'equal_ownership', 'resources_ok'];
    v_out jsonb := '[]';
    v_key text;
    v_value jsonb;
    v_rating jsonb;
    v_comment jsonb;
    v_clean text;
begin
    if p is null or pg_catalog.jsonb_typeof(p) <> 'object' then
        perform partnership_private.invalid('bad_choice', 'answers: not a mapping', '{"what": "health.answers"}');
    end if;
    if p = '{}'::jsonb then
        perform partnership_private.invalid('required', 'answers: none given', '{"what": "health.answers"}');
    end if;
    select k into v_key from pg_catalog.jsonb_object_keys(p) k where not (k = any (c_statements)) order by k collate "C" limit 1;
    if found then
        perform partnership_private.invalid('bad_choice', pg_catalog.format('unknown statement %L', v_key),
                                            pg_catalog.jsonb_build_object('what', 'health.' || v_key));
    end if;
    foreach v_key in array c_statements loop
        continue when not p ? v_key;
        v_value := p -> v_key;
        if pg_catalog.jsonb_typeof(v_value) = 'string' then
            v_rating := v_value;
            v_comment := '""';
        elsif pg_catalog.jsonb_typeof(v_value) = 'array' and pg_catalog.jsonb_array_length(v_value) in (1, 2) then
            v_rating := v_value -> 0;
            v_comment := coalesce(v_value -> 1, '""');
        else
            perform partnership_private.invalid('bad_choice', v_key || ': not (rating, comment)',
                                                pg_catalog.jsonb_build_object('what', 'health.' || v_key));
        end if;
        v_clean := pg_catalog.translate(partnership_private.strip(v_rating #>> '{}'), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
                                          'abcdefghijklmnopqrstuvwxyz');
        if pg_catalog.jsonb_typeof(v_rating) <> 'string' or v_clean is null or not (v_clean in ('green', 'amber', 'red')) then
            perform partnership_private.invalid('bad_choice', pg_catalog.format('%s: rating %s is not allowed', v_key, v_rating),
                                                pg_catalog.jsonb_build_object('what', 'health.' || v_key));
        end if;
        if v_comment = 'null'::jsonb then
            v_comment := '""';
        end if;
        v_out := v_out || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_array(
            v_key, v_clean, partnership_private.strip(partnership_private.jtext(v_comment, 'health.' || v_key, 2000, false))));
    end loop;
    return v_out;
end
$$;

-- -------------------------------------------------------------------------------------
-- Shared steps of the writes (SQLiteStore._write_field, _update, _task_rule, ...)
-- -------------------------------------------------------------------------------------

create function partnership_private.write_field(p_project text, p_role text, p_key text, p_value text,
                                                p_expected integer, p_actor text)
returns integer language plpgsql set search_path = '' as $$
declare
    v_row partnership_private.fields%rowtype;
    v_version integer;
    v_at timestamptz;
begin
    select * into v_row from partnership_private.fields f where f.project_id = p_project and f.key = p_key;
    v_version := coalesce(v_row.version, 0);
    if v_version is distinct from p_expected then
        perform partnership_private.conflict(pg_catalog.to_jsonb(coalesce(v_row.value, '')), v_version,
                                             coalesce(v_row.updated_by, ''), v_row.updated_at);
    end if;
    v_at := pg_catalog.clock_timestamp();
    insert into partnership_private.fields as f (project_id, key, value, version, updated_by, updated_at)
    values (p_project, p_key, p_value, v_version + 1, p_actor, v_at)
    on conflict (project_id, key) do update
        set value = excluded.value, version = excluded.version, updated_by = excluded.updated_by,
            updated_at = excluded.updated_at;
    perform partnership_private.log(p_project, p_role, p_actor, 'field', p_key, coalesce(v_row.value, ''), p_value,
                                    v_version + 1,
                                    not (select c.internal from partnership_private.field_catalog c where c.key = p_key),
                                    v_at);
    return v_version + 1;
end
$$;

create function partnership_private.get_candidate(p_project text, p_id text)
returns partnership_private.candidates language plpgsql stable set search_path = '' as $$
declare
    v partnership_private.candidates%rowtype;
begin
    select * into v from partnership_private.candidates c where c.project_id = p_project and c.id = p_id;
    if not found then
        perform partnership_private.invalid('not_found', 'no such candidate', '{"what": "candidate"}');
    end if;
    return v;
end
$$;

create function partnership_private.get_person(p_project text, p_id text)
returns partnership_private.people language plpgsql stable set search_path = '' as $$
declare
    v partnership_private.people%rowtype;
begin
    select * into v from partnership_private.people p where p.project_id = p_project and p.id = p_id;
    if not found then
        perform partnership_private.invalid('not_found', 'no such person', '{"what": "person"}');
    end if;
    return v;
end
$$;

create function partnership_private.get_task(p_project text, p_id text)
returns partnership_private.tasks language plpgsql stable set search_path = '' as $$
declare
    v partnership_private.tasks%rowtype;
begin
    select * into v from partnership_private.tasks t where t.project_id = p_project and t.id = p_id;
    if not found then
        perform partnership_private.invalid('not_found', 'no such task', '{"what": "task"}');
    end if;
    return v;
end
$$;

-- SQLiteStore._update for a candidate: compare-and-set, write, history.
create function partnership_private.update_candidate_row(p_project text, p_role text, p_cur partnership_private.candidates,
                                                         p_clean jsonb, p_expected integer, p_actor text)
returns integer language plpgsql set search_path = '' as $$
declare
    v_after jsonb;
    v_new partnership_private.candidates%rowtype;
    v_at timestamptz;
begin
    if p_cur.version is distinct from p_expected then
        perform partnership_private.conflict(partnership_private.candidate_content(p_cur), p_cur.version,
                                             p_cur.updated_by, p_cur.updated_at);
    end if;
    if p_clean ? 'name' and exists (
            select 1 from partnership_private.candidates c
            where c.project_id = p_project and c.id <> p_cur.id
              and c.name_norm = partnership_private.casefold(p_clean ->> 'name')) then
        perform partnership_private.invalid('duplicate_candidate', 'duplicate candidate',
                                            pg_catalog.jsonb_build_object('name', p_clean ->> 'name'));
    end if;
    v_at := pg_catalog.clock_timestamp();
    v_after := partnership_private.candidate_content(p_cur) || p_clean;
    update partnership_private.candidates c set
        name = v_after ->> 'name',
        name_norm = case when p_clean ? 'name' then partnership_private.casefold(v_after ->> 'name') else c.name_norm end,
        status = v_after ->> 'status',
        resources = (v_after ->> 'resources')::integer,
        competences = (v_after ->> 'competences')::integer,
        "values" = (v_after ->> 'values')::integer,
        fit = (v_after ->> 'fit')::integer,
        note = v_after ->> 'note',
        priority = (v_after ->> 'priority')::integer,
        version = c.version + 1, updated_by = p_actor, updated_at = v_at
    where c.project_id = p_project and c.id = p_cur.id
    returning * into v_new;
    perform partnership_private.log(p_project, p_role, p_actor, 'candidate', p_cur.id,
                                    partnership_private.json_text(partnership_private.candidate_content(p_cur)),
                                    partnership_private.json_text(partnership_private.candidate_content(v_new)),
                                    v_new.version, false, v_at);
    return v_new.version;
end
$$;

create function partnership_private.update_person_row(p_project text, p_role text, p_cur partnership_private.people,
                                                      p_clean jsonb, p_expected integer, p_actor text)
returns integer language plpgsql set search_path = '' as $$
declare
    v_after jsonb;
    v_new partnership_private.people%rowtype;
    v_at timestamptz;
begin
    if p_cur.version is distinct from p_expected then
        perform partnership_private.conflict(partnership_private.person_content(p_cur), p_cur.version,
                                             p_cur.updated_by, p_cur.updated_at);
    end if;
    v_at := pg_catalog.clock_timestamp();
    v_after := partnership_private.person_content(p_cur) || p_clean;
    update partnership_private.people p set
        name = v_after ->> 'name',
        side = v_after ->> 'side',
        title = v_after ->> 'title',
        contact = v_after ->> 'contact',
        first_meeting = (v_after ->> 'first_meeting')::boolean,
        working_group = (v_after ->> 'working_group')::boolean,
        version = p.version + 1, updated_by = p_actor, updated_at = v_at
    where p.project_id = p_project and p.id = p_cur.id
    returning * into v_new;
    perform partnership_private.log(p_project, p_role, p_actor, 'person', p_cur.id,
                                    partnership_private.json_text(partnership_private.person_content(p_cur)),
                                    partnership_private.json_text(partnership_private.person_content(v_new)),
                                    v_new.version, true, v_at);
    return v_new.version;
end
$$;

create function partnership_private.update_task_row(p_project text, p_role text, p_cur partnership_private.tasks,
                                                    p_after jsonb, p_expected integer, p_actor text, p_joint boolean)
returns integer language plpgsql set search_path = '' as $$
declare
    v_new partnership_private.tasks%rowtype;
    v_at timestamptz;
begin
    if p_cur.version is distinct from p_expected then
        perform partnership_private.conflict(partnership_private.task_content(p_cur), p_cur.version,
                                             p_cur.updated_by, p_cur.updated_at);
    end if;
    v_at := pg_catalog.clock_timestamp();
    update partnership_private.tasks t set
        title = p_after ->> 'title',
        kind = p_after ->> 'kind',
        responsible = p_after ->> 'responsible',
        side = p_after ->> 'side',
        start = (p_after ->> 'start')::date,
        due = (p_after ->> 'due')::date,
        status = p_after ->> 'status',
        note = p_after ->> 'note',
        internal = (p_after ->> 'internal')::boolean,
        version = t.version + 1, updated_by = p_actor, updated_at = v_at
    where t.project_id = p_project and t.id = p_cur.id
    returning * into v_new;
    perform partnership_private.log(p_project, p_role, p_actor, 'task', p_cur.id,
                                    partnership_private.json_text(partnership_private.task_content(p_cur)),
                                    partnership_private.json_text(partnership_private.task_content(v_new)),
                                    v_new.version, p_joint, v_at);
    return v_new.version;
end
$$;

-- SQLiteStore._task_rule: internal tasks are the owner's; a signed agreement's tasks
-- (activity, milestone, follow-up) change only in status and note.
create function partnership_private.task_rule(p_role text, p_project text, p_internal boolean, p_kind text,
                                              p_changing text[])
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_internal and p_role <> 'owner' then
        perform partnership_private.forbidden('forbidden', 'internal tasks are the association''s own');
    end if;
    if partnership_private.signed_at(p_project) is not null and p_kind in ('activity', 'milestone', 'follow_up')
            and not (p_changing <@ array['status', 'note']) then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
end
$$;

-- SQLiteStore._person_rule: the partner edits only partner-side people; nobody while signed.
create function partnership_private.person_rule(p_role text, p_project text, p_side text)
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_role = 'partner' and p_side is distinct from 'partner' then
        perform partnership_private.forbidden('forbidden', 'the partner edits only its own people');
    end if;
    if partnership_private.signed_at(p_project) is not null then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
end
$$;

create function partnership_private.responsible_exists(p_project text, p_person text)
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_person <> '' and not exists (
            select 1 from partnership_private.people p where p.project_id = p_project and p.id = p_person) then
        perform partnership_private.invalid('not_found', 'no such person', '{"what": "task.responsible"}');
    end if;
end
$$;

-- Everything a role may see (SQLiteStore.snapshot).
create function partnership_private.snapshot(p_project text, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'project', partnership_private.project_json(p),
        'role', p_role,
        'revision', p.revision,
        'fields', coalesce((
            select pg_catalog.jsonb_object_agg(f.key, pg_catalog.jsonb_build_object(
                'value', f.value, 'version', f.version, 'updated_by', f.updated_by,
                'updated_at', partnership_private.iso(f.updated_at)))
            from partnership_private.fields f join partnership_private.field_catalog c on c.key = f.key
            where f.project_id = p.id and (p_role = 'owner' or not c.internal)), '{}'::jsonb),
        'invitation', case when p_role = 'viewer' then '' else coalesce((
            select f.value from partnership_private.fields f where f.project_id = p.id and f.key = 's1_idea'), '') end,
        'candidates', case when p_role <> 'owner' then '[]'::jsonb else coalesce((
            select pg_catalog.jsonb_agg(partnership_private.candidate_json(c) order by c.position, c.seq)
            from partnership_private.candidates c where c.project_id = p.id), '[]'::jsonb) end,
        'people', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.person_json(x) order by
                x.side collate "C",
                pg_catalog.translate(x.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') collate "C",
                x.seq)
            from partnership_private.people x where x.project_id = p.id), '[]'::jsonb),
        'tasks', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.task_json(t) order by
                coalesce(t.start, t.due, 'infinity'::date), t.due nulls first, t.title collate "C", t.seq)
            from partnership_private.tasks t where t.project_id = p.id and (p_role = 'owner' or not t.internal)),
            '[]'::jsonb),
        'approvals', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.approval_json(a) order by a.approved_at, a.seq)
            from partnership_private.approvals a where a.project_id = p.id), '[]'::jsonb),
        'signed_versions', coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'id', v.id, 'content_hash', v.content_hash, 'markdown', v.markdown,
                'signed_at', partnership_private.iso(v.signed_at)) order by v.signed_at, v.seq)
            from partnership_private.agreement_versions v where v.project_id = p.id), '[]'::jsonb),
        'health_checks', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.health_json(h) order by h.at, h.seq)
            from partnership_private.health_checks h where h.project_id = p.id), '[]'::jsonb))
    from partnership_private.projects p where p.id = p_project
$$;

-- Newest first; a partner or viewer gets only entries about joint content.
create function partnership_private.history(p_project text, p_role text, p_limit integer)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', h.id, 'entity', h.entity, 'target', h.target, 'actor', h.actor, 'role', h.role,
        'at', partnership_private.iso(h.at), 'old', h.old, 'new', h.new, 'version', h.version) order by h.id desc),
        '[]'::jsonb)
    from (select * from partnership_private.history x
          where x.project_id = p_project and (p_role = 'owner' or x.joint)
          order by x.id desc
          limit case when p_limit < 0 then null else p_limit end) h
$$;

-- The constants this file shares with the Python code (tests compare them).
create function partnership_private.constants()
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'fields', (select pg_catalog.jsonb_object_agg(c.key, pg_catalog.jsonb_build_array(c.step, c.internal))
                   from partnership_private.field_catalog c),
        'max_text', 20000, 'max_name', 200, 'max_comment', 2000, 'top_priorities', 3, 'presence_ttl_s', 15,
        'statements', pg_catalog.jsonb_build_array('shared_goals', 'tasks_as_agreed', 'communication', 'mutual_benefit',
                                                   'equal_ownership', 'resources_ok'),
        'ratings', pg_catalog.jsonb_build_array('green', 'amber', 'red'),
        'agreement_task_kinds', pg_catalog.jsonb_build_array('activity', 'milestone', 'follow_up'),
        'tracking_task_fields', pg_catalog.jsonb_build_array('status', 'note'),
        'candidate_status', pg_catalog.jsonb_build_array('active', 'set_aside', 'refused'),
        'task_kind', pg_catalog.jsonb_build_array('activity', 'task', 'follow_up', 'milestone'),
        'task_status', pg_catalog.jsonb_build_array('planned', 'in_progress', 'done', 'blocked'),
        'side', pg_catalog.jsonb_build_array('association', 'partner'),
        'role', pg_catalog.jsonb_build_array('owner', 'partner', 'viewer'),
        'candidate_fields', pg_catalog.jsonb_build_array('name', 'status', 'resources', 'competences', 'values', 'fit',
                                                         'note', 'priority'),
        'person_fields', pg_catalog.jsonb_build_array('name', 'side', 'title', 'contact', 'first_meeting', 'working_group'),
        'task_fields', pg_catalog.jsonb_build_array('title', 'kind', 'responsible', 'side', 'start', 'due', 'status', 'note',
                                                    'internal'))
$$;

-- -------------------------------------------------------------------------------------
-- The API: one function per Store method (partnership/store/base.py). Every function
-- but ps_create_project, ps_open and ps_import_project takes the link token and the
-- project id it is expected to open (p_project); the token decides, the id only has
-- to agree with it.
-- -------------------------------------------------------------------------------------

create function public.ps_create_project(p_title text, p_our_org text, p_creator text, p_owner_token text,
                                         p_partner_token text, p_viewer_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_title text := partnership_private.name(p_title, 'project.title');
    v_org text := partnership_private.name(p_our_org, 'project.our_org');
    v_creator text := partnership_private.actor(p_creator);
    v_id text := pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '');
begin
    insert into partnership_private.projects (id, title, our_org, created_by, created_at, version)
    values (v_id, v_title, v_org, v_creator, pg_catalog.clock_timestamp(), 1);
    perform partnership_private.new_link(v_id, 'owner', p_owner_token);
    perform partnership_private.new_link(v_id, 'partner', p_partner_token);
    perform partnership_private.new_link(v_id, 'viewer', p_viewer_token);
    return pg_catalog.jsonb_build_object('project_id', v_id);
end
$$;

create function public.ps_open(p_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_project text;
    v_role text;
begin
    if p_token is null or p_token !~ '^[A-Za-z0-9_-]{43}$' then
        perform partnership_private.invalid_link('malformed link');
    end if;
    select l.project_id, l.role into v_project, v_role
    from partnership_private.links l
    where l.token_hash = partnership_private.token_hash(p_token) and l.revoked_at is null;
    if not found then
        perform partnership_private.invalid_link();
    end if;
    return pg_catalog.jsonb_build_object('project_id', v_project, 'role', v_role);
end
$$;

create function public.ps_rotate_link(p_token text, p_project text, p_role text, p_new_token text)
returns bigint language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_revision bigint;
begin
    perform partnership_private.choice(pg_catalog.to_jsonb(p_role), array['owner', 'partner', 'viewer'], 'role');
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    update partnership_private.links set revoked_at = pg_catalog.clock_timestamp()
    where project_id = v_link.project_id and role = p_role and revoked_at is null;
    perform partnership_private.new_link(v_link.project_id, p_role, p_new_token);
    update partnership_private.projects set revision = revision + 1 where id = v_link.project_id
    returning revision into v_revision;
    return v_revision;
end
$$;

create function public.ps_update_project(p_token text, p_project text, p_changes jsonb, p_expected_version integer,
                                         p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.projects%rowtype;
    v_new partnership_private.projects%rowtype;
    v_title text;
    v_org text;
    v_partner text;
    v_website text;
    v_last_by text;
    v_last_at timestamptz;
begin
    perform partnership_private.only(p_changes, array['title', 'our_org', 'partner_org', 'website'], 'project');
    if p_changes ? 'title' then
        v_title := partnership_private.jname(p_changes -> 'title', 'project.title');
    end if;
    if p_changes ? 'our_org' then
        v_org := partnership_private.jname(p_changes -> 'our_org', 'project.our_org');
    end if;
    if p_changes ? 'partner_org' then
        v_partner := partnership_private.strip(partnership_private.jtext(p_changes -> 'partner_org', 'project.partner_org',
                                                                         200, false));
    end if;
    if p_changes ? 'website' then
        v_website := partnership_private.strip(partnership_private.jtext(p_changes -> 'website', 'project.website', 200, false));
    end if;
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    select * into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur.version is distinct from p_expected_version then
        select h.actor, h.at into v_last_by, v_last_at from partnership_private.history h
         where h.project_id = v_link.project_id and h.entity = 'project' order by h.id desc limit 1;
        perform partnership_private.conflict(partnership_private.project_content(v_cur), v_cur.version,
                                             coalesce(v_last_by, v_cur.created_by),
                                             coalesce(v_last_at, v_cur.created_at));
    end if;
    update partnership_private.projects p set
        title = coalesce(v_title, p.title), our_org = coalesce(v_org, p.our_org),
        partner_org = coalesce(v_partner, p.partner_org), website = coalesce(v_website, p.website),
        version = p.version + 1
    where p.id = v_link.project_id
    returning * into v_new;
    perform partnership_private.log(
        v_link.project_id, v_link.role, p_actor, 'project', v_link.project_id,
        partnership_private.project_content_text(v_cur.title, v_cur.our_org, v_cur.partner_org, v_cur.website, v_cur),
        partnership_private.project_content_text(v_new.title, v_new.our_org, v_new.partner_org, v_new.website, v_cur),
        v_new.version, true, pg_catalog.clock_timestamp());
    return v_new.version;
end
$$;

create function public.ps_delete_project(p_token text, p_project text)
returns boolean language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    delete from partnership_private.projects where id = v_link.project_id;
    return true;
end
$$;

create function public.ps_snapshot(p_token text, p_project text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    return partnership_private.snapshot(v_link.project_id, v_link.role);
end
$$;

create function public.ps_revision(p_token text, p_project text)
returns bigint language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    return (select p.revision from partnership_private.projects p where p.id = v_link.project_id);
end
$$;

create function public.ps_history(p_token text, p_project text, p_limit integer default 1000)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    return partnership_private.history(v_link.project_id, v_link.role, p_limit);
end
$$;

create function public.ps_set_field(p_token text, p_project text, p_key text, p_value text, p_expected_version integer,
                                    p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_internal boolean;
    v_link record;
begin
    select c.internal into v_internal from partnership_private.field_catalog c where c.key = p_key;
    if not found then
        perform partnership_private.invalid('unknown_field', pg_catalog.format('unknown field %L', p_key),
                                            pg_catalog.jsonb_build_object('what', p_key));
    end if;
    perform partnership_private.check_text(p_value, p_key, 20000, false);
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, case when v_internal then array['owner'] else array['owner', 'partner'] end);
    if not v_internal and partnership_private.signed_at(v_link.project_id) is not null then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
    return partnership_private.write_field(v_link.project_id, v_link.role, p_key, p_value, p_expected_version, p_actor);
end
$$;

create function public.ps_add_candidate(p_token text, p_project text, p_name text, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.candidate_changes(pg_catalog.jsonb_build_object('name', p_name));
    v_link record;
    v_new partnership_private.candidates%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    if exists (select 1 from partnership_private.candidates c
               where c.project_id = v_link.project_id and c.name_norm = partnership_private.casefold(v_clean ->> 'name')) then
        perform partnership_private.invalid('duplicate_candidate', 'duplicate candidate',
                                            pg_catalog.jsonb_build_object('name', v_clean ->> 'name'));
    end if;
    insert into partnership_private.candidates (project_id, id, name, name_norm, position, updated_by, updated_at)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_clean ->> 'name',
            partnership_private.casefold(v_clean ->> 'name'),
            (select coalesce(max(c.position), 0) + 1 from partnership_private.candidates c
             where c.project_id = v_link.project_id),
            p_actor, pg_catalog.clock_timestamp())
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'candidate', v_new.id, '',
                                    partnership_private.json_text(partnership_private.candidate_content(v_new)),
                                    1, false, v_new.updated_at);
    return partnership_private.candidate_json(v_new);
end
$$;

create function public.ps_update_candidate(p_token text, p_project text, p_id text, p_changes jsonb,
                                           p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.candidate_changes(p_changes);
    v_link record;
    v_cur partnership_private.candidates%rowtype;
    v_holder partnership_private.candidates%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    v_cur := partnership_private.get_candidate(v_link.project_id, p_id);
    -- Setting priority p moves whoever held p off it, in the same write.
    if v_clean ? 'priority' and v_clean -> 'priority' <> 'null'::jsonb
            and (v_clean ->> 'priority')::integer is distinct from v_cur.priority
            and v_cur.version = p_expected_version then
        select * into v_holder from partnership_private.candidates c
        where c.project_id = v_link.project_id and c.priority = (v_clean ->> 'priority')::integer and c.id <> p_id
        order by c.position limit 1;
        if found then
            perform partnership_private.update_candidate_row(v_link.project_id, v_link.role, v_holder,
                                                             '{"priority": null}', v_holder.version, p_actor);
        end if;
    end if;
    return partnership_private.update_candidate_row(v_link.project_id, v_link.role, v_cur, v_clean, p_expected_version,
                                                    p_actor);
end
$$;

create function public.ps_record_refusal(p_token text, p_project text, p_id text, p_expected_version integer,
                                         p_actor text, p_email text default null, p_email_version integer default 0)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.candidates%rowtype;
    v_rank partnership_private.candidates%rowtype;
    v_place integer := 0;
    v_first text;
begin
    if p_email is not null then
        perform partnership_private.check_text(p_email, 's3_email', 20000, false);
    end if;
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    v_cur := partnership_private.get_candidate(v_link.project_id, p_id);
    perform partnership_private.update_candidate_row(v_link.project_id, v_link.role, v_cur,
                                                     '{"status": "refused", "priority": null}', p_expected_version, p_actor);
    for v_rank in
        select * from partnership_private.candidates c
        where c.project_id = v_link.project_id and c.status = 'active' and c.priority is not null
        order by c.priority, c.position
    loop
        v_place := v_place + 1;
        v_first := coalesce(v_first, v_rank.id);
        if v_rank.priority <> v_place and v_place <= 3 then
            perform partnership_private.update_candidate_row(v_link.project_id, v_link.role, v_rank,
                                                             pg_catalog.jsonb_build_object('priority', v_place),
                                                             v_rank.version, p_actor);
        end if;
    end loop;
    if p_email is not null then
        perform partnership_private.write_field(v_link.project_id, v_link.role, 's3_email', p_email, p_email_version,
                                                p_actor);
    end if;
    if v_first is null then
        return null;
    end if;
    return partnership_private.candidate_json(partnership_private.get_candidate(v_link.project_id, v_first));
end
$$;

create function public.ps_add_person(p_token text, p_project text, p_fields jsonb, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.person_changes(p_fields);
    v_link record;
    v_new partnership_private.people%rowtype;
begin
    if not (v_clean ? 'name' and v_clean ? 'side') then
        perform partnership_private.invalid('required', 'name and side are required', '{"what": "person.name"}');
    end if;
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    perform partnership_private.person_rule(v_link.role, v_link.project_id, v_clean ->> 'side');
    insert into partnership_private.people (project_id, id, name, side, title, contact, first_meeting, working_group,
                                            updated_by, updated_at)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_clean ->> 'name',
            v_clean ->> 'side', coalesce(v_clean ->> 'title', ''), coalesce(v_clean ->> 'contact', ''),
            coalesce((v_clean ->> 'first_meeting')::boolean, false), coalesce((v_clean ->> 'working_group')::boolean, false),
            p_actor, pg_catalog.clock_timestamp())
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'person', v_new.id, '',
                                    partnership_private.json_text(partnership_private.person_content(v_new)),
                                    1, true, v_new.updated_at);
    return partnership_private.person_json(v_new);
end
$$;

create function public.ps_update_person(p_token text, p_project text, p_id text, p_changes jsonb,
                                        p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.person_changes(p_changes);
    v_link record;
    v_cur partnership_private.people%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_cur := partnership_private.get_person(v_link.project_id, p_id);
    perform partnership_private.person_rule(v_link.role, v_link.project_id, v_cur.side);
    perform partnership_private.person_rule(v_link.role, v_link.project_id, coalesce(v_clean ->> 'side', v_cur.side));
    return partnership_private.update_person_row(v_link.project_id, v_link.role, v_cur, v_clean, p_expected_version,
                                                 p_actor);
end
$$;

create function public.ps_add_task(p_token text, p_project text, p_fields jsonb, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.task_changes(p_fields);
    v_task jsonb;
    v_link record;
    v_new partnership_private.tasks%rowtype;
begin
    if not v_clean ? 'title' then
        perform partnership_private.invalid('required', 'title is required', '{"what": "task.title"}');
    end if;
    perform partnership_private.task_dates((v_clean ->> 'start')::date, (v_clean ->> 'due')::date);
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_task := '{"kind": "task", "responsible": "", "side": "association", "start": null, "due": null,
                "status": "planned", "note": "", "internal": false}'::jsonb || v_clean;
    perform partnership_private.task_rule(v_link.role, v_link.project_id, (v_task ->> 'internal')::boolean,
                                          v_task ->> 'kind', array(select pg_catalog.jsonb_object_keys(v_clean)));
    perform partnership_private.responsible_exists(v_link.project_id, v_task ->> 'responsible');
    insert into partnership_private.tasks (project_id, id, title, kind, responsible, side, start, due, status, note,
                                           internal, updated_by, updated_at)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_task ->> 'title',
            v_task ->> 'kind', v_task ->> 'responsible', v_task ->> 'side', (v_task ->> 'start')::date,
            (v_task ->> 'due')::date, v_task ->> 'status', v_task ->> 'note', (v_task ->> 'internal')::boolean,
            p_actor, pg_catalog.clock_timestamp())
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'task', v_new.id, '',
                                    partnership_private.json_text(partnership_private.task_content(v_new)),
                                    1, not v_new.internal, v_new.updated_at);
    return partnership_private.task_json(v_new);
end
$$;

create function public.ps_update_task(p_token text, p_project text, p_id text, p_changes jsonb,
                                      p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.task_changes(p_changes);
    v_changing text[] := array(select pg_catalog.jsonb_object_keys(v_clean));
    v_link record;
    v_cur partnership_private.tasks%rowtype;
    v_after jsonb;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_cur := partnership_private.get_task(v_link.project_id, p_id);
    perform partnership_private.task_rule(v_link.role, v_link.project_id, v_cur.internal, v_cur.kind, v_changing);
    v_after := partnership_private.task_content(v_cur) || v_clean;
    perform partnership_private.task_rule(v_link.role, v_link.project_id, (v_after ->> 'internal')::boolean,
                                          v_after ->> 'kind', v_changing);
    perform partnership_private.task_dates((v_after ->> 'start')::date, (v_after ->> 'due')::date);
    if v_clean ? 'responsible' then
        perform partnership_private.responsible_exists(v_link.project_id, v_clean ->> 'responsible');
    end if;
    return partnership_private.update_task_row(v_link.project_id, v_link.role, v_cur, v_after, p_expected_version,
                                               p_actor, not (v_cur.internal or (v_after ->> 'internal')::boolean));
end
$$;

create function public.ps_restore(p_token text, p_project text, p_entry_id bigint, p_expected_version integer,
                                  p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_entry partnership_private.history%rowtype;
    v_values jsonb;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    select * into v_entry from partnership_private.history h
    where h.project_id = v_link.project_id and h.id = p_entry_id and (v_link.role = 'owner' or h.joint);
    if not found then
        perform partnership_private.invalid('not_found', 'no such history entry', '{"what": "history"}');
    end if;
    if v_entry.entity = 'field' then
        return public.ps_set_field(p_token, p_project, v_entry.target, v_entry.new, p_expected_version, p_actor);
    end if;
    if v_entry.entity in ('candidate', 'person', 'task') and v_entry.new <> '' then
        v_values := v_entry.new::jsonb - 'position';
        if v_entry.entity = 'candidate' then
            return public.ps_update_candidate(p_token, p_project, v_entry.target, v_values, p_expected_version, p_actor);
        elsif v_entry.entity = 'person' then
            return public.ps_update_person(p_token, p_project, v_entry.target, v_values, p_expected_version, p_actor);
        end if;
        return public.ps_update_task(p_token, p_project, v_entry.target, v_values, p_expected_version, p_actor);
    end if;
    perform partnership_private.invalid('not_restorable', 'this change cannot be restored',
                                        pg_catalog.jsonb_build_object('what', v_entry.entity));
    return null;
end
$$;

create function public.ps_approve(p_token text, p_project text, p_name text, p_content_hash text, p_markdown text,
                                  p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_name text := partnership_private.name(p_name, 'approval.name');
    v_link record;
    v_side text;
    v_new partnership_private.approvals%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    perform partnership_private.check_text(p_markdown, 'agreement', 1000000, false);
    -- partnership.agreement.content_hash: SHA-256 of the UTF-8 text, line endings normalised to \n.
    if partnership_private.token_hash(pg_catalog.replace(pg_catalog.replace(p_markdown, E'\r\n', E'\n'), E'\r', E'\n'))
            is distinct from p_content_hash then
        perform partnership_private.invalid('stale_agreement', 'the agreement changed meanwhile', '{"what": "agreement"}');
    end if;
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    if partnership_private.signed_at(v_link.project_id) is not null then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
    v_side := partnership_private.side_of(v_link.role);
    if (select a.content_hash from partnership_private.approvals a
        where a.project_id = v_link.project_id and a.side = v_side
        order by a.approved_at desc, a.seq desc limit 1) = p_content_hash then
        perform partnership_private.invalid('already_approved', 'already approved', '{"what": "approval"}');
    end if;
    insert into partnership_private.approvals (project_id, id, side, name, content_hash, approved_at)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_side, v_name,
            p_content_hash, pg_catalog.clock_timestamp())
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'approval', v_new.id, '',
                                    partnership_private.json_text(partnership_private.approval_json(v_new) - 'id'),
                                    1, true, v_new.approved_at);
    -- Both sides' latest approvals name this text: signed, and the text is kept.
    if (select pg_catalog.count(*) from (
            select distinct on (a.side) a.content_hash from partnership_private.approvals a
            where a.project_id = v_link.project_id
            order by a.side, a.approved_at desc, a.seq desc) latest
        where latest.content_hash = p_content_hash) = 2 then
        update partnership_private.projects set signed_at = v_new.approved_at, signed_hash = p_content_hash
        where id = v_link.project_id;
        insert into partnership_private.agreement_versions (project_id, id, content_hash, markdown, signed_at)
        values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), p_content_hash,
                p_markdown, v_new.approved_at);
    end if;
    return partnership_private.approval_json(v_new);
end
$$;

create function public.ps_reopen(p_token text, p_project text, p_actor text)
returns bigint language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_hash text;
    v_revision bigint;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    if partnership_private.signed_at(v_link.project_id) is null then
        perform partnership_private.invalid('not_signed', 'the agreement is not signed', '{"what": "agreement"}');
    end if;
    select p.signed_hash into v_hash from partnership_private.projects p where p.id = v_link.project_id;
    update partnership_private.projects set signed_at = null, signed_hash = '' where id = v_link.project_id;
    delete from partnership_private.approvals where project_id = v_link.project_id;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'agreement', 'reopen', v_hash, '', 1, true,
                                    pg_catalog.clock_timestamp());
    select p.revision into v_revision from partnership_private.projects p where p.id = v_link.project_id;
    return v_revision;
end
$$;

create function public.ps_add_health_check(p_token text, p_project text, p_name text, p_answers jsonb, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_name text := partnership_private.name(p_name, 'health.name');
    v_answers jsonb := partnership_private.health_answers(p_answers);
    v_link record;
    v_new partnership_private.health_checks%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    insert into partnership_private.health_checks (project_id, id, side, name, at, answers)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''),
            partnership_private.side_of(v_link.role), v_name, pg_catalog.clock_timestamp(), v_answers)
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'health', v_new.id, '',
                                    partnership_private.health_content_text(v_new), 1, true, v_new.at);
    return partnership_private.health_json(v_new);
end
$$;

-- Say this session is here and return the revision and everyone else present: the live
-- poller's one call. Writes only presence (no revision bump, no history).
create function public.ps_heartbeat(p_token text, p_project text, p_session_id text, p_name text, p_editing text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_now double precision := extract(epoch from pg_catalog.clock_timestamp());
begin
    perform partnership_private.check_text(p_session_id, 'session', 64, true);
    perform partnership_private.check_text(p_name, 'name', 200, false);
    perform partnership_private.check_text(p_editing, 'editing', 64, false);
    select * into v_link from partnership_private.link(p_token, p_project, false);
    insert into partnership_private.presence as x (project_id, session_id, name, role, editing, seen)
    values (v_link.project_id, p_session_id, p_name, v_link.role, p_editing, v_now)
    on conflict (project_id, session_id) do update
        set name = excluded.name, role = excluded.role, editing = excluded.editing, seen = excluded.seen;
    -- Forget sessions gone for a minute (any project); rows another heartbeat holds are left for later.
    delete from partnership_private.presence x
    where x.ctid in (select y.ctid from partnership_private.presence y where y.seen < v_now - 60 for update skip locked);
    return pg_catalog.jsonb_build_object(
        'revision', (select p.revision from partnership_private.projects p where p.id = v_link.project_id),
        'others', coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'session_id', x.session_id, 'name', x.name, 'role', x.role, 'editing', x.editing)
                order by x.name collate "C", x.session_id collate "C")
            from partnership_private.presence x
            where x.project_id = v_link.project_id and x.session_id <> p_session_id and x.seen >= v_now - 15),
            '[]'::jsonb));
end
$$;

create function public.ps_export_project(p_token text, p_project text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    return pg_catalog.jsonb_build_object(
        'snapshot', partnership_private.snapshot(v_link.project_id, v_link.role),
        'history', partnership_private.history(v_link.project_id, v_link.role, 1000000));
end
$$;

-- Health-check answers of an export ({statement: [rating, comment]}) as stored: a list
-- of [statement, rating, comment], known statements in their order, then the rest.
create function partnership_private.import_answers(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    c_statements constant text[] := array['shared_goals', 'tasks_as_agreed', 'communication', 'mutual_benefit',
                                          'equal_ownership', 'resources_ok'];
begin
    if p is null or pg_catalog.jsonb_typeof(p) <> 'object' or exists (
            select 1 from pg_catalog.jsonb_each(p) e
            where pg_catalog.jsonb_typeof(e.value) <> 'array' or pg_catalog.jsonb_array_length(e.value) < 2
               or pg_catalog.length(e.value ->> 1) > 2000) then
        perform partnership_private.invalid('bad_import', 'not a partnership export: health check answers',
                                            '{"what": "data"}');
    end if;
    return coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(e.key, e.value ->> 0, e.value ->> 1)
                                    order by pg_catalog.array_position(c_statements, e.key) nulls last, e.key collate "C")
        from pg_catalog.jsonb_each(p) e), '[]'::jsonb);
end
$$;

create function public.ps_import_project(p_data jsonb, p_creator text, p_owner_token text, p_partner_token text,
                                         p_viewer_token text)
returns jsonb language plpgsql security definer set search_path = '' set timezone = 'UTC' as $$
declare
    v_project jsonb;
    v_creator text;
    v_id text := pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', '');
    v_key text;
    v_value jsonb;
    v_count bigint;
    v_message text;
begin
    if p_data is null or pg_catalog.jsonb_typeof(p_data) <> 'object'
            or (p_data ->> 'format') is distinct from 'partnerskab/1' then
        perform partnership_private.invalid('bad_import', 'not a partnership export', '{"what": "format"}');
    end if;
    v_project := p_data -> 'project';
    if v_project is null or pg_catalog.jsonb_typeof(v_project) <> 'object' then
        perform partnership_private.invalid('bad_import', 'not a partnership export: no project', '{"what": "format"}');
    end if;
    for v_key, v_value in select e.key, e.value from pg_catalog.jsonb_each(coalesce(p_data -> 'fields', '{}')) e loop
        if not exists (select 1 from partnership_private.field_catalog c where c.key = v_key) then
            perform partnership_private.invalid('unknown_field', pg_catalog.format('unknown field %L', v_key),
                                                pg_catalog.jsonb_build_object('what', v_key));
        end if;
        perform partnership_private.jtext(coalesce(v_value -> 'value', '""'), v_key, 20000, false);
    end loop;
    v_creator := partnership_private.actor(p_creator);
    perform partnership_private.jname(v_project -> 'title', 'project.title');
    perform partnership_private.jname(v_project -> 'our_org', 'project.our_org');
    begin
        insert into partnership_private.projects (id, title, our_org, partner_org, website, created_by, created_at,
                                                  version, signed_at, signed_hash)
        values (v_id, v_project ->> 'title', v_project ->> 'our_org', v_project ->> 'partner_org', v_project ->> 'website',
                v_project ->> 'created_by', (v_project ->> 'created_at')::timestamptz, (v_project ->> 'version')::integer,
                nullif(v_project ->> 'signed_at', '')::timestamptz, coalesce(v_project ->> 'signed_hash', ''));
        perform partnership_private.new_link(v_id, 'owner', p_owner_token);
        perform partnership_private.new_link(v_id, 'partner', p_partner_token);
        perform partnership_private.new_link(v_id, 'viewer', p_viewer_token);

        insert into partnership_private.fields (project_id, key, value, version, updated_by, updated_at)
        select v_id, e.key, coalesce(e.value ->> 'value', ''), coalesce((e.value ->> 'version')::integer, 0),
               coalesce(e.value ->> 'updated_by', ''),
               coalesce(nullif(e.value ->> 'updated_at', '')::timestamptz, (v_project ->> 'created_at')::timestamptz)
        from pg_catalog.jsonb_each(coalesce(p_data -> 'fields', '{}')) e;
        -- A partner's export holds the idea only as the invitation.
        if coalesce(p_data ->> 'invitation', '') <> '' and not (coalesce(p_data -> 'fields', '{}') ? 's1_idea') then
            insert into partnership_private.fields (project_id, key, value, version, updated_by, updated_at)
            values (v_id, 's1_idea', p_data ->> 'invitation', 1, v_project ->> 'created_by',
                    (v_project ->> 'created_at')::timestamptz);
        end if;

        insert into partnership_private.candidates (project_id, id, name, name_norm, position, status, resources,
                                                    competences, "values", fit, note, priority, version, updated_by,
                                                    updated_at)
        select v_id, x.id, x.name, partnership_private.casefold(x.name), x.position, coalesce(x.status, 'active'),
               x.resources, x.competences, x."values", x.fit, coalesce(x.note, ''), x.priority, coalesce(x.version, 1),
               coalesce(x.updated_by, ''), x.updated_at
        from pg_catalog.jsonb_array_elements(coalesce(p_data -> 'candidates', '[]')) with ordinality as e (j, n)
        cross join lateral pg_catalog.jsonb_to_record(e.j) as x (
            id text, name text, position integer, status text, resources integer, competences integer,
            "values" integer, fit integer, note text, priority integer, version integer, updated_by text,
            updated_at timestamptz)
        order by e.n;

        insert into partnership_private.people (project_id, id, name, side, title, contact, first_meeting, working_group,
                                                version, updated_by, updated_at)
        select v_id, x.id, x.name, x.side, coalesce(x.title, ''), coalesce(x.contact, ''),
               coalesce(x.first_meeting, false), coalesce(x.working_group, false), coalesce(x.version, 1),
               coalesce(x.updated_by, ''), x.updated_at
        from pg_catalog.jsonb_array_elements(coalesce(p_data -> 'people', '[]')) with ordinality as e (j, n)
        cross join lateral pg_catalog.jsonb_to_record(e.j) as x (
            id text, name text, side text, title text, contact text, first_meeting boolean, working_group boolean,
            version integer, updated_by text, updated_at timestamptz)
        order by e.n;

        insert into partnership_private.tasks (project_id, id, title, kind, responsible, side, start, due, status, note,
                                               internal, version, updated_by, updated_at)
        select v_id, x.id, x.title, coalesce(x.kind, 'task'), coalesce(x.responsible, ''), coalesce(x.side, 'association'),
               nullif(x.start, '')::date, nullif(x.due, '')::date, coalesce(x.status, 'planned'),
               coalesce(x.note, ''), coalesce(x.internal, false), coalesce(x.version, 1), coalesce(x.updated_by, ''),
               x.updated_at
        from pg_catalog.jsonb_array_elements(coalesce(p_data -> 'tasks', '[]')) with ordinality as e (j, n)
        cross join lateral pg_catalog.jsonb_to_record(e.j) as x (
            id text, title text, kind text, responsible text, side text, start text, due text, status text,
            note text, internal boolean, version integer, updated_by text, updated_at timestamptz)
        order by e.n;

        insert into partnership_private.approvals (project_id, id, side, name, content_hash, approved_at)
        select v_id, x.id, x.side, x.name, x.content_hash, x.approved_at
        from pg_catalog.jsonb_array_elements(coalesce(p_data -> 'approvals', '[]')) with ordinality as e (j, n)
        cross join lateral pg_catalog.jsonb_to_record(e.j) as x (
            id text, side text, name text, content_hash text, approved_at timestamptz)
        order by e.n;

        insert into partnership_private.agreement_versions (project_id, id, content_hash, markdown, signed_at)
        select v_id, x.id, x.content_hash, x.markdown, x.signed_at
        from pg_catalog.jsonb_array_elements(coalesce(p_data -> 'signed_versions', '[]')) with ordinality as e (j, n)
        cross join lateral pg_catalog.jsonb_to_record(e.j) as x (
            id text, content_hash text, markdown text, signed_at timestamptz)
        order by e.n;

        insert into partnership_private.health_checks (project_id, id, side, name, at, answers)
        select v_id, x.id, x.side, x.name, x.at, partnership_private.import_answers(e.j -> 'answers')
        from pg_catalog.jsonb_array_elements(coalesce(p_data -> 'health_checks', '[]')) with ordinality as e (j, n)
        cross join lateral pg_catalog.jsonb_to_record(e.j) as x (id text, side text, name text, at timestamptz)
        order by e.n;

        -- Oldest first, as the export lists them, so that ids grow with time again.
        insert into partnership_private.history (project_id, entity, target, actor, role, at, old, new, version, joint)
        select v_id, x.entity, x.target, x.actor, x.role, x.at, x.old, x.new, x.version,
               partnership_private.is_joint_history(x.entity, x.target, x.new, x.old)
        from pg_catalog.jsonb_array_elements(coalesce(p_data -> 'history', '[]')) with ordinality as e (j, n)
        cross join lateral pg_catalog.jsonb_to_record(e.j) as x (
            entity text, target text, actor text, role text, at timestamptz, old text, new text, version integer)
        order by e.n;
        get diagnostics v_count = row_count;
        update partnership_private.projects set revision = v_count + 1 where id = v_id;
    exception when data_exception or integrity_constraint_violation then
        get stacked diagnostics v_message = message_text;
        perform partnership_private.invalid('bad_import', 'inconsistent export: ' || v_message, '{"what": "data"}');
    end;
    return pg_catalog.jsonb_build_object('project_id', v_id);
end
$$;

-- -------------------------------------------------------------------------------------
-- Privileges: nothing in partnership_private for API roles; the ps_* functions for anon
-- only (Supabase's default privileges would give every new function to anon,
-- authenticated and service_role).
-- -------------------------------------------------------------------------------------

revoke all on schema partnership_private from public, anon, authenticated, service_role;
revoke all on all tables in schema partnership_private from public, anon, authenticated, service_role;
revoke all on all sequences in schema partnership_private from public, anon, authenticated, service_role;
revoke all on all functions in schema partnership_private from public, anon, authenticated, service_role;

revoke all on function public.ps_create_project(text, text, text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_open(text) from public, anon, authenticated, service_role;
revoke all on function public.ps_rotate_link(text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_project(text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_delete_project(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_snapshot(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_revision(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_history(text, text, integer) from public, anon, authenticated, service_role;
revoke all on function public.ps_set_field(text, text, text, text, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_candidate(text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_candidate(text, text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_record_refusal(text, text, text, integer, text, text, integer) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_person(text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_person(text, text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_task(text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_task(text, text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_restore(text, text, bigint, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_approve(text, text, text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_reopen(text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_health_check(text, text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_heartbeat(text, text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_export_project(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_import_project(jsonb, text, text, text, text) from public, anon, authenticated, service_role;

grant execute on function public.ps_create_project(text, text, text, text, text, text) to anon;
grant execute on function public.ps_open(text) to anon;
grant execute on function public.ps_rotate_link(text, text, text, text) to anon;
grant execute on function public.ps_update_project(text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_delete_project(text, text) to anon;
grant execute on function public.ps_snapshot(text, text) to anon;
grant execute on function public.ps_revision(text, text) to anon;
grant execute on function public.ps_history(text, text, integer) to anon;
grant execute on function public.ps_set_field(text, text, text, text, integer, text) to anon;
grant execute on function public.ps_add_candidate(text, text, text, text) to anon;
grant execute on function public.ps_update_candidate(text, text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_record_refusal(text, text, text, integer, text, text, integer) to anon;
grant execute on function public.ps_add_person(text, text, jsonb, text) to anon;
grant execute on function public.ps_update_person(text, text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_add_task(text, text, jsonb, text) to anon;
grant execute on function public.ps_update_task(text, text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_restore(text, text, bigint, integer, text) to anon;
grant execute on function public.ps_approve(text, text, text, text, text, text) to anon;
grant execute on function public.ps_reopen(text, text, text) to anon;
grant execute on function public.ps_add_health_check(text, text, text, jsonb, text) to anon;
grant execute on function public.ps_heartbeat(text, text, text, text, text) to anon;
grant execute on function public.ps_export_project(text, text) to anon;
grant execute on function public.ps_import_project(jsonb, text, text, text, text) to anon;

-- -------------------------------------------------------------------------------------
-- Data: Python's case folding, for duplicate candidate names (SQLite compares
-- name.casefold()). Every character whose str.casefold() differs from itself, written
-- with Python 3.11.7 (Unicode 14.0.0): 1530 rows.
-- -------------------------------------------------------------------------------------

insert into partnership_private.casefold_map (ch, folded) values
    (E'\u0041', E'\u0061'), (E'\u0042', E'\u0062'), (E'\u0043', E'\u0063'), (E'\u0044', E'\u0064'), (E'\u0045', E'\u0065'), (E'\u0046', E'\u0066'),
    (E'\u0047', E'\u0067'), (E'\u0048', E'\u0068'), (E'\u0049', E'\u0069'), (E'\u004a', E'\u006a'), (E'\u004b', E'\u006b'), (E'\u004c', E'\u006c'),
    (E'\u004d', E'\u006d'), (E'\u004e', E'\u006e'), (E'\u004f', E'\u006f'), (E'\u0050', E'\u0070'), (E'\u0051', E'\u0071'), (E'\u0052', E'\u0072'),
    (E'\u0053', E'\u0073'), (E'\u0054', E'\u0074'), (E'\u0055', E'\u0075'), (E'\u0056', E'\u0076'), (E'\u0057', E'\u0077'), (E'\u0058', E'\u0078'),
    (E'\u0059', E'\u0079'), (E'\u005a', E'\u007a'), (E'\u00b5', E'\u03bc'), (E'\u00c0', E'\u00e0'), (E'\u00c1', E'\u00e1'), (E'\u00c2', E'\u00e2'),
    (E'\u00c3', E'\u00e3'), (E'\u00c4', E'\u00e4'), (E'\u00c5', E'\u00e5'), (E'\u00c6', E'\u00e6'), (E'\u00c7', E'\u00e7'), (E'\u00c8', E'\u00e8'),
    (E'\u00c9', E'\u00e9'), (E'\u00ca', E'\u00ea'), (E'\u00cb', E'\u00eb'), (E'\u00cc', E'\u00ec'), (E'\u00cd', E'\u00ed'), (E'\u00ce', E'\u00ee'),
    (E'\u00cf', E'\u00ef'), (E'\u00d0', E'\u00f0'), (E'\u00d1', E'\u00f1'), (E'\u00d2', E'\u00f2'), (E'\u00d3', E'\u00f3'), (E'\u00d4', E'\u00f4'),
    (E'\u00d5', E'\u00f5'), (E'\u00d6', E'\u00f6'), (E'\u00d8', E'\u00f8'), (E'\u00d9', E'\u00f9'), (E'\u00da', E'\u00fa'), (E'\u00db', E'\u00fb'),
    (E'\u00dc', E'\u00fc'), (E'\u00dd', E'\u00fd'), (E'\u00de', E'\u00fe'), (E'\u00df', E'\u0073\u0073'), (E'\u0100', E'\u0101'), (E'\u0102', E'\u0103'),
    (E'\u0104', E'\u0105'), (E'\u0106', E'\u0107'), (E'\u0108', E'\u0109'), (E'\u010a', E'\u010b'), (E'\u010c', E'\u010d'), (E'\u010e', E'\u010f'),
    (E'\u0110', E'\u0111'), (E'\u0112', E'\u0113'), (E'\u0114', E'\u0115'), (E'\u0116', E'\u0117'), (E'\u0118', E'\u0119'), (E'\u011a', E'\u011b'),
    (E'\u011c', E'\u011d'), (E'\u011e', E'\u011f'), (E'\u0120', E'\u0121'), (E'\u0122', E'\u0123'), (E'\u0124', E'\u0125'), (E'\u0126', E'\u0127'),
    (E'\u0128', E'\u0129'), (E'\u012a', E'\u012b'), (E'\u012c', E'\u012d'), (E'\u012e', E'\u012f'), (E'\u0130', E'\u0069\u0307'), (E'\u0132', E'\u0133'),
    (E'\u0134', E'\u0135'), (E'\u0136', E'\u0137'), (E'\u0139', E'\u013a'), (E'\u013b', E'\u013c'), (E'\u013d', E'\u013e'), (E'\u013f', E'\u0140'),
    (E'\u0141', E'\u0142'), (E'\u0143', E'\u0144'), (E'\u0145', E'\u0146'), (E'\u0147', E'\u0148'), (E'\u0149', E'\u02bc\u006e'), (E'\u014a', E'\u014b'),
    (E'\u014c', E'\u014d'), (E'\u014e', E'\u014f'), (E'\u0150', E'\u0151'), (E'\u0152', E'\u0153'), (E'\u0154', E'\u0155'), (E'\u0156', E'\u0157'),
    (E'\u0158', E'\u0159'), (E'\u015a', E'\u015b'), (E'\u015c', E'\u015d'), (E'\u015e', E'\u015f'), (E'\u0160', E'\u0161'), (E'\u0162', E'\u0163'),
    (E'\u0164', E'\u0165'), (E'\u0166', E'\u0167'), (E'\u0168', E'\u0169'), (E'\u016a', E'\u016b'), (E'\u016c', E'\u016d'), (E'\u016e', E'\u016f'),
    (E'\u0170', E'\u0171'), (E'\u0172', E'\u0173'), (E'\u0174', E'\u0175'), (E'\u0176', E'\u0177'), (E'\u0178', E'\u00ff'), (E'\u0179', E'\u017a'),
    (E'\u017b', E'\u017c'), (E'\u017d', E'\u017e'), (E'\u017f', E'\u0073'), (E'\u0181', E'\u0253'), (E'\u0182', E'\u0183'), (E'\u0184', E'\u0185'),
    (E'\u0186', E'\u0254'), (E'\u0187', E'\u0188'), (E'\u0189', E'\u0256'), (E'\u018a', E'\u0257'), (E'\u018b', E'\u018c'), (E'\u018e', E'\u01dd'),
    (E'\u018f', E'\u0259'), (E'\u0190', E'\u025b'), (E'\u0191', E'\u0192'), (E'\u0193', E'\u0260'), (E'\u0194', E'\u0263'), (E'\u0196', E'\u0269'),
    (E'\u0197', E'\u0268'), (E'\u0198', E'\u0199'), (E'\u019c', E'\u026f'), (E'\u019d', E'\u0272'), (E'\u019f', E'\u0275'), (E'\u01a0', E'\u01a1'),
    (E'\u01a2', E'\u01a3'), (E'\u01a4', E'\u01a5'), (E'\u01a6', E'\u0280'), (E'\u01a7', E'\u01a8'), (E'\u01a9', E'\u0283'), (E'\u01ac', E'\u01ad'),
    (E'\u01ae', E'\u0288'), (E'\u01af', E'\u01b0'), (E'\u01b1', E'\u028a'), (E'\u01b2', E'\u028b'), (E'\u01b3', E'\u01b4'), (E'\u01b5', E'\u01b6'),
    (E'\u01b7', E'\u0292'), (E'\u01b8', E'\u01b9'), (E'\u01bc', E'\u01bd'), (E'\u01c4', E'\u01c6'), (E'\u01c5', E'\u01c6'), (E'\u01c7', E'\u01c9'),
    (E'\u01c8', E'\u01c9'), (E'\u01ca', E'\u01cc'), (E'\u01cb', E'\u01cc'), (E'\u01cd', E'\u01ce'), (E'\u01cf', E'\u01d0'), (E'\u01d1', E'\u01d2'),
    (E'\u01d3', E'\u01d4'), (E'\u01d5', E'\u01d6'), (E'\u01d7', E'\u01d8'), (E'\u01d9', E'\u01da'), (E'\u01db', E'\u01dc'), (E'\u01de', E'\u01df'),
    (E'\u01e0', E'\u01e1'), (E'\u01e2', E'\u01e3'), (E'\u01e4', E'\u01e5'), (E'\u01e6', E'\u01e7'), (E'\u01e8', E'\u01e9'), (E'\u01ea', E'\u01eb'),
    (E'\u01ec', E'\u01ed'), (E'\u01ee', E'\u01ef'), (E'\u01f0', E'\u006a\u030c'), (E'\u01f1', E'\u01f3'), (E'\u01f2', E'\u01f3'), (E'\u01f4', E'\u01f5'),
    (E'\u01f6', E'\u0195'), (E'\u01f7', E'\u01bf'), (E'\u01f8', E'\u01f9'), (E'\u01fa', E'\u01fb'), (E'\u01fc', E'\u01fd'), (E'\u01fe', E'\u01ff'),
    (E'\u0200', E'\u0201'), (E'\u0202', E'\u0203'), (E'\u0204', E'\u0205'), (E'\u0206', E'\u0207'), (E'\u0208', E'\u0209'), (E'\u020a', E'\u020b'),
    (E'\u020c', E'\u020d'), (E'\u020e', E'\u020f'), (E'\u0210', E'\u0211'), (E'\u0212', E'\u0213'), (E'\u0214', E'\u0215'), (E'\u0216', E'\u0217'),
    (E'\u0218', E'\u0219'), (E'\u021a', E'\u021b'), (E'\u021c', E'\u021d'), (E'\u021e', E'\u021f'), (E'\u0220', E'\u019e'), (E'\u0222', E'\u0223'),
    (E'\u0224', E'\u0225'), (E'\u0226', E'\u0227'), (E'\u0228', E'\u0229'), (E'\u022a', E'\u022b'), (E'\u022c', E'\u022d'), (E'\u022e', E'\u022f'),
    (E'\u0230', E'\u0231'), (E'\u0232', E'\u0233'), (E'\u023a', E'\u2c65'), (E'\u023b', E'\u023c'), (E'\u023d', E'\u019a'), (E'\u023e', E'\u2c66'),
    (E'\u0241', E'\u0242'), (E'\u0243', E'\u0180'), (E'\u0244', E'\u0289'), (E'\u0245', E'\u028c'), (E'\u0246', E'\u0247'), (E'\u0248', E'\u0249'),
    (E'\u024a', E'\u024b'), (E'\u024c', E'\u024d'), (E'\u024e', E'\u024f'), (E'\u0345', E'\u03b9'), (E'\u0370', E'\u0371'), (E'\u0372', E'\u0373'),
    (E'\u0376', E'\u0377'), (E'\u037f', E'\u03f3'), (E'\u0386', E'\u03ac'), (E'\u0388', E'\u03ad'), (E'\u0389', E'\u03ae'), (E'\u038a', E'\u03af'),
    (E'\u038c', E'\u03cc'), (E'\u038e', E'\u03cd'), (E'\u038f', E'\u03ce'), (E'\u0390', E'\u03b9\u0308\u0301'), (E'\u0391', E'\u03b1'), (E'\u0392', E'\u03b2'),
    (E'\u0393', E'\u03b3'), (E'\u0394', E'\u03b4'), (E'\u0395', E'\u03b5'), (E'\u0396', E'\u03b6'), (E'\u0397', E'\u03b7'), (E'\u0398', E'\u03b8'),
    (E'\u0399', E'\u03b9'), (E'\u039a', E'\u03ba'), (E'\u039b', E'\u03bb'), (E'\u039c', E'\u03bc'), (E'\u039d', E'\u03bd'), (E'\u039e', E'\u03be'),
    (E'\u039f', E'\u03bf'), (E'\u03a0', E'\u03c0'), (E'\u03a1', E'\u03c1'), (E'\u03a3', E'\u03c3'), (E'\u03a4', E'\u03c4'), (E'\u03a5', E'\u03c5'),
    (E'\u03a6', E'\u03c6'), (E'\u03a7', E'\u03c7'), (E'\u03a8', E'\u03c8'), (E'\u03a9', E'\u03c9'), (E'\u03aa', E'\u03ca'), (E'\u03ab', E'\u03cb'),
    (E'\u03b0', E'\u03c5\u0308\u0301'), (E'\u03c2', E'\u03c3'), (E'\u03cf', E'\u03d7'), (E'\u03d0', E'\u03b2'), (E'\u03d1', E'\u03b8'), (E'\u03d5', E'\u03c6'),
    (E'\u03d6', E'\u03c0'), (E'\u03d8', E'\u03d9'), (E'\u03da', E'\u03db'), (E'\u03dc', E'\u03dd'), (E'\u03de', E'\u03df'), (E'\u03e0', E'\u03e1'),
    (E'\u03e2', E'\u03e3'), (E'\u03e4', E'\u03e5'), (E'\u03e6', E'\u03e7'), (E'\u03e8', E'\u03e9'), (E'\u03ea', E'\u03eb'), (E'\u03ec', E'\u03ed'),
    (E'\u03ee', E'\u03ef'), (E'\u03f0', E'\u03ba'), (E'\u03f1', E'\u03c1'), (E'\u03f4', E'\u03b8'), (E'\u03f5', E'\u03b5'), (E'\u03f7', E'\u03f8'),
    (E'\u03f9', E'\u03f2'), (E'\u03fa', E'\u03fb'), (E'\u03fd', E'\u037b'), (E'\u03fe', E'\u037c'), (E'\u03ff', E'\u037d'), (E'\u0400', E'\u0450'),
    (E'\u0401', E'\u0451'), (E'\u0402', E'\u0452'), (E'\u0403', E'\u0453'), (E'\u0404', E'\u0454'), (E'\u0405', E'\u0455'), (E'\u0406', E'\u0456'),
    (E'\u0407', E'\u0457'), (E'\u0408', E'\u0458'), (E'\u0409', E'\u0459'), (E'\u040a', E'\u045a'), (E'\u040b', E'\u045b'), (E'\u040c', E'\u045c'),
    (E'\u040d', E'\u045d'), (E'\u040e', E'\u045e'), (E'\u040f', E'\u045f'), (E'\u0410', E'\u0430'), (E'\u0411', E'\u0431'), (E'\u0412', E'\u0432'),
    (E'\u0413', E'\u0433'), (E'\u0414', E'\u0434'), (E'\u0415', E'\u0435'), (E'\u0416', E'\u0436'), (E'\u0417', E'\u0437'), (E'\u0418', E'\u0438'),
    (E'\u0419', E'\u0439'), (E'\u041a', E'\u043a'), (E'\u041b', E'\u043b'), (E'\u041c', E'\u043c'), (E'\u041d', E'\u043d'), (E'\u041e', E'\u043e'),
    (E'\u041f', E'\u043f'), (E'\u0420', E'\u0440'), (E'\u0421', E'\u0441'), (E'\u0422', E'\u0442'), (E'\u0423', E'\u0443'), (E'\u0424', E'\u0444'),
    (E'\u0425', E'\u0445'), (E'\u0426', E'\u0446'), (E'\u0427', E'\u0447'), (E'\u0428', E'\u0448'), (E'\u0429', E'\u0449'), (E'\u042a', E'\u044a'),
    (E'\u042b', E'\u044b'), (E'\u042c', E'\u044c'), (E'\u042d', E'\u044d'), (E'\u042e', E'\u044e'), (E'\u042f', E'\u044f'), (E'\u0460', E'\u0461'),
    (E'\u0462', E'\u0463'), (E'\u0464', E'\u0465'), (E'\u0466', E'\u0467'), (E'\u0468', E'\u0469'), (E'\u046a', E'\u046b'), (E'\u046c', E'\u046d'),
    (E'\u046e', E'\u046f'), (E'\u0470', E'\u0471'), (E'\u0472', E'\u0473'), (E'\u0474', E'\u0475'), (E'\u0476', E'\u0477'), (E'\u0478', E'\u0479'),
    (E'\u047a', E'\u047b'), (E'\u047c', E'\u047d'), (E'\u047e', E'\u047f'), (E'\u0480', E'\u0481'), (E'\u048a', E'\u048b'), (E'\u048c', E'\u048d'),
    (E'\u048e', E'\u048f'), (E'\u0490', E'\u0491'), (E'\u0492', E'\u0493'), (E'\u0494', E'\u0495'), (E'\u0496', E'\u0497'), (E'\u0498', E'\u0499'),
    (E'\u049a', E'\u049b'), (E'\u049c', E'\u049d'), (E'\u049e', E'\u049f'), (E'\u04a0', E'\u04a1'), (E'\u04a2', E'\u04a3'), (E'\u04a4', E'\u04a5'),
    (E'\u04a6', E'\u04a7'), (E'\u04a8', E'\u04a9'), (E'\u04aa', E'\u04ab'), (E'\u04ac', E'\u04ad'), (E'\u04ae', E'\u04af'), (E'\u04b0', E'\u04b1'),
    (E'\u04b2', E'\u04b3'), (E'\u04b4', E'\u04b5'), (E'\u04b6', E'\u04b7'), (E'\u04b8', E'\u04b9'), (E'\u04ba', E'\u04bb'), (E'\u04bc', E'\u04bd'),
    (E'\u04be', E'\u04bf'), (E'\u04c0', E'\u04cf'), (E'\u04c1', E'\u04c2'), (E'\u04c3', E'\u04c4'), (E'\u04c5', E'\u04c6'), (E'\u04c7', E'\u04c8'),
    (E'\u04c9', E'\u04ca'), (E'\u04cb', E'\u04cc'), (E'\u04cd', E'\u04ce'), (E'\u04d0', E'\u04d1'), (E'\u04d2', E'\u04d3'), (E'\u04d4', E'\u04d5'),
    (E'\u04d6', E'\u04d7'), (E'\u04d8', E'\u04d9'), (E'\u04da', E'\u04db'), (E'\u04dc', E'\u04dd'), (E'\u04de', E'\u04df'), (E'\u04e0', E'\u04e1'),
    (E'\u04e2', E'\u04e3'), (E'\u04e4', E'\u04e5'), (E'\u04e6', E'\u04e7'), (E'\u04e8', E'\u04e9'), (E'\u04ea', E'\u04eb'), (E'\u04ec', E'\u04ed'),
    (E'\u04ee', E'\u04ef'), (E'\u04f0', E'\u04f1'), (E'\u04f2', E'\u04f3'), (E'\u04f4', E'\u04f5'), (E'\u04f6', E'\u04f7'), (E'\u04f8', E'\u04f9'),
    (E'\u04fa', E'\u04fb'), (E'\u04fc', E'\u04fd'), (E'\u04fe', E'\u04ff'), (E'\u0500', E'\u0501'), (E'\u0502', E'\u0503'), (E'\u0504', E'\u0505'),
    (E'\u0506', E'\u0507'), (E'\u0508', E'\u0509'), (E'\u050a', E'\u050b'), (E'\u050c', E'\u050d'), (E'\u050e', E'\u050f'), (E'\u0510', E'\u0511'),
    (E'\u0512', E'\u0513'), (E'\u0514', E'\u0515'), (E'\u0516', E'\u0517'), (E'\u0518', E'\u0519'), (E'\u051a', E'\u051b'), (E'\u051c', E'\u051d'),
    (E'\u051e', E'\u051f'), (E'\u0520', E'\u0521'), (E'\u0522', E'\u0523'), (E'\u0524', E'\u0525'), (E'\u0526', E'\u0527'), (E'\u0528', E'\u0529'),
    (E'\u052a', E'\u052b'), (E'\u052c', E'\u052d'), (E'\u052e', E'\u052f'), (E'\u0531', E'\u0561'), (E'\u0532', E'\u0562'), (E'\u0533', E'\u0563'),
    (E'\u0534', E'\u0564'), (E'\u0535', E'\u0565'), (E'\u0536', E'\u0566'), (E'\u0537', E'\u0567'), (E'\u0538', E'\u0568'), (E'\u0539', E'\u0569'),
    (E'\u053a', E'\u056a'), (E'\u053b', E'\u056b'), (E'\u053c', E'\u056c'), (E'\u053d', E'\u056d'), (E'\u053e', E'\u056e'), (E'\u053f', E'\u056f'),
    (E'\u0540', E'\u0570'), (E'\u0541', E'\u0571'), (E'\u0542', E'\u0572'), (E'\u0543', E'\u0573'), (E'\u0544', E'\u0574'), (E'\u0545', E'\u0575'),
    (E'\u0546', E'\u0576'), (E'\u0547', E'\u0577'), (E'\u0548', E'\u0578'), (E'\u0549', E'\u0579'), (E'\u054a', E'\u057a'), (E'\u054b', E'\u057b'),
    (E'\u054c', E'\u057c'), (E'\u054d', E'\u057d'), (E'\u054e', E'\u057e'), (E'\u054f', E'\u057f'), (E'\u0550', E'\u0580'), (E'\u0551', E'\u0581'),
    (E'\u0552', E'\u0582'), (E'\u0553', E'\u0583'), (E'\u0554', E'\u0584'), (E'\u0555', E'\u0585'), (E'\u0556', E'\u0586'), (E'\u0587', E'\u0565\u0582'),
    (E'\u10a0', E'\u2d00'), (E'\u10a1', E'\u2d01'), (E'\u10a2', E'\u2d02'), (E'\u10a3', E'\u2d03'), (E'\u10a4', E'\u2d04'), (E'\u10a5', E'\u2d05'),
    (E'\u10a6', E'\u2d06'), (E'\u10a7', E'\u2d07'), (E'\u10a8', E'\u2d08'), (E'\u10a9', E'\u2d09'), (E'\u10aa', E'\u2d0a'), (E'\u10ab', E'\u2d0b'),
    (E'\u10ac', E'\u2d0c'), (E'\u10ad', E'\u2d0d'), (E'\u10ae', E'\u2d0e'), (E'\u10af', E'\u2d0f'), (E'\u10b0', E'\u2d10'), (E'\u10b1', E'\u2d11'),
    (E'\u10b2', E'\u2d12'), (E'\u10b3', E'\u2d13'), (E'\u10b4', E'\u2d14'), (E'\u10b5', E'\u2d15'), (E'\u10b6', E'\u2d16'), (E'\u10b7', E'\u2d17'),
    (E'\u10b8', E'\u2d18'), (E'\u10b9', E'\u2d19'), (E'\u10ba', E'\u2d1a'), (E'\u10bb', E'\u2d1b'), (E'\u10bc', E'\u2d1c'), (E'\u10bd', E'\u2d1d'),
    (E'\u10be', E'\u2d1e'), (E'\u10bf', E'\u2d1f'), (E'\u10c0', E'\u2d20'), (E'\u10c1', E'\u2d21'), (E'\u10c2', E'\u2d22'), (E'\u10c3', E'\u2d23'),
    (E'\u10c4', E'\u2d24'), (E'\u10c5', E'\u2d25'), (E'\u10c7', E'\u2d27'), (E'\u10cd', E'\u2d2d'), (E'\u13f8', E'\u13f0'), (E'\u13f9', E'\u13f1'),
    (E'\u13fa', E'\u13f2'), (E'\u13fb', E'\u13f3'), (E'\u13fc', E'\u13f4'), (E'\u13fd', E'\u13f5'), (E'\u1c80', E'\u0432'), (E'\u1c81', E'\u0434'),
    (E'\u1c82', E'\u043e'), (E'\u1c83', E'\u0441'), (E'\u1c84', E'\u0442'), (E'\u1c85', E'\u0442'), (E'\u1c86', E'\u044a'), (E'\u1c87', E'\u0463'),
    (E'\u1c88', E'\ua64b'), (E'\u1c90', E'\u10d0'), (E'\u1c91', E'\u10d1'), (E'\u1c92', E'\u10d2'), (E'\u1c93', E'\u10d3'), (E'\u1c94', E'\u10d4'),
    (E'\u1c95', E'\u10d5'), (E'\u1c96', E'\u10d6'), (E'\u1c97', E'\u10d7'), (E'\u1c98', E'\u10d8'), (E'\u1c99', E'\u10d9'), (E'\u1c9a', E'\u10da'),
    (E'\u1c9b', E'\u10db'), (E'\u1c9c', E'\u10dc'), (E'\u1c9d', E'\u10dd'), (E'\u1c9e', E'\u10de'), (E'\u1c9f', E'\u10df'), (E'\u1ca0', E'\u10e0'),
    (E'\u1ca1', E'\u10e1'), (E'\u1ca2', E'\u10e2'), (E'\u1ca3', E'\u10e3'), (E'\u1ca4', E'\u10e4'), (E'\u1ca5', E'\u10e5'), (E'\u1ca6', E'\u10e6'),
    (E'\u1ca7', E'\u10e7'), (E'\u1ca8', E'\u10e8'), (E'\u1ca9', E'\u10e9'), (E'\u1caa', E'\u10ea'), (E'\u1cab', E'\u10eb'), (E'\u1cac', E'\u10ec'),
    (E'\u1cad', E'\u10ed'), (E'\u1cae', E'\u10ee'), (E'\u1caf', E'\u10ef'), (E'\u1cb0', E'\u10f0'), (E'\u1cb1', E'\u10f1'), (E'\u1cb2', E'\u10f2'),
    (E'\u1cb3', E'\u10f3'), (E'\u1cb4', E'\u10f4'), (E'\u1cb5', E'\u10f5'), (E'\u1cb6', E'\u10f6'), (E'\u1cb7', E'\u10f7'), (E'\u1cb8', E'\u10f8'),
    (E'\u1cb9', E'\u10f9'), (E'\u1cba', E'\u10fa'), (E'\u1cbd', E'\u10fd'), (E'\u1cbe', E'\u10fe'), (E'\u1cbf', E'\u10ff'), (E'\u1e00', E'\u1e01'),
    (E'\u1e02', E'\u1e03'), (E'\u1e04', E'\u1e05'), (E'\u1e06', E'\u1e07'), (E'\u1e08', E'\u1e09'), (E'\u1e0a', E'\u1e0b'), (E'\u1e0c', E'\u1e0d'),
    (E'\u1e0e', E'\u1e0f'), (E'\u1e10', E'\u1e11'), (E'\u1e12', E'\u1e13'), (E'\u1e14', E'\u1e15'), (E'\u1e16', E'\u1e17'), (E'\u1e18', E'\u1e19'),
    (E'\u1e1a', E'\u1e1b'), (E'\u1e1c', E'\u1e1d'), (E'\u1e1e', E'\u1e1f'), (E'\u1e20', E'\u1e21'), (E'\u1e22', E'\u1e23'), (E'\u1e24', E'\u1e25'),
    (E'\u1e26', E'\u1e27'), (E'\u1e28', E'\u1e29'), (E'\u1e2a', E'\u1e2b'), (E'\u1e2c', E'\u1e2d'), (E'\u1e2e', E'\u1e2f'), (E'\u1e30', E'\u1e31'),
    (E'\u1e32', E'\u1e33'), (E'\u1e34', E'\u1e35'), (E'\u1e36', E'\u1e37'), (E'\u1e38', E'\u1e39'), (E'\u1e3a', E'\u1e3b'), (E'\u1e3c', E'\u1e3d'),
    (E'\u1e3e', E'\u1e3f'), (E'\u1e40', E'\u1e41'), (E'\u1e42', E'\u1e43'), (E'\u1e44', E'\u1e45'), (E'\u1e46', E'\u1e47'), (E'\u1e48', E'\u1e49'),
    (E'\u1e4a', E'\u1e4b'), (E'\u1e4c', E'\u1e4d'), (E'\u1e4e', E'\u1e4f'), (E'\u1e50', E'\u1e51'), (E'\u1e52', E'\u1e53'), (E'\u1e54', E'\u1e55'),
    (E'\u1e56', E'\u1e57'), (E'\u1e58', E'\u1e59'), (E'\u1e5a', E'\u1e5b'), (E'\u1e5c', E'\u1e5d'), (E'\u1e5e', E'\u1e5f'), (E'\u1e60', E'\u1e61'),
    (E'\u1e62', E'\u1e63'), (E'\u1e64', E'\u1e65'), (E'\u1e66', E'\u1e67'), (E'\u1e68', E'\u1e69'), (E'\u1e6a', E'\u1e6b'), (E'\u1e6c', E'\u1e6d'),
    (E'\u1e6e', E'\u1e6f'), (E'\u1e70', E'\u1e71'), (E'\u1e72', E'\u1e73'), (E'\u1e74', E'\u1e75'), (E'\u1e76', E'\u1e77'), (E'\u1e78', E'\u1e79'),
    (E'\u1e7a', E'\u1e7b'), (E'\u1e7c', E'\u1e7d'), (E'\u1e7e', E'\u1e7f'), (E'\u1e80', E'\u1e81'), (E'\u1e82', E'\u1e83'), (E'\u1e84', E'\u1e85'),
    (E'\u1e86', E'\u1e87'), (E'\u1e88', E'\u1e89'), (E'\u1e8a', E'\u1e8b'), (E'\u1e8c', E'\u1e8d'), (E'\u1e8e', E'\u1e8f'), (E'\u1e90', E'\u1e91'),
    (E'\u1e92', E'\u1e93'), (E'\u1e94', E'\u1e95'), (E'\u1e96', E'\u0068\u0331'), (E'\u1e97', E'\u0074\u0308'), (E'\u1e98', E'\u0077\u030a'), (E'\u1e99', E'\u0079\u030a'),
    (E'\u1e9a', E'\u0061\u02be'), (E'\u1e9b', E'\u1e61'), (E'\u1e9e', E'\u0073\u0073'), (E'\u1ea0', E'\u1ea1'), (E'\u1ea2', E'\u1ea3'), (E'\u1ea4', E'\u1ea5'),
    (E'\u1ea6', E'\u1ea7'), (E'\u1ea8', E'\u1ea9'), (E'\u1eaa', E'\u1eab'), (E'\u1eac', E'\u1ead'), (E'\u1eae', E'\u1eaf'), (E'\u1eb0', E'\u1eb1'),
    (E'\u1eb2', E'\u1eb3'), (E'\u1eb4', E'\u1eb5'), (E'\u1eb6', E'\u1eb7'), (E'\u1eb8', E'\u1eb9'), (E'\u1eba', E'\u1ebb'), (E'\u1ebc', E'\u1ebd'),
    (E'\u1ebe', E'\u1ebf'), (E'\u1ec0', E'\u1ec1'), (E'\u1ec2', E'\u1ec3'), (E'\u1ec4', E'\u1ec5'), (E'\u1ec6', E'\u1ec7'), (E'\u1ec8', E'\u1ec9'),
    (E'\u1eca', E'\u1ecb'), (E'\u1ecc', E'\u1ecd'), (E'\u1ece', E'\u1ecf'), (E'\u1ed0', E'\u1ed1'), (E'\u1ed2', E'\u1ed3'), (E'\u1ed4', E'\u1ed5'),
    (E'\u1ed6', E'\u1ed7'), (E'\u1ed8', E'\u1ed9'), (E'\u1eda', E'\u1edb'), (E'\u1edc', E'\u1edd'), (E'\u1ede', E'\u1edf'), (E'\u1ee0', E'\u1ee1'),
    (E'\u1ee2', E'\u1ee3'), (E'\u1ee4', E'\u1ee5'), (E'\u1ee6', E'\u1ee7'), (E'\u1ee8', E'\u1ee9'), (E'\u1eea', E'\u1eeb'), (E'\u1eec', E'\u1eed'),
    (E'\u1eee', E'\u1eef'), (E'\u1ef0', E'\u1ef1'), (E'\u1ef2', E'\u1ef3'), (E'\u1ef4', E'\u1ef5'), (E'\u1ef6', E'\u1ef7'), (E'\u1ef8', E'\u1ef9'),
    (E'\u1efa', E'\u1efb'), (E'\u1efc', E'\u1efd'), (E'\u1efe', E'\u1eff'), (E'\u1f08', E'\u1f00'), (E'\u1f09', E'\u1f01'), (E'\u1f0a', E'\u1f02'),
    (E'\u1f0b', E'\u1f03'), (E'\u1f0c', E'\u1f04'), (E'\u1f0d', E'\u1f05'), (E'\u1f0e', E'\u1f06'), (E'\u1f0f', E'\u1f07'), (E'\u1f18', E'\u1f10'),
    (E'\u1f19', E'\u1f11'), (E'\u1f1a', E'\u1f12'), (E'\u1f1b', E'\u1f13'), (E'\u1f1c', E'\u1f14'), (E'\u1f1d', E'\u1f15'), (E'\u1f28', E'\u1f20'),
    (E'\u1f29', E'\u1f21'), (E'\u1f2a', E'\u1f22'), (E'\u1f2b', E'\u1f23'), (E'\u1f2c', E'\u1f24'), (E'\u1f2d', E'\u1f25'), (E'\u1f2e', E'\u1f26'),
    (E'\u1f2f', E'\u1f27'), (E'\u1f38', E'\u1f30'), (E'\u1f39', E'\u1f31'), (E'\u1f3a', E'\u1f32'), (E'\u1f3b', E'\u1f33'), (E'\u1f3c', E'\u1f34'),
    (E'\u1f3d', E'\u1f35'), (E'\u1f3e', E'\u1f36'), (E'\u1f3f', E'\u1f37'), (E'\u1f48', E'\u1f40'), (E'\u1f49', E'\u1f41'), (E'\u1f4a', E'\u1f42'),
    (E'\u1f4b', E'\u1f43'), (E'\u1f4c', E'\u1f44'), (E'\u1f4d', E'\u1f45'), (E'\u1f50', E'\u03c5\u0313'), (E'\u1f52', E'\u03c5\u0313\u0300'), (E'\u1f54', E'\u03c5\u0313\u0301'),
    (E'\u1f56', E'\u03c5\u0313\u0342'), (E'\u1f59', E'\u1f51'), (E'\u1f5b', E'\u1f53'), (E'\u1f5d', E'\u1f55'), (E'\u1f5f', E'\u1f57'), (E'\u1f68', E'\u1f60'),
    (E'\u1f69', E'\u1f61'), (E'\u1f6a', E'\u1f62'), (E'\u1f6b', E'\u1f63'), (E'\u1f6c', E'\u1f64'), (E'\u1f6d', E'\u1f65'), (E'\u1f6e', E'\u1f66'),
    (E'\u1f6f', E'\u1f67'), (E'\u1f80', E'\u1f00\u03b9'), (E'\u1f81', E'\u1f01\u03b9'), (E'\u1f82', E'\u1f02\u03b9'), (E'\u1f83', E'\u1f03\u03b9'), (E'\u1f84', E'\u1f04\u03b9'),
    (E'\u1f85', E'\u1f05\u03b9'), (E'\u1f86', E'\u1f06\u03b9'), (E'\u1f87', E'\u1f07\u03b9'), (E'\u1f88', E'\u1f00\u03b9'), (E'\u1f89', E'\u1f01\u03b9'), (E'\u1f8a', E'\u1f02\u03b9'),
    (E'\u1f8b', E'\u1f03\u03b9'), (E'\u1f8c', E'\u1f04\u03b9'), (E'\u1f8d', E'\u1f05\u03b9'), (E'\u1f8e', E'\u1f06\u03b9'), (E'\u1f8f', E'\u1f07\u03b9'), (E'\u1f90', E'\u1f20\u03b9'),
    (E'\u1f91', E'\u1f21\u03b9'), (E'\u1f92', E'\u1f22\u03b9'), (E'\u1f93', E'\u1f23\u03b9'), (E'\u1f94', E'\u1f24\u03b9'), (E'\u1f95', E'\u1f25\u03b9'), (E'\u1f96', E'\u1f26\u03b9'),
    (E'\u1f97', E'\u1f27\u03b9'), (E'\u1f98', E'\u1f20\u03b9'), (E'\u1f99', E'\u1f21\u03b9'), (E'\u1f9a', E'\u1f22\u03b9'), (E'\u1f9b', E'\u1f23\u03b9'), (E'\u1f9c', E'\u1f24\u03b9'),
    (E'\u1f9d', E'\u1f25\u03b9'), (E'\u1f9e', E'\u1f26\u03b9'), (E'\u1f9f', E'\u1f27\u03b9'), (E'\u1fa0', E'\u1f60\u03b9'), (E'\u1fa1', E'\u1f61\u03b9'), (E'\u1fa2', E'\u1f62\u03b9'),
    (E'\u1fa3', E'\u1f63\u03b9'), (E'\u1fa4', E'\u1f64\u03b9'), (E'\u1fa5', E'\u1f65\u03b9'), (E'\u1fa6', E'\u1f66\u03b9'), (E'\u1fa7', E'\u1f67\u03b9'), (E'\u1fa8', E'\u1f60\u03b9'),
    (E'\u1fa9', E'\u1f61\u03b9'), (E'\u1faa', E'\u1f62\u03b9'), (E'\u1fab', E'\u1f63\u03b9'), (E'\u1fac', E'\u1f64\u03b9'), (E'\u1fad', E'\u1f65\u03b9'), (E'\u1fae', E'\u1f66\u03b9'),
    (E'\u1faf', E'\u1f67\u03b9'), (E'\u1fb2', E'\u1f70\u03b9'), (E'\u1fb3', E'\u03b1\u03b9'), (E'\u1fb4', E'\u03ac\u03b9'), (E'\u1fb6', E'\u03b1\u0342'), (E'\u1fb7', E'\u03b1\u0342\u03b9'),
    (E'\u1fb8', E'\u1fb0'), (E'\u1fb9', E'\u1fb1'), (E'\u1fba', E'\u1f70'), (E'\u1fbb', E'\u1f71'), (E'\u1fbc', E'\u03b1\u03b9'), (E'\u1fbe', E'\u03b9'),
    (E'\u1fc2', E'\u1f74\u03b9'), (E'\u1fc3', E'\u03b7\u03b9'), (E'\u1fc4', E'\u03ae\u03b9'), (E'\u1fc6', E'\u03b7\u0342'), (E'\u1fc7', E'\u03b7\u0342\u03b9'), (E'\u1fc8', E'\u1f72'),
    (E'\u1fc9', E'\u1f73'), (E'\u1fca', E'\u1f74'), (E'\u1fcb', E'\u1f75'), (E'\u1fcc', E'\u03b7\u03b9'), (E'\u1fd2', E'\u03b9\u0308\u0300'), (E'\u1fd3', E'\u03b9\u0308\u0301'),
    (E'\u1fd6', E'\u03b9\u0342'), (E'\u1fd7', E'\u03b9\u0308\u0342'), (E'\u1fd8', E'\u1fd0'), (E'\u1fd9', E'\u1fd1'), (E'\u1fda', E'\u1f76'), (E'\u1fdb', E'\u1f77'),
    (E'\u1fe2', E'\u03c5\u0308\u0300'), (E'\u1fe3', E'\u03c5\u0308\u0301'), (E'\u1fe4', E'\u03c1\u0313'), (E'\u1fe6', E'\u03c5\u0342'), (E'\u1fe7', E'\u03c5\u0308\u0342'), (E'\u1fe8', E'\u1fe0'),
    (E'\u1fe9', E'\u1fe1'), (E'\u1fea', E'\u1f7a'), (E'\u1feb', E'\u1f7b'), (E'\u1fec', E'\u1fe5'), (E'\u1ff2', E'\u1f7c\u03b9'), (E'\u1ff3', E'\u03c9\u03b9'),
    (E'\u1ff4', E'\u03ce\u03b9'), (E'\u1ff6', E'\u03c9\u0342'), (E'\u1ff7', E'\u03c9\u0342\u03b9'), (E'\u1ff8', E'\u1f78'), (E'\u1ff9', E'\u1f79'), (E'\u1ffa', E'\u1f7c'),
    (E'\u1ffb', E'\u1f7d'), (E'\u1ffc', E'\u03c9\u03b9'), (E'\u2126', E'\u03c9'), (E'\u212a', E'\u006b'), (E'\u212b', E'\u00e5'), (E'\u2132', E'\u214e'),
    (E'\u2160', E'\u2170'), (E'\u2161', E'\u2171'), (E'\u2162', E'\u2172'), (E'\u2163', E'\u2173'), (E'\u2164', E'\u2174'), (E'\u2165', E'\u2175'),
    (E'\u2166', E'\u2176'), (E'\u2167', E'\u2177'), (E'\u2168', E'\u2178'), (E'\u2169', E'\u2179'), (E'\u216a', E'\u217a'), (E'\u216b', E'\u217b'),
    (E'\u216c', E'\u217c'), (E'\u216d', E'\u217d'), (E'\u216e', E'\u217e'), (E'\u216f', E'\u217f'), (E'\u2183', E'\u2184'), (E'\u24b6', E'\u24d0'),
    (E'\u24b7', E'\u24d1'), (E'\u24b8', E'\u24d2'), (E'\u24b9', E'\u24d3'), (E'\u24ba', E'\u24d4'), (E'\u24bb', E'\u24d5'), (E'\u24bc', E'\u24d6'),
    (E'\u24bd', E'\u24d7'), (E'\u24be', E'\u24d8'), (E'\u24bf', E'\u24d9'), (E'\u24c0', E'\u24da'), (E'\u24c1', E'\u24db'), (E'\u24c2', E'\u24dc'),
    (E'\u24c3', E'\u24dd'), (E'\u24c4', E'\u24de'), (E'\u24c5', E'\u24df'), (E'\u24c6', E'\u24e0'), (E'\u24c7', E'\u24e1'), (E'\u24c8', E'\u24e2'),
    (E'\u24c9', E'\u24e3'), (E'\u24ca', E'\u24e4'), (E'\u24cb', E'\u24e5'), (E'\u24cc', E'\u24e6'), (E'\u24cd', E'\u24e7'), (E'\u24ce', E'\u24e8'),
    (E'\u24cf', E'\u24e9'), (E'\u2c00', E'\u2c30'), (E'\u2c01', E'\u2c31'), (E'\u2c02', E'\u2c32'), (E'\u2c03', E'\u2c33'), (E'\u2c04', E'\u2c34'),
    (E'\u2c05', E'\u2c35'), (E'\u2c06', E'\u2c36'), (E'\u2c07', E'\u2c37'), (E'\u2c08', E'\u2c38'), (E'\u2c09', E'\u2c39'), (E'\u2c0a', E'\u2c3a'),
    (E'\u2c0b', E'\u2c3b'), (E'\u2c0c', E'\u2c3c'), (E'\u2c0d', E'\u2c3d'), (E'\u2c0e', E'\u2c3e'), (E'\u2c0f', E'\u2c3f'), (E'\u2c10', E'\u2c40'),
    (E'\u2c11', E'\u2c41'), (E'\u2c12', E'\u2c42'), (E'\u2c13', E'\u2c43'), (E'\u2c14', E'\u2c44'), (E'\u2c15', E'\u2c45'), (E'\u2c16', E'\u2c46'),
    (E'\u2c17', E'\u2c47'), (E'\u2c18', E'\u2c48'), (E'\u2c19', E'\u2c49'), (E'\u2c1a', E'\u2c4a'), (E'\u2c1b', E'\u2c4b'), (E'\u2c1c', E'\u2c4c'),
    (E'\u2c1d', E'\u2c4d'), (E'\u2c1e', E'\u2c4e'), (E'\u2c1f', E'\u2c4f'), (E'\u2c20', E'\u2c50'), (E'\u2c21', E'\u2c51'), (E'\u2c22', E'\u2c52'),
    (E'\u2c23', E'\u2c53'), (E'\u2c24', E'\u2c54'), (E'\u2c25', E'\u2c55'), (E'\u2c26', E'\u2c56'), (E'\u2c27', E'\u2c57'), (E'\u2c28', E'\u2c58'),
    (E'\u2c29', E'\u2c59'), (E'\u2c2a', E'\u2c5a'), (E'\u2c2b', E'\u2c5b'), (E'\u2c2c', E'\u2c5c'), (E'\u2c2d', E'\u2c5d'), (E'\u2c2e', E'\u2c5e'),
    (E'\u2c2f', E'\u2c5f'), (E'\u2c60', E'\u2c61'), (E'\u2c62', E'\u026b'), (E'\u2c63', E'\u1d7d'), (E'\u2c64', E'\u027d'), (E'\u2c67', E'\u2c68'),
    (E'\u2c69', E'\u2c6a'), (E'\u2c6b', E'\u2c6c'), (E'\u2c6d', E'\u0251'), (E'\u2c6e', E'\u0271'), (E'\u2c6f', E'\u0250'), (E'\u2c70', E'\u0252'),
    (E'\u2c72', E'\u2c73'), (E'\u2c75', E'\u2c76'), (E'\u2c7e', E'\u023f'), (E'\u2c7f', E'\u0240'), (E'\u2c80', E'\u2c81'), (E'\u2c82', E'\u2c83'),
    (E'\u2c84', E'\u2c85'), (E'\u2c86', E'\u2c87'), (E'\u2c88', E'\u2c89'), (E'\u2c8a', E'\u2c8b'), (E'\u2c8c', E'\u2c8d'), (E'\u2c8e', E'\u2c8f'),
    (E'\u2c90', E'\u2c91'), (E'\u2c92', E'\u2c93'), (E'\u2c94', E'\u2c95'), (E'\u2c96', E'\u2c97'), (E'\u2c98', E'\u2c99'), (E'\u2c9a', E'\u2c9b'),
    (E'\u2c9c', E'\u2c9d'), (E'\u2c9e', E'\u2c9f'), (E'\u2ca0', E'\u2ca1'), (E'\u2ca2', E'\u2ca3'), (E'\u2ca4', E'\u2ca5'), (E'\u2ca6', E'\u2ca7'),
    (E'\u2ca8', E'\u2ca9'), (E'\u2caa', E'\u2cab'), (E'\u2cac', E'\u2cad'), (E'\u2cae', E'\u2caf'), (E'\u2cb0', E'\u2cb1'), (E'\u2cb2', E'\u2cb3'),
    (E'\u2cb4', E'\u2cb5'), (E'\u2cb6', E'\u2cb7'), (E'\u2cb8', E'\u2cb9'), (E'\u2cba', E'\u2cbb'), (E'\u2cbc', E'\u2cbd'), (E'\u2cbe', E'\u2cbf'),
    (E'\u2cc0', E'\u2cc1'), (E'\u2cc2', E'\u2cc3'), (E'\u2cc4', E'\u2cc5'), (E'\u2cc6', E'\u2cc7'), (E'\u2cc8', E'\u2cc9'), (E'\u2cca', E'\u2ccb'),
    (E'\u2ccc', E'\u2ccd'), (E'\u2cce', E'\u2ccf'), (E'\u2cd0', E'\u2cd1'), (E'\u2cd2', E'\u2cd3'), (E'\u2cd4', E'\u2cd5'), (E'\u2cd6', E'\u2cd7'),
    (E'\u2cd8', E'\u2cd9'), (E'\u2cda', E'\u2cdb'), (E'\u2cdc', E'\u2cdd'), (E'\u2cde', E'\u2cdf'), (E'\u2ce0', E'\u2ce1'), (E'\u2ce2', E'\u2ce3'),
    (E'\u2ceb', E'\u2cec'), (E'\u2ced', E'\u2cee'), (E'\u2cf2', E'\u2cf3'), (E'\ua640', E'\ua641'), (E'\ua642', E'\ua643'), (E'\ua644', E'\ua645'),
    (E'\ua646', E'\ua647'), (E'\ua648', E'\ua649'), (E'\ua64a', E'\ua64b'), (E'\ua64c', E'\ua64d'), (E'\ua64e', E'\ua64f'), (E'\ua650', E'\ua651'),
    (E'\ua652', E'\ua653'), (E'\ua654', E'\ua655'), (E'\ua656', E'\ua657'), (E'\ua658', E'\ua659'), (E'\ua65a', E'\ua65b'), (E'\ua65c', E'\ua65d'),
    (E'\ua65e', E'\ua65f'), (E'\ua660', E'\ua661'), (E'\ua662', E'\ua663'), (E'\ua664', E'\ua665'), (E'\ua666', E'\ua667'), (E'\ua668', E'\ua669'),
    (E'\ua66a', E'\ua66b'), (E'\ua66c', E'\ua66d'), (E'\ua680', E'\ua681'), (E'\ua682', E'\ua683'), (E'\ua684', E'\ua685'), (E'\ua686', E'\ua687'),
    (E'\ua688', E'\ua689'), (E'\ua68a', E'\ua68b'), (E'\ua68c', E'\ua68d'), (E'\ua68e', E'\ua68f'), (E'\ua690', E'\ua691'), (E'\ua692', E'\ua693'),
    (E'\ua694', E'\ua695'), (E'\ua696', E'\ua697'), (E'\ua698', E'\ua699'), (E'\ua69a', E'\ua69b'), (E'\ua722', E'\ua723'), (E'\ua724', E'\ua725'),
    (E'\ua726', E'\ua727'), (E'\ua728', E'\ua729'), (E'\ua72a', E'\ua72b'), (E'\ua72c', E'\ua72d'), (E'\ua72e', E'\ua72f'), (E'\ua732', E'\ua733'),
    (E'\ua734', E'\ua735'), (E'\ua736', E'\ua737'), (E'\ua738', E'\ua739'), (E'\ua73a', E'\ua73b'), (E'\ua73c', E'\ua73d'), (E'\ua73e', E'\ua73f'),
    (E'\ua740', E'\ua741'), (E'\ua742', E'\ua743'), (E'\ua744', E'\ua745'), (E'\ua746', E'\ua747'), (E'\ua748', E'\ua749'), (E'\ua74a', E'\ua74b'),
    (E'\ua74c', E'\ua74d'), (E'\ua74e', E'\ua74f'), (E'\ua750', E'\ua751'), (E'\ua752', E'\ua753'), (E'\ua754', E'\ua755'), (E'\ua756', E'\ua757'),
    (E'\ua758', E'\ua759'), (E'\ua75a', E'\ua75b'), (E'\ua75c', E'\ua75d'), (E'\ua75e', E'\ua75f'), (E'\ua760', E'\ua761'), (E'\ua762', E'\ua763'),
    (E'\ua764', E'\ua765'), (E'\ua766', E'\ua767'), (E'\ua768', E'\ua769'), (E'\ua76a', E'\ua76b'), (E'\ua76c', E'\ua76d'), (E'\ua76e', E'\ua76f'),
    (E'\ua779', E'\ua77a'), (E'\ua77b', E'\ua77c'), (E'\ua77d', E'\u1d79'), (E'\ua77e', E'\ua77f'), (E'\ua780', E'\ua781'), (E'\ua782', E'\ua783'),
    (E'\ua784', E'\ua785'), (E'\ua786', E'\ua787'), (E'\ua78b', E'\ua78c'), (E'\ua78d', E'\u0265'), (E'\ua790', E'\ua791'), (E'\ua792', E'\ua793'),
    (E'\ua796', E'\ua797'), (E'\ua798', E'\ua799'), (E'\ua79a', E'\ua79b'), (E'\ua79c', E'\ua79d'), (E'\ua79e', E'\ua79f'), (E'\ua7a0', E'\ua7a1'),
    (E'\ua7a2', E'\ua7a3'), (E'\ua7a4', E'\ua7a5'), (E'\ua7a6', E'\ua7a7'), (E'\ua7a8', E'\ua7a9'), (E'\ua7aa', E'\u0266'), (E'\ua7ab', E'\u025c'),
    (E'\ua7ac', E'\u0261'), (E'\ua7ad', E'\u026c'), (E'\ua7ae', E'\u026a'), (E'\ua7b0', E'\u029e'), (E'\ua7b1', E'\u0287'), (E'\ua7b2', E'\u029d'),
    (E'\ua7b3', E'\uab53'), (E'\ua7b4', E'\ua7b5'), (E'\ua7b6', E'\ua7b7'), (E'\ua7b8', E'\ua7b9'), (E'\ua7ba', E'\ua7bb'), (E'\ua7bc', E'\ua7bd'),
    (E'\ua7be', E'\ua7bf'), (E'\ua7c0', E'\ua7c1'), (E'\ua7c2', E'\ua7c3'), (E'\ua7c4', E'\ua794'), (E'\ua7c5', E'\u0282'), (E'\ua7c6', E'\u1d8e'),
    (E'\ua7c7', E'\ua7c8'), (E'\ua7c9', E'\ua7ca'), (E'\ua7d0', E'\ua7d1'), (E'\ua7d6', E'\ua7d7'), (E'\ua7d8', E'\ua7d9'), (E'\ua7f5', E'\ua7f6'),
    (E'\uab70', E'\u13a0'), (E'\uab71', E'\u13a1'), (E'\uab72', E'\u13a2'), (E'\uab73', E'\u13a3'), (E'\uab74', E'\u13a4'), (E'\uab75', E'\u13a5'),
    (E'\uab76', E'\u13a6'), (E'\uab77', E'\u13a7'), (E'\uab78', E'\u13a8'), (E'\uab79', E'\u13a9'), (E'\uab7a', E'\u13aa'), (E'\uab7b', E'\u13ab'),
    (E'\uab7c', E'\u13ac'), (E'\uab7d', E'\u13ad'), (E'\uab7e', E'\u13ae'), (E'\uab7f', E'\u13af'), (E'\uab80', E'\u13b0'), (E'\uab81', E'\u13b1'),
    (E'\uab82', E'\u13b2'), (E'\uab83', E'\u13b3'), (E'\uab84', E'\u13b4'), (E'\uab85', E'\u13b5'), (E'\uab86', E'\u13b6'), (E'\uab87', E'\u13b7'),
    (E'\uab88', E'\u13b8'), (E'\uab89', E'\u13b9'), (E'\uab8a', E'\u13ba'), (E'\uab8b', E'\u13bb'), (E'\uab8c', E'\u13bc'), (E'\uab8d', E'\u13bd'),
    (E'\uab8e', E'\u13be'), (E'\uab8f', E'\u13bf'), (E'\uab90', E'\u13c0'), (E'\uab91', E'\u13c1'), (E'\uab92', E'\u13c2'), (E'\uab93', E'\u13c3'),
    (E'\uab94', E'\u13c4'), (E'\uab95', E'\u13c5'), (E'\uab96', E'\u13c6'), (E'\uab97', E'\u13c7'), (E'\uab98', E'\u13c8'), (E'\uab99', E'\u13c9'),
    (E'\uab9a', E'\u13ca'), (E'\uab9b', E'\u13cb'), (E'\uab9c', E'\u13cc'), (E'\uab9d', E'\u13cd'), (E'\uab9e', E'\u13ce'), (E'\uab9f', E'\u13cf'),
    (E'\uaba0', E'\u13d0'), (E'\uaba1', E'\u13d1'), (E'\uaba2', E'\u13d2'), (E'\uaba3', E'\u13d3'), (E'\uaba4', E'\u13d4'), (E'\uaba5', E'\u13d5'),
    (E'\uaba6', E'\u13d6'), (E'\uaba7', E'\u13d7'), (E'\uaba8', E'\u13d8'), (E'\uaba9', E'\u13d9'), (E'\uabaa', E'\u13da'), (E'\uabab', E'\u13db'),
    (E'\uabac', E'\u13dc'), (E'\uabad', E'\u13dd'), (E'\uabae', E'\u13de'), (E'\uabaf', E'\u13df'), (E'\uabb0', E'\u13e0'), (E'\uabb1', E'\u13e1'),
    (E'\uabb2', E'\u13e2'), (E'\uabb3', E'\u13e3'), (E'\uabb4', E'\u13e4'), (E'\uabb5', E'\u13e5'), (E'\uabb6', E'\u13e6'), (E'\uabb7', E'\u13e7'),
    (E'\uabb8', E'\u13e8'), (E'\uabb9', E'\u13e9'), (E'\uabba', E'\u13ea'), (E'\uabbb', E'\u13eb'), (E'\uabbc', E'\u13ec'), (E'\uabbd', E'\u13ed'),
    (E'\uabbe', E'\u13ee'), (E'\uabbf', E'\u13ef'), (E'\ufb00', E'\u0066\u0066'), (E'\ufb01', E'\u0066\u0069'), (E'\ufb02', E'\u0066\u006c'), (E'\ufb03', E'\u0066\u0066\u0069'),
    (E'\ufb04', E'\u0066\u0066\u006c'), (E'\ufb05', E'\u0073\u0074'), (E'\ufb06', E'\u0073\u0074'), (E'\ufb13', E'\u0574\u0576'), (E'\ufb14', E'\u0574\u0565'), (E'\ufb15', E'\u0574\u056b'),
    (E'\ufb16', E'\u057e\u0576'), (E'\ufb17', E'\u0574\u056d'), (E'\uff21', E'\uff41'), (E'\uff22', E'\uff42'), (E'\uff23', E'\uff43'), (E'\uff24', E'\uff44'),
    (E'\uff25', E'\uff45'), (E'\uff26', E'\uff46'), (E'\uff27', E'\uff47'), (E'\uff28', E'\uff48'), (E'\uff29', E'\uff49'), (E'\uff2a', E'\uff4a'),
    (E'\uff2b', E'\uff4b'), (E'\uff2c', E'\uff4c'), (E'\uff2d', E'\uff4d'), (E'\uff2e', E'\uff4e'), (E'\uff2f', E'\uff4f'), (E'\uff30', E'\uff50'),
    (E'\uff31', E'\uff51'), (E'\uff32', E'\uff52'), (E'\uff33', E'\uff53'), (E'\uff34', E'\uff54'), (E'\uff35', E'\uff55'), (E'\uff36', E'\uff56'),
    (E'\uff37', E'\uff57'), (E'\uff38', E'\uff58'), (E'\uff39', E'\uff59'), (E'\uff3a', E'\uff5a'), (E'\U00010400', E'\U00010428'), (E'\U00010401', E'\U00010429'),
    (E'\U00010402', E'\U0001042a'), (E'\U00010403', E'\U0001042b'), (E'\U00010404', E'\U0001042c'), (E'\U00010405', E'\U0001042d'), (E'\U00010406', E'\U0001042e'), (E'\U00010407', E'\U0001042f'),
    (E'\U00010408', E'\U00010430'), (E'\U00010409', E'\U00010431'), (E'\U0001040a', E'\U00010432'), (E'\U0001040b', E'\U00010433'), (E'\U0001040c', E'\U00010434'), (E'\U0001040d', E'\U00010435'),
    (E'\U0001040e', E'\U00010436'), (E'\U0001040f', E'\U00010437'), (E'\U00010410', E'\U00010438'), (E'\U00010411', E'\U00010439'), (E'\U00010412', E'\U0001043a'), (E'\U00010413', E'\U0001043b'),
    (E'\U00010414', E'\U0001043c'), (E'\U00010415', E'\U0001043d'), (E'\U00010416', E'\U0001043e'), (E'\U00010417', E'\U0001043f'), (E'\U00010418', E'\U00010440'), (E'\U00010419', E'\U00010441'),
    (E'\U0001041a', E'\U00010442'), (E'\U0001041b', E'\U00010443'), (E'\U0001041c', E'\U00010444'), (E'\U0001041d', E'\U00010445'), (E'\U0001041e', E'\U00010446'), (E'\U0001041f', E'\U00010447'),
    (E'\U00010420', E'\U00010448'), (E'\U00010421', E'\U00010449'), (E'\U00010422', E'\U0001044a'), (E'\U00010423', E'\U0001044b'), (E'\U00010424', E'\U0001044c'), (E'\U00010425', E'\U0001044d'),
    (E'\U00010426', E'\U0001044e'), (E'\U00010427', E'\U0001044f'), (E'\U000104b0', E'\U000104d8'), (E'\U000104b1', E'\U000104d9'), (E'\U000104b2', E'\U000104da'), (E'\U000104b3', E'\U000104db'),
    (E'\U000104b4', E'\U000104dc'), (E'\U000104b5', E'\U000104dd'), (E'\U000104b6', E'\U000104de'), (E'\U000104b7', E'\U000104df'), (E'\U000104b8', E'\U000104e0'), (E'\U000104b9', E'\U000104e1'),
    (E'\U000104ba', E'\U000104e2'), (E'\U000104bb', E'\U000104e3'), (E'\U000104bc', E'\U000104e4'), (E'\U000104bd', E'\U000104e5'), (E'\U000104be', E'\U000104e6'), (E'\U000104bf', E'\U000104e7'),
    (E'\U000104c0', E'\U000104e8'), (E'\U000104c1', E'\U000104e9'), (E'\U000104c2', E'\U000104ea'), (E'\U000104c3', E'\U000104eb'), (E'\U000104c4', E'\U000104ec'), (E'\U000104c5', E'\U000104ed'),
    (E'\U000104c6', E'\U000104ee'), (E'\U000104c7', E'\U000104ef'), (E'\U000104c8', E'\U000104f0'), (E'\U000104c9', E'\U000104f1'), (E'\U000104ca', E'\U000104f2'), (E'\U000104cb', E'\U000104f3'),
    (E'\U000104cc', E'\U000104f4'), (E'\U000104cd', E'\U000104f5'), (E'\U000104ce', E'\U000104f6'), (E'\U000104cf', E'\U000104f7'), (E'\U000104d0', E'\U000104f8'), (E'\U000104d1', E'\U000104f9'),
    (E'\U000104d2', E'\U000104fa'), (E'\U000104d3', E'\U000104fb'), (E'\U00010570', E'\U00010597'), (E'\U00010571', E'\U00010598'), (E'\U00010572', E'\U00010599'), (E'\U00010573', E'\U0001059a'),
    (E'\U00010574', E'\U0001059b'), (E'\U00010575', E'\U0001059c'), (E'\U00010576', E'\U0001059d'), (E'\U00010577', E'\U0001059e'), (E'\U00010578', E'\U0001059f'), (E'\U00010579', E'\U000105a0'),
    (E'\U0001057a', E'\U000105a1'), (E'\U0001057c', E'\U000105a3'), (E'\U0001057d', E'\U000105a4'), (E'\U0001057e', E'\U000105a5'), (E'\U0001057f', E'\U000105a6'), (E'\U00010580', E'\U000105a7'),
    (E'\U00010581', E'\U000105a8'), (E'\U00010582', E'\U000105a9'), (E'\U00010583', E'\U000105aa'), (E'\U00010584', E'\U000105ab'), (E'\U00010585', E'\U000105ac'), (E'\U00010586', E'\U000105ad'),
    (E'\U00010587', E'\U000105ae'), (E'\U00010588', E'\U000105af'), (E'\U00010589', E'\U000105b0'), (E'\U0001058a', E'\U000105b1'), (E'\U0001058c', E'\U000105b3'), (E'\U0001058d', E'\U000105b4'),
    (E'\U0001058e', E'\U000105b5'), (E'\U0001058f', E'\U000105b6'), (E'\U00010590', E'\U000105b7'), (E'\U00010591', E'\U000105b8'), (E'\U00010592', E'\U000105b9'), (E'\U00010594', E'\U000105bb'),
    (E'\U00010595', E'\U000105bc'), (E'\U00010c80', E'\U00010cc0'), (E'\U00010c81', E'\U00010cc1'), (E'\U00010c82', E'\U00010cc2'), (E'\U00010c83', E'\U00010cc3'), (E'\U00010c84', E'\U00010cc4'),
    (E'\U00010c85', E'\U00010cc5'), (E'\U00010c86', E'\U00010cc6'), (E'\U00010c87', E'\U00010cc7'), (E'\U00010c88', E'\U00010cc8'), (E'\U00010c89', E'\U00010cc9'), (E'\U00010c8a', E'\U00010cca'),
    (E'\U00010c8b', E'\U00010ccb'), (E'\U00010c8c', E'\U00010ccc'), (E'\U00010c8d', E'\U00010ccd'), (E'\U00010c8e', E'\U00010cce'), (E'\U00010c8f', E'\U00010ccf'), (E'\U00010c90', E'\U00010cd0'),
    (E'\U00010c91', E'\U00010cd1'), (E'\U00010c92', E'\U00010cd2'), (E'\U00010c93', E'\U00010cd3'), (E'\U00010c94', E'\U00010cd4'), (E'\U00010c95', E'\U00010cd5'), (E'\U00010c96', E'\U00010cd6'),
    (E'\U00010c97', E'\U00010cd7'), (E'\U00010c98', E'\U00010cd8'), (E'\U00010c99', E'\U00010cd9'), (E'\U00010c9a', E'\U00010cda'), (E'\U00010c9b', E'\U00010cdb'), (E'\U00010c9c', E'\U00010cdc'),
    (E'\U00010c9d', E'\U00010cdd'), (E'\U00010c9e', E'\U00010cde'), (E'\U00010c9f', E'\U00010cdf'), (E'\U00010ca0', E'\U00010ce0'), (E'\U00010ca1', E'\U00010ce1'), (E'\U00010ca2', E'\U00010ce2'),
    (E'\U00010ca3', E'\U00010ce3'), (E'\U00010ca4', E'\U00010ce4'), (E'\U00010ca5', E'\U00010ce5'), (E'\U00010ca6', E'\U00010ce6'), (E'\U00010ca7', E'\U00010ce7'), (E'\U00010ca8', E'\U00010ce8'),
    (E'\U00010ca9', E'\U00010ce9'), (E'\U00010caa', E'\U00010cea'), (E'\U00010cab', E'\U00010ceb'), (E'\U00010cac', E'\U00010cec'), (E'\U00010cad', E'\U00010ced'), (E'\U00010cae', E'\U00010cee'),
    (E'\U00010caf', E'\U00010cef'), (E'\U00010cb0', E'\U00010cf0'), (E'\U00010cb1', E'\U00010cf1'), (E'\U00010cb2', E'\U00010cf2'), (E'\U000118a0', E'\U000118c0'), (E'\U000118a1', E'\U000118c1'),
    (E'\U000118a2', E'\U000118c2'), (E'\U000118a3', E'\U000118c3'), (E'\U000118a4', E'\U000118c4'), (E'\U000118a5', E'\U000118c5'), (E'\U000118a6', E'\U000118c6'), (E'\U000118a7', E'\U000118c7'),
    (E'\U000118a8', E'\U000118c8'), (E'\U000118a9', E'\U000118c9'), (E'\U000118aa', E'\U000118ca'), (E'\U000118ab', E'\U000118cb'), (E'\U000118ac', E'\U000118cc'), (E'\U000118ad', E'\U000118cd'),
    (E'\U000118ae', E'\U000118ce'), (E'\U000118af', E'\U000118cf'), (E'\U000118b0', E'\U000118d0'), (E'\U000118b1', E'\U000118d1'), (E'\U000118b2', E'\U000118d2'), (E'\U000118b3', E'\U000118d3'),
    (E'\U000118b4', E'\U000118d4'), (E'\U000118b5', E'\U000118d5'), (E'\U000118b6', E'\U000118d6'), (E'\U000118b7', E'\U000118d7'), (E'\U000118b8', E'\U000118d8'), (E'\U000118b9', E'\U000118d9'),
    (E'\U000118ba', E'\U000118da'), (E'\U000118bb', E'\U000118db'), (E'\U000118bc', E'\U000118dc'), (E'\U000118bd', E'\U000118dd'), (E'\U000118be', E'\U000118de'), (E'\U000118bf', E'\U000118df'),
    (E'\U00016e40', E'\U00016e60'), (E'\U00016e41', E'\U00016e61'), (E'\U00016e42', E'\U00016e62'), (E'\U00016e43', E'\U00016e63'), (E'\U00016e44', E'\U00016e64'), (E'\U00016e45', E'\U00016e65'),
    (E'\U00016e46', E'\U00016e66'), (E'\U00016e47', E'\U00016e67'), (E'\U00016e48', E'\U00016e68'), (E'\U00016e49', E'\U00016e69'), (E'\U00016e4a', E'\U00016e6a'), (E'\U00016e4b', E'\U00016e6b'),
    (E'\U00016e4c', E'\U00016e6c'), (E'\U00016e4d', E'\U00016e6d'), (E'\U00016e4e', E'\U00016e6e'), (E'\U00016e4f', E'\U00016e6f'), (E'\U00016e50', E'\U00016e70'), (E'\U00016e51', E'\U00016e71'),
    (E'\U00016e52', E'\U00016e72'), (E'\U00016e53', E'\U00016e73'), (E'\U00016e54', E'\U00016e74'), (E'\U00016e55', E'\U00016e75'), (E'\U00016e56', E'\U00016e76'), (E'\U00016e57', E'\U00016e77'),
    (E'\U00016e58', E'\U00016e78'), (E'\U00016e59', E'\U00016e79'), (E'\U00016e5a', E'\U00016e7a'), (E'\U00016e5b', E'\U00016e7b'), (E'\U00016e5c', E'\U00016e7c'), (E'\U00016e5d', E'\U00016e7d'),
    (E'\U00016e5e', E'\U00016e7e'), (E'\U00016e5f', E'\U00016e7f'), (E'\U0001e900', E'\U0001e922'), (E'\U0001e901', E'\U0001e923'), (E'\U0001e902', E'\U0001e924'), (E'\U0001e903', E'\U0001e925'),
    (E'\U0001e904', E'\U0001e926'), (E'\U0001e905', E'\U0001e927'), (E'\U0001e906', E'\U0001e928'), (E'\U0001e907', E'\U0001e929'), (E'\U0001e908', E'\U0001e92a'), (E'\U0001e909', E'\U0001e92b'),
    (E'\U0001e90a', E'\U0001e92c'), (E'\U0001e90b', E'\U0001e92d'), (E'\U0001e90c', E'\U0001e92e'), (E'\U0001e90d', E'\U0001e92f'), (E'\U0001e90e', E'\U0001e930'), (E'\U0001e90f', E'\U0001e931'),
    (E'\U0001e910', E'\U0001e932'), (E'\U0001e911', E'\U0001e933'), (E'\U0001e912', E'\U0001e934'), (E'\U0001e913', E'\U0001e935'), (E'\U0001e914', E'\U0001e936'), (E'\U0001e915', E'\U0001e937'),
    (E'\U0001e916', E'\U0001e938'), (E'\U0001e917', E'\U0001e939'), (E'\U0001e918', E'\U0001e93a'), (E'\U0001e919', E'\U0001e93b'), (E'\U0001e91a', E'\U0001e93c'), (E'\U0001e91b', E'\U0001e93d'),
    (E'\U0001e91c', E'\U0001e93e'), (E'\U0001e91d', E'\U0001e93f'), (E'\U0001e91e', E'\U0001e940'), (E'\U0001e91f', E'\U0001e941'), (E'\U0001e920', E'\U0001e942'), (E'\U0001e921', E'\U0001e943');
