-- Funding and the end of the term (issue 25).
--
-- Funding: applications as records (fund, amount in whole DKK, deadline, status,
-- responsible person, note), written by the association (owner, member) and the partner,
-- read by every role; compare-and-set on each record's version, with history. They stay
-- writable after signing: applications are day-to-day work (the agreement lists them, and
-- a signed version keeps the text as it was signed, as for plain tasks).
--
-- The end of the term: the agreement's period (start, end) on the project, editable by
-- owner, member and partner while the agreement is not signed (compare-and-set on
-- term_version); an evaluation per side (the health check's statements plus what was
-- reached against the objectives); and the outcome each side chooses (continue, renew,
-- close: compare-and-set on outcome_version). When both sides have chosen the same, it
-- takes effect: continue is recorded, renew reopens the agreement for a new version to
-- approve (the signed versions are kept), close makes the project read-only.
--
--   funding, evaluations, term_choices   (new tables; projects: + term_*, outcome_*, closed_*)
--   ps_add_funding, ps_update_funding, ps_set_term, ps_add_evaluation, ps_choose_outcome  (new, public)
--   term_mail_due   (new, private: the reminder mail before the period ends, for `remind`)
--   ps_import_project  (REDEFINED, the member overload of 20261205002000_members.sql: + the
--              applications and the period of an export; import_funding_term, private)
--   mail_due   (WRAPPED: the one before renamed mail_due_before_term; nothing for a closed project)
--   log        (REDEFINED from 20261205000000_commit_notify.sql: refuses every write of a
--              closed project with PT403 {"code": "closed"} - every write function logs;
--              only the owner's link settings ('links') still pass)
--   signed_at  (REDEFINED from 20261126000000_init.sql: "closed" before "signed" on a
--              closed project - only writes ask it)
--   snapshot   (WRAPPED: the one before renamed snapshot_before_term, so the member
--              wrapper of 20261205002000_members.sql and any later addition are kept;
--              + "funding" and "term" for every role)
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'partnership_private' and c.relname = 'funding') then
        raise exception 'migration 20261206000200_funding_term is already applied (partnership_private.funding exists); nothing was changed';
    end if;
end
$guard$;

-- -- tables -----------------------------------------------------------------------------

create table partnership_private.funding (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    fund text not null check (pg_catalog.length(fund) between 1 and 200),
    amount bigint not null default 0 check (amount between 0 and 1000000000),
    deadline date check (deadline between date '1900-01-01' and date '2200-12-31'),
    status text not null default 'planned' check (status in ('planned', 'sent', 'granted', 'refused')),
    responsible text not null default '' check (pg_catalog.length(responsible) <= 64),
    note text not null default '' check (pg_catalog.length(note) <= 1000),
    version integer not null default 1,
    updated_by text not null check (pg_catalog.length(updated_by) <= 200),
    updated_at timestamptz not null,
    seq bigint generated always as identity,
    primary key (project_id, id)
);

create table partnership_private.evaluations (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    side text not null check (side in ('association', 'partner')),
    name text not null check (pg_catalog.length(name) <= 200),
    at timestamptz not null,
    answers jsonb not null,
    reached text not null default '',  -- at most max_text(): ps_add_evaluation checks
    seq bigint generated always as identity,
    primary key (project_id, id)
);

create table partnership_private.term_choices (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    side text not null check (side in ('association', 'partner')),
    choice text not null check (choice in ('continue', 'renew', 'close')),
    note text not null default '' check (pg_catalog.length(note) <= 1000),
    name text not null check (pg_catalog.length(name) <= 200),
    at timestamptz not null,
    primary key (project_id, side)
);

alter table partnership_private.projects
    add column term_start date check (term_start between date '1900-01-01' and date '2200-12-31'),
    add column term_end date check (term_end between date '1900-01-01' and date '2200-12-31'),
    add column term_version integer not null default 0,
    add column term_by text not null default '' check (pg_catalog.length(term_by) <= 200),
    add column term_at timestamptz,
    add column outcome text not null default '' check (outcome in ('', 'continue', 'renew', 'close')),
    add column outcome_at timestamptz,
    add column outcome_version integer not null default 0,
    add column closed_at timestamptz,
    add column closed_note text not null default '' check (pg_catalog.length(closed_note) <= 2100);

