-- The association's room (issue 26, what was left): Møde 1's agenda moved by a facilitator,
-- suggestions private to their author during step 2's reflection, a new partnership
-- started from an earlier one, and signing for the association kept with the owner.
--
--   agenda_points, agenda_json  (new: Møde 1's agenda has agenda_points() points, the same
--                  number as partnership/agenda.py's MEETING_1; a contract test compares them)
--   ps_agenda      (new: the owner or a member sets the current point, 0 = not under way;
--                  compare-and-set on agenda_version, with history; the snapshot carries it)
--   round_is_open, candidate_shared  (new: a suggestion made while a reflection round is
--                  open belongs to its author - the name it was made under - until the time
--                  is up, the round is finished or reset, or a new round starts)
--   ps_timer       (REDEFINED from 20261205002000_members.sql: + rounds, + action 'finish',
--                  which ends the round at once and shares its suggestions)
--   ps_add_candidate  (WRAPPED: the earlier one renamed add_candidate_as_shared; a suggestion
--                  made while a round is open is marked private; a name someone else holds
--                  privately is refused as 'duplicate_private' without saying whose)
--   ps_private_round  (new: the caller's own private suggestions and how many others wait)
--   snapshot, history  (WRAPPED: the earlier ones renamed *_before_room; private suggestions
--                  and their history entries are left out for everyone; + "agenda", "may_sign")
--   ps_approve, ps_reopen  (WRAPPED: the earlier ones renamed *_any_side; a member is refused
--                  with 'owner_signs': the owner's link signs, and unsigns, for the association)
--   ps_start_from  (new: a new project, owned by the caller, with the source's step 1 and its
--                  candidates but the refused ones and the partner, in one transaction)
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_attribute
               where attrelid = 'partnership_private.projects'::pg_catalog.regclass
                 and attname = 'agenda_point') then
        raise exception 'migration 20261206000400_room is already applied; nothing was changed';
    end if;
end
$guard$;

-- -- Møde 1's agenda ---------------------------------------------------------------------

alter table partnership_private.projects
    add column agenda_point integer not null default 0 check (agenda_point between 0 and 50),
    add column agenda_version integer not null default 0,
    add column agenda_by text not null default '' check (pg_catalog.length(agenda_by) <= 200),
    add column agenda_at timestamptz,
    add column timer_round integer not null default 0,
    add column round_open boolean not null default false;

alter table partnership_private.candidates
    add column private_round integer,
    add column suggested_by text check (pg_catalog.length(suggested_by) <= 200);

create function partnership_private.agenda_points()
returns integer language sql immutable set search_path = '' as $$
    select 5
$$;

create function partnership_private.agenda_json(p partnership_private.projects)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'point', p.agenda_point, 'points', partnership_private.agenda_points(), 'version', p.agenda_version,
        'updated_by', p.agenda_by, 'updated_at', partnership_private.iso(p.agenda_at))
$$;

-- p_point: 0 (the meeting is not under way) to agenda_points(). Returns the new agenda.
create function public.ps_agenda(p_token text, p_project text, p_point integer, p_expected_version integer,
                                 p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.projects%rowtype;
    v_new partnership_private.projects%rowtype;
    v_now timestamptz := pg_catalog.clock_timestamp();
begin
    if p_point is null or p_point not between 0 and partnership_private.agenda_points() then
        perform partnership_private.invalid('invalid', 'no such agenda point', '{"what": "agenda"}');
    end if;
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    select * into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur.agenda_version is distinct from p_expected_version then
        perform partnership_private.conflict(partnership_private.agenda_json(v_cur), v_cur.agenda_version,
                                             v_cur.agenda_by, v_cur.agenda_at);
    end if;
    update partnership_private.projects p set
        agenda_point = p_point, agenda_version = p.agenda_version + 1, agenda_by = p_actor, agenda_at = v_now
    where p.id = v_link.project_id
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'agenda', 'meeting1',
                                    pg_catalog.jsonb_build_object('point', v_cur.agenda_point)::text,
                                    pg_catalog.jsonb_build_object('point', p_point)::text,
                                    v_new.agenda_version, false, v_now);
    return partnership_private.agenda_json(v_new);
end
$$;

-- -- private suggestions during the reflection -------------------------------------------
-- A round opens when the timer starts from the full time (a fresh start, or again after
-- the time ran out or was reset); pausing keeps it open; it closes when the time is up,
-- on 'finish' and on 'reset'. A suggestion made while its round is open is its author's.

create function partnership_private.round_is_open(p partnership_private.projects, p_now timestamptz)
returns boolean language sql stable set search_path = '' as $$
    select p.round_open and partnership_private.timer_left(p, p_now) > 0
$$;

create function partnership_private.candidate_shared(c partnership_private.candidates, p partnership_private.projects,
                                                     p_now timestamptz)
returns boolean language sql stable set search_path = '' as $$
    select c.private_round is null or c.private_round <> p.timer_round
           or not partnership_private.round_is_open(p, p_now)
$$;

-- From 20261205002000_members.sql, + rounds and 'finish' (no time left, not running).
create or replace function public.ps_timer(p_token text, p_project text, p_action text, p_expected_version integer,
                                           p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.projects%rowtype;
    v_new partnership_private.projects%rowtype;
    v_now timestamptz := pg_catalog.clock_timestamp();
    v_left integer;
    v_fresh boolean;
begin
    perform partnership_private.choice(pg_catalog.to_jsonb(p_action), array['start', 'stop', 'reset', 'finish'], 'timer');
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    select * into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur.timer_version is distinct from p_expected_version then
        perform partnership_private.conflict(partnership_private.timer_json(v_cur, v_now), v_cur.timer_version,
                                             v_cur.timer_by, v_cur.timer_at);
    end if;
    v_left := partnership_private.timer_left(v_cur, v_now);
    v_fresh := p_action = 'start' and not partnership_private.round_is_open(v_cur, v_now);
    update partnership_private.projects p set
        timer_left_ms = case p_action when 'reset' then p.timer_duration_ms when 'finish' then 0
                                      when 'start' then case when v_left = 0 then p.timer_duration_ms else v_left end
                                      else v_left end,
        timer_started_at = case when p_action = 'start' then v_now end,
        timer_round = p.timer_round + case when v_fresh then 1 else 0 end,
        round_open = case when p_action in ('reset', 'finish') then false when v_fresh then true else p.round_open end,
        timer_version = p.timer_version + 1, timer_by = p_actor, timer_at = v_now
    where p.id = v_link.project_id
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'timer', 'step2',
                                    pg_catalog.jsonb_build_object('timer', case when v_cur.timer_started_at is not null
                                        then 'running' when v_left = v_cur.timer_duration_ms then 'reset'
                                        else 'stopped' end)::text,
                                    pg_catalog.jsonb_build_object('timer', case p_action when 'start' then 'running'
                                        when 'stop' then 'stopped' when 'finish' then 'finished' else 'reset' end)::text,
                                    v_new.timer_version, false, v_now);
    return partnership_private.timer_json(v_new, v_now);
end
$$;

-- The earlier function moves to the private schema as a plain helper (its caller is
-- SECURITY DEFINER); only once, so that running this file again by hand moves nothing.
do $move$
begin
    if pg_catalog.to_regprocedure('partnership_private.add_candidate_as_shared(text, text, text, text)') is null then
        alter function public.ps_add_candidate(text, text, text, text) set schema partnership_private;
        alter function partnership_private.ps_add_candidate(text, text, text, text) rename to add_candidate_as_shared;
        alter function partnership_private.add_candidate_as_shared(text, text, text, text) security invoker;
    end if;
end
$move$;

create function public.ps_add_candidate(p_token text, p_project text, p_name text, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.candidate_changes(pg_catalog.jsonb_build_object('name', p_name));
    v_link record;
    v_project partnership_private.projects%rowtype;
    v_now timestamptz := pg_catalog.clock_timestamp();
    v_answer jsonb;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    select * into v_project from partnership_private.projects p where p.id = v_link.project_id;
    if exists (select 1 from partnership_private.candidates c
               where c.project_id = v_link.project_id and c.name_norm = partnership_private.casefold(v_clean ->> 'name')
                 and not partnership_private.candidate_shared(c, v_project, v_now)
                 and partnership_private.casefold(c.suggested_by) <> partnership_private.casefold(p_actor)) then
        perform partnership_private.invalid('duplicate_private', 'someone suggested this privately',
                                            pg_catalog.jsonb_build_object('name', v_clean ->> 'name'));
    end if;
    v_answer := partnership_private.add_candidate_as_shared(p_token, p_project, p_name, p_actor);
    if partnership_private.round_is_open(v_project, v_now) then
        update partnership_private.candidates c set private_round = v_project.timer_round, suggested_by = p_actor
        where c.project_id = v_link.project_id and c.id = v_answer ->> 'id';
    end if;
    return v_answer;
end
$$;

-- The caller's own private suggestions of the open round (by the name they were made
-- under) and how many of others' wait; "open" says whether a round is open now.
create function public.ps_private_round(p_token text, p_project text, p_author text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_project partnership_private.projects%rowtype;
    v_now timestamptz := pg_catalog.clock_timestamp();
    v_author text := partnership_private.casefold(partnership_private.strip(coalesce(p_author, '')));
begin
    perform partnership_private.check_text(p_author, 'actor', 200, false);
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.allow(v_link.role, array['owner']);
    select * into v_project from partnership_private.projects p where p.id = v_link.project_id;
    return (
        select pg_catalog.jsonb_build_object(
            'open', partnership_private.round_is_open(v_project, v_now),
            'mine', coalesce(pg_catalog.jsonb_agg(partnership_private.candidate_json(c) order by c.position, c.seq)
                             filter (where v_author <> '' and partnership_private.casefold(c.suggested_by) = v_author),
                             '[]'::jsonb),
            'hidden', pg_catalog.count(*) filter (where v_author = ''
                                                  or partnership_private.casefold(c.suggested_by) <> v_author))
        from partnership_private.candidates c
        where c.project_id = v_link.project_id and not partnership_private.candidate_shared(c, v_project, v_now));
end
$$;

-- -- what every reader gets ---------------------------------------------------------------

alter function partnership_private.snapshot(text, text) rename to snapshot_before_room;
alter function partnership_private.history(text, text, integer) rename to history_before_room;

create function partnership_private.snapshot(p_project text, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.snapshot_before_room(p_project, p_role)
           || (select pg_catalog.jsonb_build_object(
                   'candidates', case when not partnership_private.is_association(p_role) then '[]'::jsonb else coalesce((
                       select pg_catalog.jsonb_agg(partnership_private.candidate_json(c) order by c.position, c.seq)
                       from partnership_private.candidates c
                       where c.project_id = p.id
                         and partnership_private.candidate_shared(c, p, pg_catalog.clock_timestamp())), '[]'::jsonb) end,
                   'agenda', case when partnership_private.is_association(p_role)
                                  then partnership_private.agenda_json(p) end,
                   'may_sign', p_role in ('owner', 'partner'))
               from partnership_private.projects p where p.id = p_project)
$$;

create function partnership_private.history(p_project text, p_role text, p_limit integer)
returns jsonb language sql stable set search_path = '' as $$
    with hidden as (
        select c.id from partnership_private.candidates c
        join partnership_private.projects p on p.id = c.project_id
        where c.project_id = p_project and not partnership_private.candidate_shared(c, p, pg_catalog.clock_timestamp()))
    select case when not exists (select 1 from hidden)
                then partnership_private.history_before_room(p_project, p_role, p_limit)
                else (select coalesce(pg_catalog.jsonb_agg(e.value order by e.n), '[]'::jsonb)
                      from pg_catalog.jsonb_array_elements(
                               partnership_private.history_before_room(p_project, p_role, p_limit))
                               with ordinality as e (value, n)
                      where not (e.value ->> 'entity' = 'candidate' and e.value ->> 'target' in (select id from hidden)))
           end
$$;

-- -- signing for the association stays with the owner --------------------------------------

do $move$
begin
    if pg_catalog.to_regprocedure('partnership_private.approve_any_side(text, text, text, text, text, text)') is null then
        alter function public.ps_approve(text, text, text, text, text, text) set schema partnership_private;
        alter function partnership_private.ps_approve(text, text, text, text, text, text) rename to approve_any_side;
        alter function partnership_private.approve_any_side(text, text, text, text, text, text) security invoker;
        alter function public.ps_reopen(text, text, text) set schema partnership_private;
        alter function partnership_private.ps_reopen(text, text, text) rename to reopen_any_side;
        alter function partnership_private.reopen_any_side(text, text, text) security invoker;
    end if;
end
$move$;

create function partnership_private.not_a_member(p_token text, p_project text)
returns void language plpgsql set search_path = '' as $$
begin
    if (select l.role from partnership_private.link(p_token, p_project, false) l) = 'member' then
        perform partnership_private.forbidden('owner_signs', 'the owner''s link signs for the association');
    end if;
end
$$;

create function public.ps_approve(p_token text, p_project text, p_name text, p_content_hash text, p_markdown text,
                                  p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
begin
    perform partnership_private.not_a_member(p_token, p_project);
    return partnership_private.approve_any_side(p_token, p_project, p_name, p_content_hash, p_markdown, p_actor);
end
$$;

create function public.ps_reopen(p_token text, p_project text, p_actor text)
returns bigint language plpgsql security definer set search_path = '' as $$
begin
    perform partnership_private.not_a_member(p_token, p_project);
    return partnership_private.reopen_any_side(p_token, p_project, p_actor);
end
$$;

-- -- a new partnership from an earlier one ----------------------------------------------------
-- The owner or a member of the source; the caller owns the new project (its links are
-- new, shown once). Step 1's fields come along as they are. The candidates come along in
-- their order with their assessment and note, without priorities (the new partnership
-- chooses its own top three), but not the refused ones (they said no) nor the source's
-- partner organisation, and no suggestion still private.

create function public.ps_start_from(p_token text, p_project text, p_title text, p_our_org text, p_creator text,
                                     p_owner_token text, p_partner_token text, p_viewer_token text,
                                     p_member_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_source partnership_private.projects%rowtype;
    v_answer jsonb;
    v_id text;
    v_creator text := partnership_private.actor(p_creator);
    v_now timestamptz := pg_catalog.clock_timestamp();
    v_field record;
    v_old partnership_private.candidates%rowtype;
    v_new partnership_private.candidates%rowtype;
    v_fields integer := 0;
    v_candidates integer := 0;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.allow(v_link.role, array['owner']);
    select * into v_source from partnership_private.projects p where p.id = v_link.project_id;
    v_answer := public.ps_create_project(p_title, p_our_org, p_creator, p_owner_token, p_partner_token, p_viewer_token,
                                         p_member_token);
    v_id := v_answer ->> 'project_id';
    for v_field in
        select f.key, f.value from partnership_private.fields f
        join partnership_private.field_catalog k on k.key = f.key
        where f.project_id = v_source.id and k.step = 1 and partnership_private.strip(f.value) <> ''
        order by f.key
    loop
        perform partnership_private.write_field(v_id, 'owner', v_field.key, v_field.value, 0, v_creator);
        v_fields := v_fields + 1;
    end loop;
    for v_old in
        select c.* from partnership_private.candidates c
        where c.project_id = v_source.id and c.status <> 'refused'
          and partnership_private.candidate_shared(c, v_source, v_now)
          and c.name_norm <> partnership_private.casefold(partnership_private.strip(v_source.partner_org))
        order by c.position, c.seq
    loop
        v_candidates := v_candidates + 1;
        insert into partnership_private.candidates (project_id, id, name, name_norm, position, status, resources,
                                                    competences, "values", fit, note, priority, version, updated_by,
                                                    updated_at)
        values (v_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_old.name, v_old.name_norm,
                v_candidates, v_old.status, v_old.resources, v_old.competences, v_old."values", v_old.fit, v_old.note,
                null, 1, v_creator, v_now)
        returning * into v_new;
        perform partnership_private.log(v_id, 'owner', v_creator, 'candidate', v_new.id, '',
                                        partnership_private.json_text(partnership_private.candidate_content(v_new)),
                                        1, false, v_now);
    end loop;
    return v_answer || pg_catalog.jsonb_build_object('fields', v_fields, 'candidates', v_candidates);
end
$$;

revoke all on function partnership_private.agenda_points() from public, anon, authenticated, service_role;
revoke all on function partnership_private.agenda_json(partnership_private.projects)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.round_is_open(partnership_private.projects, timestamptz)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.candidate_shared(partnership_private.candidates, partnership_private.projects,
                                                            timestamptz) from public, anon, authenticated, service_role;
revoke all on function partnership_private.add_candidate_as_shared(text, text, text, text)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.snapshot_before_room(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.snapshot(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.history_before_room(text, text, integer)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.history(text, text, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.approve_any_side(text, text, text, text, text, text)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.reopen_any_side(text, text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.not_a_member(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_agenda(text, text, integer, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_timer(text, text, text, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_candidate(text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_private_round(text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_approve(text, text, text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_reopen(text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_start_from(text, text, text, text, text, text, text, text, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_agenda(text, text, integer, integer, text) to anon;
grant execute on function public.ps_timer(text, text, text, integer, text) to anon;
grant execute on function public.ps_add_candidate(text, text, text, text) to anon;
grant execute on function public.ps_private_round(text, text, text) to anon;
grant execute on function public.ps_approve(text, text, text, text, text, text) to anon;
grant execute on function public.ps_reopen(text, text, text) to anon;
grant execute on function public.ps_start_from(text, text, text, text, text, text, text, text, text) to anon;
