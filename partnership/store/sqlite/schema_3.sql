-- The embedded store's tables as of schema version 3: version 1 (schema_1.sql) and 2
-- (links.sealed, links.opened_at), now with the CHECK constraints the PostgreSQL tables
-- have (supabase/migrations: lengths, the enums, the task date range, JSON answers: an
-- object here, statement -> [rating, comment]) and 0/1 for the flags PostgreSQL keeps
-- as booleans. A date is checked as date(x, '+0 days') is x: the modifier makes SQLite
-- normalise an impossible day (2026-02-30), which then differs. Step 3 rebuilds every
-- table to these definitions, keeping every row; a new file gets them the same way.
create table projects (
    id text primary key, title text not null check (length(title) <= 200),
    our_org text not null check (length(our_org) <= 200),
    partner_org text not null default '' check (length(partner_org) <= 200),
    website text not null default '' check (length(website) <= 200),
    created_by text not null check (length(created_by) <= 200), created_at text not null,
    version integer not null default 1, revision integer not null default 1,
    signed_at text, signed_hash text not null default '' check (length(signed_hash) <= 200)
);
create table links (
    token_hash text primary key check (length(token_hash) = 64 and token_hash not glob '*[^0-9a-f]*'),
    project_id text not null references projects(id) on delete cascade,
    role text not null check (role in ('owner', 'partner', 'viewer')), created_at text not null, revoked_at text,
    sealed text check (length(sealed) between 4 and 300 and sealed glob 'v1.*'
                       and substr(sealed, 4) not glob '*[^A-Za-z0-9_=-]*'),
    opened_at text
);
create table fields (
    project_id text not null references projects(id) on delete cascade, key text not null,
    value text not null check (length(value) <= 20000), version integer not null,
    updated_by text not null check (length(updated_by) <= 200), updated_at text not null,
    primary key (project_id, key)
);
create table candidates (
    project_id text not null references projects(id) on delete cascade,
    id text not null check (length(id) between 1 and 64), name text not null check (length(name) <= 200),
    name_norm text not null, position integer not null,
    status text not null default 'active' check (status in ('active', 'set_aside', 'refused')),
    resources integer check (resources between 1 and 5), competences integer check (competences between 1 and 5),
    "values" integer check ("values" between 1 and 5), fit integer check (fit between 1 and 5),
    note text not null default '' check (length(note) <= 20000), priority integer check (priority between 1 and 3),
    version integer not null default 1, updated_by text not null check (length(updated_by) <= 200),
    updated_at text not null,
    primary key (project_id, id), unique (project_id, name_norm)
);
create table people (
    project_id text not null references projects(id) on delete cascade,
    id text not null check (length(id) between 1 and 64), name text not null check (length(name) <= 200),
    side text not null check (side in ('association', 'partner')),
    title text not null default '' check (length(title) <= 200),
    contact text not null default '' check (length(contact) <= 200),
    first_meeting integer not null default 0 check (first_meeting in (0, 1)),
    working_group integer not null default 0 check (working_group in (0, 1)),
    version integer not null default 1, updated_by text not null check (length(updated_by) <= 200),
    updated_at text not null,
    primary key (project_id, id)
);
create table tasks (
    project_id text not null references projects(id) on delete cascade,
    id text not null check (length(id) between 1 and 64), title text not null check (length(title) <= 200),
    kind text not null check (kind in ('activity', 'task', 'follow_up', 'milestone')),
    responsible text not null default '' check (length(responsible) <= 64),
    side text not null check (side in ('association', 'partner')),
    start text check (date(start, '+0 days') is start and start between '1900-01-01' and '2200-12-31'),
    due text check (date(due, '+0 days') is due and due between '1900-01-01' and '2200-12-31'),
    status text not null check (status in ('planned', 'in_progress', 'done', 'blocked')),
    note text not null default '' check (length(note) <= 20000),
    internal integer not null default 0 check (internal in (0, 1)),
    version integer not null default 1, updated_by text not null check (length(updated_by) <= 200),
    updated_at text not null,
    primary key (project_id, id)
);
create table approvals (
    project_id text not null references projects(id) on delete cascade,
    id text not null check (length(id) between 1 and 64), side text not null check (side in ('association', 'partner')),
    name text not null check (length(name) <= 200), content_hash text not null check (length(content_hash) <= 200),
    approved_at text not null,
    primary key (project_id, id)
);
create table agreement_versions (
    project_id text not null references projects(id) on delete cascade,
    id text not null check (length(id) between 1 and 64),
    content_hash text not null check (length(content_hash) <= 200),
    markdown text not null check (length(markdown) <= 1000000), signed_at text not null,
    primary key (project_id, id)
);
create table health_checks (
    project_id text not null references projects(id) on delete cascade,
    id text not null check (length(id) between 1 and 64), side text not null check (side in ('association', 'partner')),
    name text not null check (length(name) <= 200), at text not null,
    answers text not null check (json_valid(answers) and json_type(answers) = 'object'),
    primary key (project_id, id)
);
create table history (
    id integer primary key autoincrement,
    project_id text not null references projects(id) on delete cascade,
    entity text not null check (length(entity) <= 64), target text not null check (length(target) <= 200),
    actor text not null check (length(actor) <= 200), role text not null check (role in ('owner', 'partner', 'viewer')),
    at text not null, old text not null check (length(old) <= 100000), new text not null check (length(new) <= 100000),
    version integer not null, joint integer not null check (joint in (0, 1))
);
create table presence (
    project_id text not null references projects(id) on delete cascade,
    session_id text not null check (length(session_id) <= 64), name text not null check (length(name) <= 200),
    role text not null check (role in ('owner', 'partner', 'viewer')),
    editing text not null default '' check (length(editing) <= 64), seen real not null,
    primary key (project_id, session_id)
);
create index links_project on links(project_id, role);
create index links_created on links(created_at);
create index projects_untouched on projects(created_at) where revision = 1;
create index history_project on history(project_id, id);
create index presence_seen on presence(seen);