alter table partnership_private.funding enable row level security;
alter table partnership_private.evaluations enable row level security;
alter table partnership_private.term_choices enable row level security;

insert into partnership_private.limit_settings (name, value) values ('funding', 500), ('evaluations', 500)
on conflict (name) do nothing;
create trigger cap_funding after insert on partnership_private.funding
    referencing new table as added for each statement execute function partnership_private.cap_records();
create trigger cap_evaluations after insert on partnership_private.evaluations
    referencing new table as added for each statement execute function partnership_private.cap_records();

-- -- a closed project is read-only -------------------------------------------------------

-- From 20261205000000_commit_notify.sql. Every accepted write of a project goes through
-- log(), so refusing here refuses every write function, those of later migrations too,
-- in the same transaction (nothing is saved half-way). The owner's link settings stay.
create or replace function partnership_private.log(p_project text, p_role text, p_actor text, p_entity text,
                                                   p_target text, p_old text, p_new text, p_version integer,
                                                   p_joint boolean, p_at timestamptz)
returns void language plpgsql set search_path = '' as $$
begin
    if p_entity <> 'links' and exists (select 1 from partnership_private.projects p
                                        where p.id = p_project and p.closed_at is not null) then
        perform partnership_private.forbidden('closed', 'the partnership is closed: nothing can be changed');
    end if;
    insert into partnership_private.history (project_id, entity, target, actor, role, at, old, new, version, joint)
    values (p_project, p_entity, p_target, p_actor, p_role, p_at, p_old, p_new, p_version, p_joint);
    if p_entity = 'field' then
        perform pg_catalog.set_config('partnership.scope',
            case when (p_old ~ '\S') = (p_new ~ '\S') then 'text:' else 'fill:' end || p_target, true);
    end if;
    update partnership_private.projects set revision = revision + 1 where id = p_project;
    perform pg_catalog.set_config('partnership.scope', '', true);
end
$$;

-- From 20261126000000_init.sql. Every "is it signed?" check is a write's (set_field,
-- task_rule, the people's rule, approve, reopen): on a closed project it says "closed"
-- rather than "signed", so the refusal names the stronger lock.
create or replace function partnership_private.signed_at(p_project text)
returns timestamptz language plpgsql stable set search_path = '' as $$
declare
    v_signed timestamptz;
    v_closed timestamptz;
begin
    select p.signed_at, p.closed_at into v_signed, v_closed from partnership_private.projects p where p.id = p_project;
    if v_closed is not null then
        perform partnership_private.forbidden('closed', 'the partnership is closed: nothing can be changed');
    end if;
    return v_signed;
end
$$;

-- -- funding ------------------------------------------------------------------------------

create function partnership_private.funding_content(f partnership_private.funding)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'fund', f.fund, 'amount', f.amount, 'deadline', partnership_private.iso_date(f.deadline),
        'status', f.status, 'responsible', f.responsible, 'note', f.note)
$$;

create function partnership_private.funding_json(f partnership_private.funding)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.funding_content(f) || pg_catalog.jsonb_build_object(
        'id', f.id, 'version', f.version, 'updated_by', f.updated_by,
        'updated_at', partnership_private.iso(f.updated_at))
$$;

