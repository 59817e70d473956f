-- The embedded store's schema, version 1 (PRAGMA user_version). Applied once to an empty file.
create table projects (
    id text primary key, title text not null, our_org text not null,
    partner_org text not null default '', website text not null default '',
    created_by text not null, created_at text not null,
    version integer not null default 1, revision integer not null default 1,
    signed_at text, signed_hash text not null default ''
);
create table links (
    token_hash text primary key, project_id text not null references projects(id) on delete cascade,
    role text not null, created_at text not null, revoked_at text
);
create index links_project on links(project_id, role);
create table fields (
    project_id text not null references projects(id) on delete cascade, key text not null,
    value text not null, version integer not null, updated_by text not null, updated_at text not null,
    primary key (project_id, key)
);
create table candidates (
    project_id text not null references projects(id) on delete cascade, id text not null,
    name text not null, name_norm text not null, position integer not null,
    status text not null default 'active', resources integer, competences integer,
    "values" integer, fit integer, note text not null default '', priority integer,
    version integer not null default 1, updated_by text not null, updated_at text not null,
    primary key (project_id, id), unique (project_id, name_norm)
);
create table people (
    project_id text not null references projects(id) on delete cascade, id text not null,
    name text not null, side text not null, title text not null default '',
    contact text not null default '', first_meeting integer not null default 0,
    working_group integer not null default 0,
    version integer not null default 1, updated_by text not null, updated_at text not null,
    primary key (project_id, id)
);
create table tasks (
    project_id text not null references projects(id) on delete cascade, id text not null,
    title text not null, kind text not null, responsible text not null default '',
    side text not null, start text, due text, status text not null, note text not null default '',
    internal integer not null default 0,
    version integer not null default 1, updated_by text not null, updated_at text not null,
    primary key (project_id, id)
);
create table approvals (
    project_id text not null references projects(id) on delete cascade, id text not null,
    side text not null, name text not null, content_hash text not null, approved_at text not null,
    primary key (project_id, id)
);
create table agreement_versions (
    project_id text not null references projects(id) on delete cascade, id text not null,
    content_hash text not null, markdown text not null, signed_at text not null,
    primary key (project_id, id)
);
create table health_checks (
    project_id text not null references projects(id) on delete cascade, id text not null,
    side text not null, name text not null, at text not null, answers text not null,
    primary key (project_id, id)
);
create table history (
    id integer primary key autoincrement,
    project_id text not null references projects(id) on delete cascade,
    entity text not null, target text not null, actor text not null, role text not null,
    at text not null, old text not null, new text not null, version integer not null,
    joint integer not null
);
create index history_project on history(project_id, id);
create table presence (
    project_id text not null references projects(id) on delete cascade, session_id text not null,
    name text not null, role text not null, editing text not null default '', seen real not null,
    primary key (project_id, session_id)
);