-- The changes of an application, checked (funding.validate_changes in Python says the same).
create function partnership_private.funding_changes(p_project text, p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '{}';
    v_amount jsonb;
    v_person partnership_private.people%rowtype;
begin
    perform partnership_private.only(p, array['fund', 'amount', 'deadline', 'status', 'responsible', 'note'], 'funding');
    if p ? 'fund' then
        v_out := v_out || pg_catalog.jsonb_build_object('fund', partnership_private.jname(p -> 'fund', 'funding.fund'));
    end if;
    if p ? 'amount' then
        v_amount := p -> 'amount';
        if pg_catalog.jsonb_typeof(v_amount) <> 'number' or (v_amount #>> '{}') !~ '^[0-9]+$'
                or (v_amount #>> '{}')::numeric > 1000000000 then
            perform partnership_private.invalid('bad_amount', 'amount: a whole number of kroner, 0 or more',
                                                '{"what": "funding.amount"}');
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object('amount', (v_amount #>> '{}')::bigint);
    end if;
    if p ? 'deadline' then
        v_out := v_out || pg_catalog.jsonb_build_object('deadline',
            partnership_private.iso_date(partnership_private.a_date(p -> 'deadline', 'funding.deadline')));
    end if;
    if p ? 'status' then
        v_out := v_out || pg_catalog.jsonb_build_object('status', partnership_private.choice(
            p -> 'status', array['planned', 'sent', 'granted', 'refused'], 'funding.status'));
    end if;
    if p ? 'responsible' then
        v_out := v_out || pg_catalog.jsonb_build_object('responsible',
            partnership_private.jtext(p -> 'responsible', 'funding.responsible', 64, false));
        if v_out ->> 'responsible' <> '' then
            v_person := partnership_private.get_person_or_null(p_project, v_out ->> 'responsible');
            -- only a person both sides see: the partner and the viewer read every application
            if v_person.id is null or not partnership_private.person_shared(v_person) then
                perform partnership_private.invalid('not_found', 'no such person', '{"what": "funding.responsible"}');
            end if;
        end if;
    end if;
    if p ? 'note' then
        v_out := v_out || pg_catalog.jsonb_build_object('note',
            partnership_private.jtext(p -> 'note', 'funding.note', 1000, false));
    end if;
    return v_out;
end
$$;

create function public.ps_add_funding(p_token text, p_project text, p_fields jsonb, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_clean jsonb;
    v_row jsonb;
    v_new partnership_private.funding%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_clean := partnership_private.funding_changes(v_link.project_id, p_fields);
    if not v_clean ? 'fund' then
        perform partnership_private.invalid('required', 'fund is required', '{"what": "funding.fund"}');
    end if;
    v_row := '{"amount": 0, "deadline": null, "status": "planned", "responsible": "", "note": ""}'::jsonb || v_clean;
    insert into partnership_private.funding (project_id, id, fund, amount, deadline, status, responsible, note,
                                             updated_by, updated_at)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_row ->> 'fund',
            (v_row ->> 'amount')::bigint, (v_row ->> 'deadline')::date, v_row ->> 'status', v_row ->> 'responsible',
            v_row ->> 'note', p_actor, pg_catalog.clock_timestamp())
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'funding', v_new.id, '',
                                    partnership_private.json_text(partnership_private.funding_content(v_new)),
                                    1, true, v_new.updated_at);
    return partnership_private.funding_json(v_new);
end
$$;

create function public.ps_update_funding(p_token text, p_project text, p_id text, p_changes jsonb,
                                         p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_clean jsonb;
    v_cur partnership_private.funding%rowtype;
    v_after jsonb;
    v_new partnership_private.funding%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_clean := partnership_private.funding_changes(v_link.project_id, p_changes);
    select * into v_cur from partnership_private.funding f where f.project_id = v_link.project_id and f.id = p_id;
    if not found then
        perform partnership_private.invalid('not_found', 'no such application', '{"what": "funding"}');
    end if;
    if v_cur.version is distinct from p_expected_version then
        perform partnership_private.conflict(partnership_private.funding_content(v_cur), v_cur.version,
                                             v_cur.updated_by, v_cur.updated_at);
    end if;
    v_after := partnership_private.funding_content(v_cur) || v_clean;
    update partnership_private.funding f set fund = v_after ->> 'fund', amount = (v_after ->> 'amount')::bigint,
        deadline = (v_after ->> 'deadline')::date, status = v_after ->> 'status',
        responsible = v_after ->> 'responsible', note = v_after ->> 'note', version = f.version + 1,
        updated_by = p_actor, updated_at = pg_catalog.clock_timestamp()
    where f.project_id = v_link.project_id and f.id = p_id
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'funding', p_id,
                                    partnership_private.json_text(partnership_private.funding_content(v_cur)),
                                    partnership_private.json_text(partnership_private.funding_content(v_new)),
                                    v_new.version, true, v_new.updated_at);
    return v_new.version;
end
$$;

-- -- the term -----------------------------------------------------------------------------

create function partnership_private.evaluation_json(e partnership_private.evaluations)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object('id', e.id, 'side', e.side, 'name', e.name,
                                         'at', partnership_private.iso(e.at), 'answers', e.answers, 'reached', e.reached)
$$;

-- The period, the sides' choices, the outcome and the closing, as the pages read them.
create function partnership_private.term_json(p partnership_private.projects)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'start', partnership_private.iso_date(p.term_start), 'end', partnership_private.iso_date(p.term_end),
        'version', p.term_version, 'updated_by', p.term_by, 'updated_at', partnership_private.iso(p.term_at),
        'outcome', p.outcome, 'outcome_at', partnership_private.iso(p.outcome_at),
        'outcome_version', p.outcome_version,
        'closed_at', partnership_private.iso(p.closed_at), 'closed_note', p.closed_note,
        'choices', coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'side', c.side, 'choice', c.choice, 'note', c.note, 'name', c.name,
                'at', partnership_private.iso(c.at)) order by c.side collate "C")
            from partnership_private.term_choices c where c.project_id = p.id), '[]'::jsonb),
        'evaluations', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.evaluation_json(e) order by e.at, e.seq)
            from partnership_private.evaluations e where e.project_id = p.id), '[]'::jsonb))
$$;

-- The agreement's period (p_period: {"start": ISO date | null, "end": ISO date}); part of
-- the agreement text, so only while it is not signed. A new end clears an earlier outcome.
create function public.ps_set_term(p_token text, p_project text, p_period jsonb, p_expected_version integer,
                                   p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.projects%rowtype;
    v_new partnership_private.projects%rowtype;
    v_start date;
    v_end date;
    v_at timestamptz := pg_catalog.clock_timestamp();
begin
    p_actor := partnership_private.actor(p_actor);
    perform partnership_private.only(p_period, array['start', 'end'], 'term');
    v_start := partnership_private.a_date(p_period -> 'start', 'term.start');
    v_end := partnership_private.a_date(p_period -> 'end', 'term.end');
    if v_end is null then
        perform partnership_private.invalid('required', 'the end of the period is required', '{"what": "term.end"}');
    end if;
    if v_start is not null and v_end < v_start then
        perform partnership_private.invalid('due_before_start', 'the period ends before it starts', '{"what": "term.end"}');
    end if;
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    select * into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur.term_version is distinct from p_expected_version then
        perform partnership_private.conflict(pg_catalog.jsonb_build_object(
            'start', partnership_private.iso_date(v_cur.term_start), 'end', partnership_private.iso_date(v_cur.term_end)),
            v_cur.term_version, v_cur.term_by, v_cur.term_at);
    end if;
    if v_cur.signed_at is not null then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
    update partnership_private.projects p set term_start = v_start, term_end = v_end,
        term_version = p.term_version + 1, term_by = p_actor, term_at = v_at,
        outcome = case when v_end is distinct from p.term_end then '' else p.outcome end,
        outcome_at = case when v_end is distinct from p.term_end then null else p.outcome_at end
    where p.id = v_link.project_id
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'term', 'period',
        partnership_private.json_text(pg_catalog.jsonb_build_object('start', partnership_private.iso_date(v_cur.term_start),
                                                                    'end', partnership_private.iso_date(v_cur.term_end))),
        partnership_private.json_text(pg_catalog.jsonb_build_object('start', partnership_private.iso_date(v_new.term_start),
                                                                    'end', partnership_private.iso_date(v_new.term_end))),
        v_new.term_version, true, v_at);
    return partnership_private.term_json(v_new);
end
$$;

-- One side's evaluation at the end of the term: the health check's statements (as
-- ps_add_health_check takes them; none is fine when "reached" says something) and what
-- was reached against the objectives.
create function public.ps_add_evaluation(p_token text, p_project text, p_name text, p_answers jsonb, p_reached text,
                                         p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_name text := partnership_private.name(p_name, 'evaluation.name');
    v_reached text := partnership_private.strip(partnership_private.check_text(p_reached, 'evaluation.reached',
                                                                                         partnership_private.max_text(), false));
    v_answers jsonb := '[]';
    v_link record;
    v_new partnership_private.evaluations%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    if p_answers is not null and p_answers <> '{}'::jsonb then
        v_answers := partnership_private.health_answers(p_answers);
    elsif v_reached = '' then
        perform partnership_private.invalid('required', 'an evaluation says something', '{"what": "evaluation.reached"}');
    end if;
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    insert into partnership_private.evaluations (project_id, id, side, name, at, answers, reached)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''),
            partnership_private.side_of(v_link.role), v_name, pg_catalog.clock_timestamp(), v_answers, v_reached)
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'evaluation', v_new.id, '',
                                    partnership_private.json_text(partnership_private.evaluation_json(v_new) - 'id'),
                                    1, true, v_new.at);
    return partnership_private.evaluation_json(v_new);
end
$$;

-- One side's choice of the outcome (compare-and-set on outcome_version, which every
-- choice moves). When both sides' choices are the same it takes effect at once:
--   continue  recorded as the outcome;
--   renew     the agreement reopens (as ps_reopen: approvals go, signed versions stay);
--   close     the project is closed: read-only from now on, with both sides' notes.
-- The choices are then cleared; the outcome stays until the period changes.
create function public.ps_choose_outcome(p_token text, p_project text, p_choice text, p_note text,
                                         p_expected_version integer, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_side text;
    v_cur partnership_private.projects%rowtype;
    v_new partnership_private.projects%rowtype;
    v_note text := partnership_private.strip(partnership_private.check_text(p_note, 'outcome.note', 1000, false));
    v_other text;
    v_notes text;
    v_at timestamptz := pg_catalog.clock_timestamp();
begin
    perform partnership_private.choice(pg_catalog.to_jsonb(p_choice), array['continue', 'renew', 'close'], 'outcome');
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    select * into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur.closed_at is not null then
        perform partnership_private.forbidden('closed', 'the partnership is closed: nothing can be changed');
    end if;
    if v_cur.outcome_version is distinct from p_expected_version then
        perform partnership_private.conflict(partnership_private.term_json(v_cur), v_cur.outcome_version, '', null);
    end if;
    if v_cur.signed_at is null then
        perform partnership_private.invalid('not_signed', 'the agreement is not signed', '{"what": "agreement"}');
    end if;
    v_side := partnership_private.side_of(v_link.role);
    insert into partnership_private.term_choices as c (project_id, side, choice, note, name, at)
    values (v_link.project_id, v_side, p_choice, v_note, p_actor, v_at)
    on conflict (project_id, side) do update set choice = excluded.choice, note = excluded.note,
        name = excluded.name, at = excluded.at;
    update partnership_private.projects p set outcome_version = p.outcome_version + 1 where p.id = v_link.project_id;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'term', 'choice', '',
                                    partnership_private.json_text(pg_catalog.jsonb_build_object(
                                        'side', v_side, 'choice', p_choice, 'note', v_note)),
                                    v_cur.outcome_version + 1, true, v_at);
    select c.choice into v_other from partnership_private.term_choices c
    where c.project_id = v_link.project_id and c.side <> v_side;
    if v_other is distinct from p_choice then
        select * into v_new from partnership_private.projects p where p.id = v_link.project_id;
        return partnership_private.term_json(v_new);
    end if;
    -- both sides chose the same: it takes effect
    select pg_catalog.string_agg(c.note, E'\n\n' order by c.side collate "C") into v_notes
    from partnership_private.term_choices c where c.project_id = v_link.project_id and c.note <> '';
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'term', 'outcome', '', p_choice,
                                    v_cur.outcome_version + 1, true, v_at);
    if p_choice = 'renew' then
        update partnership_private.projects set signed_at = null, signed_hash = '' where id = v_link.project_id;
        delete from partnership_private.approvals where project_id = v_link.project_id;
        perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'agreement', 'reopen',
                                        v_cur.signed_hash, '', 1, true, v_at);
    end if;
    delete from partnership_private.term_choices where project_id = v_link.project_id;
    update partnership_private.projects p set outcome = p_choice, outcome_at = v_at,
        closed_at = case when p_choice = 'close' then v_at end,
        closed_note = case when p_choice = 'close' then coalesce(v_notes, '') else '' end
    where p.id = v_link.project_id
    returning * into v_new;
    return partnership_private.term_json(v_new);
end
$$;

-- -- export and import ----------------------------------------------------------------------
-- An export (ps_export_project, from the snapshot) holds "funding" and "term"; an import
-- restores the applications (ids, versions, who and when kept; checked as ps_add_funding
-- checks them)
-- and the period, never evaluations, choices, an outcome or the closed state.

create function partnership_private.import_funding_term(p_project text, p_data jsonb, p_creator text)
returns void language plpgsql set search_path = '' as $$
declare
    v_item jsonb;
    v_clean jsonb;
    v_row jsonb;
    v_id text;
    v_version integer;
    v_start date;
    v_end date;
begin
    if pg_catalog.jsonb_typeof(p_data -> 'funding') = 'array' then
        for v_item in select x from pg_catalog.jsonb_array_elements(p_data -> 'funding') x loop
            if pg_catalog.jsonb_typeof(v_item) <> 'object' then
                perform partnership_private.invalid('bad_import', 'funding: not a record', '{"what": "funding"}');
            end if;
            v_clean := partnership_private.funding_changes(p_project,
                v_item - 'id' - 'version' - 'updated_by' - 'updated_at');
            if not v_clean ? 'fund' then
                perform partnership_private.invalid('required', 'fund is required', '{"what": "funding.fund"}');
            end if;
            v_id := partnership_private.jtext(v_item -> 'id', 'funding.id', 64, true);
            v_version := case when pg_catalog.jsonb_typeof(v_item -> 'version') = 'number'
                                   and (v_item ->> 'version') ~ '^[0-9]{1,9}$' then (v_item ->> 'version')::integer
                              else 1 end;
            v_row := '{"amount": 0, "deadline": null, "status": "planned", "responsible": "", "note": ""}'::jsonb
                     || v_clean;
            insert into partnership_private.funding (project_id, id, fund, amount, deadline, status, responsible,
                                                     note, version, updated_by, updated_at)
            values (p_project, v_id, v_row ->> 'fund', (v_row ->> 'amount')::bigint, (v_row ->> 'deadline')::date,
                    v_row ->> 'status', v_row ->> 'responsible', v_row ->> 'note', greatest(v_version, 1),
                    coalesce(nullif(partnership_private.jtext(coalesce(v_item -> 'updated_by', '""'),
                                                              'funding.updated_by', 200, false), ''), p_creator),
                    coalesce((v_item ->> 'updated_at')::timestamptz, pg_catalog.clock_timestamp()));
        end loop;
    end if;
    if pg_catalog.jsonb_typeof(p_data -> 'term') = 'object' then
        v_start := partnership_private.a_date(p_data -> 'term' -> 'start', 'term.start');
        v_end := partnership_private.a_date(p_data -> 'term' -> 'end', 'term.end');
        if v_end is not null then
            if v_start is not null and v_end < v_start then
                perform partnership_private.invalid('due_before_start', 'the period ends before it starts',
                                                    '{"what": "term.end"}');
            end if;
            update partnership_private.projects set term_start = v_start, term_end = v_end, term_version = 1,
                term_by = p_creator, term_at = pg_catalog.clock_timestamp()
            where id = p_project;
        end if;
    end if;
exception when unique_violation then
    perform partnership_private.invalid('bad_import', 'an application id is used twice', '{"what": "funding.id"}');
end
$$;

-- From 20261205002000_members.sql (the overload RpcStore calls): + the applications and
-- the period.
create or replace function public.ps_import_project(p_data jsonb, p_creator text, p_owner_token text,
                                                    p_partner_token text, p_viewer_token text, p_member_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_answer jsonb;
begin
    v_answer := public.ps_import_project(p_data, p_creator, p_owner_token, p_partner_token, p_viewer_token);
    perform partnership_private.new_link(v_answer ->> 'project_id', 'member', p_member_token);
    perform partnership_private.import_funding_term(v_answer ->> 'project_id', p_data,
                                                    partnership_private.actor(p_creator));
    return v_answer;
end
$$;

-- -- the reminder mail before the period ends ---------------------------------------------
-- Private, like mail_due (20261205003000_mail.sql): `python -m partnership remind` adds
-- these to mail_due's. One mail per active subscription and period end, once the end is
-- within p_days (term.REMIND_DAYS) and no outcome is chosen for it; never for a closed
-- project.                                                   key <sub>:term:<end date>
create function partnership_private.term_mail_due(p_today date, p_days integer)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'key', s.id || ':term:' || partnership_private.iso_date(p.term_end), 'subscription', s.id,
        'email', s.email, 'lang', s.lang, 'person', x.name, 'person_side', x.side, 'project', p.title,
        'our_org', p.our_org, 'partner_org', p.partner_org, 'kind', 'term', 'what', '',
        'day', partnership_private.iso_date(p.term_end), 'actor', '', 'side', '', 'signed', p.signed_at is not null,
        'note', '') order by s.seq), '[]'::jsonb)
    from partnership_private.mail_subscriptions s
    join partnership_private.people x on x.project_id = s.project_id and x.id = s.person_id
    join partnership_private.projects p on p.id = s.project_id
    where s.ended_at is null and p.closed_at is null and p.outcome = ''
      and p.term_end between p_today and p_today + p_days
      and not exists (select 1 from partnership_private.mail_sent m
                      where m.key = s.id || ':term:' || partnership_private.iso_date(p.term_end))
$$;

-- A closed project sends no more mail: mail_due (20261205003000_mail.sql) WRAPPED, the
-- one before renamed mail_due_before_term.
alter function partnership_private.mail_due(date, integer) rename to mail_due_before_term;

create function partnership_private.mail_due(p_today date, p_days integer)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(i.item order by i.n), '[]'::jsonb)
    from pg_catalog.jsonb_array_elements(partnership_private.mail_due_before_term(p_today, p_days))
         with ordinality as i (item, n)
    where not exists (select 1 from partnership_private.mail_subscriptions s
                      join partnership_private.projects p on p.id = s.project_id
                      where s.id = i.item ->> 'subscription' and p.closed_at is not null)
$$;

-- -- the snapshot -------------------------------------------------------------------------

alter function partnership_private.snapshot(text, text) rename to snapshot_before_term;

create function partnership_private.snapshot(p_project text, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.snapshot_before_term(p_project, p_role)
           || (select pg_catalog.jsonb_build_object(
                   'funding', coalesce((
                       select pg_catalog.jsonb_agg(partnership_private.funding_json(f)
                                                   order by f.deadline nulls last, f.fund collate "C", f.seq)
                       from partnership_private.funding f where f.project_id = p.id), '[]'::jsonb),
                   'term', partnership_private.term_json(p))
               from partnership_private.projects p where p.id = p_project)
$$;

-- -- privileges ---------------------------------------------------------------------------

revoke all on table partnership_private.funding, partnership_private.evaluations, partnership_private.term_choices
    from public, anon, authenticated, service_role;
revoke all on sequence partnership_private.funding_seq_seq, partnership_private.evaluations_seq_seq
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.log(text, text, text, text, text, text, text, integer, boolean, timestamptz)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.signed_at(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.funding_content(partnership_private.funding) from public, anon, authenticated, service_role;
revoke all on function partnership_private.funding_json(partnership_private.funding) from public, anon, authenticated, service_role;
revoke all on function partnership_private.funding_changes(text, jsonb) from public, anon, authenticated, service_role;
revoke all on function partnership_private.evaluation_json(partnership_private.evaluations) from public, anon, authenticated, service_role;
revoke all on function partnership_private.term_json(partnership_private.projects) from public, anon, authenticated, service_role;
revoke all on function partnership_private.term_mail_due(date, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.import_funding_term(text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_import_project(jsonb, text, text, text, text, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_import_project(jsonb, text, text, text, text, text) to anon;
revoke all on function partnership_private.mail_due(date, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_due_before_term(date, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.snapshot(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.snapshot_before_term(text, text) from public, anon, authenticated, service_role;

revoke all on function public.ps_add_funding(text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_funding(text, text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_set_term(text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_evaluation(text, text, text, jsonb, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_choose_outcome(text, text, text, text, integer, text) from public, anon, authenticated, service_role;
grant execute on function public.ps_add_funding(text, text, jsonb, text) to anon;
grant execute on function public.ps_update_funding(text, text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_set_term(text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_add_evaluation(text, text, text, jsonb, text, text) to anon;
grant execute on function public.ps_choose_outcome(text, text, text, text, integer, text) to anon;
