-- Follow-up meetings as records (issue 25, "Meetings"). A meeting has a day and a time of
-- day in Danish time (Europe/Copenhagen), a length, a place or video link, participants
-- (people of both sides, by id), an agenda (a list of points) and, written during the
-- meeting, its minutes: free text with its own version (two people write it at once, so
-- it does not share a version with the agenda), decisions (a list) and the tasks it gave
-- (made by ps_add_task, so they are real tasks on the timeline). The follow-up plan's
-- rhythm (every N weeks, a weekday, a time, a place) is one record per project; setting
-- it makes the coming meetings up to its end (the agreement's or a year on).
--
-- Every role reads them (ps_meetings; a partner or viewer sees only shared participants);
-- the association (owner, member) and the partner write, also after signing. Every write
-- is compare-and-set on the record's version (the minutes on notes_version), bumps the
-- revision and writes history (entities 'meeting' and 'meeting_rhythm', joint).
--
-- Public (granted to anon): ps_meetings, ps_add_meeting, ps_update_meeting,
--   ps_meeting_notes, ps_meeting_task, ps_set_meeting_rhythm
-- Private: meeting_changes, meeting_list, meeting_json, meeting_content, rhythm_json,
--   rhythm_changes, get_meeting, meeting_people, copenhagen_today
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'partnership_private' and c.relname = 'meetings') then
        raise exception 'migration 20261206000100_meetings is already applied (partnership_private.meetings exists); nothing was changed';
    end if;
end
$guard$;

create table partnership_private.meetings (
    project_id text not null references partnership_private.projects (id) on delete cascade,
    id text not null check (pg_catalog.length(id) between 1 and 64),
    day date not null,
    at time not null,
    duration integer not null check (duration between 15 and 720),
    place text not null default '' check (pg_catalog.length(place) <= 500),
    participants jsonb not null default '[]' check (pg_catalog.jsonb_typeof(participants) = 'array'),
    agenda jsonb not null default '[]' check (pg_catalog.jsonb_typeof(agenda) = 'array'),
    decisions jsonb not null default '[]' check (pg_catalog.jsonb_typeof(decisions) = 'array'),
    task_ids jsonb not null default '[]' check (pg_catalog.jsonb_typeof(task_ids) = 'array'),
    slot date,
    version integer not null default 1,
    updated_by text not null default '' check (pg_catalog.length(updated_by) <= 200),
    updated_at timestamptz,
    notes text not null default '',
    notes_version integer not null default 0,
    notes_by text not null default '' check (pg_catalog.length(notes_by) <= 200),
    notes_at timestamptz,
    seq bigint generated always as identity,
    primary key (project_id, id)
);
create unique index meetings_slot on partnership_private.meetings (project_id, slot) where slot is not null;

create table partnership_private.meeting_rhythms (
    project_id text primary key references partnership_private.projects (id) on delete cascade,
    every_weeks integer not null check (every_weeks between 1 and 52),
    weekday integer not null check (weekday between 0 and 6),
    at time not null,
    duration integer not null check (duration between 15 and 720),
    place text not null default '' check (pg_catalog.length(place) <= 500),
    participants jsonb not null default '[]' check (pg_catalog.jsonb_typeof(participants) = 'array'),
    first_day date not null,
    until date not null,
    active boolean not null default true,
    version integer not null default 1,
    updated_by text not null default '' check (pg_catalog.length(updated_by) <= 200),
    updated_at timestamptz
);

alter table partnership_private.meetings enable row level security;
alter table partnership_private.meeting_rhythms enable row level security;
revoke all on partnership_private.meetings from public, anon, authenticated, service_role;
revoke all on partnership_private.meeting_rhythms from public, anon, authenticated, service_role;

insert into partnership_private.limit_settings (name, value) values ('meetings', 500) on conflict (name) do nothing;
create trigger cap_meetings after insert on partnership_private.meetings
    referencing new table as added for each statement execute function partnership_private.cap_records();

-- Most meetings a rhythm makes at once, and how far ahead it plans when no end is given.
create function partnership_private.rhythm_most()
returns integer language sql immutable set search_path = '' as $$ select 60 $$;

create function partnership_private.copenhagen_today()
returns date language sql stable set search_path = '' as $$
    select (pg_catalog.now() at time zone 'Europe/Copenhagen')::date
$$;

-- -- values ---------------------------------------------------------------------------

create function partnership_private.whole(p_value jsonb, p_what text, p_low integer, p_high integer)
returns integer language plpgsql stable set search_path = '' as $$
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'number' or (p_value #>> '{}') !~ '^-?[0-9]+$'
            or (p_value #>> '{}')::numeric not between p_low and p_high then
        perform partnership_private.invalid('bad_number', p_what || ': not a whole number in range',
            pg_catalog.jsonb_build_object('what', p_what, 'low', p_low, 'high', p_high));
    end if;
    return (p_value #>> '{}')::integer;
end
$$;

-- "HH:MM" (a time of day in Danish time).
create function partnership_private.clock(p_value jsonb, p_what text)
returns time language plpgsql stable set search_path = '' as $$
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'string'
            or (p_value #>> '{}') !~ '^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$' then
        perform partnership_private.invalid('bad_time', p_what || ': not a time of day',
                                            pg_catalog.jsonb_build_object('what', p_what));
    end if;
    return pg_catalog.replace(p_value #>> '{}', '.', ':')::time;
end
$$;

-- A list of short texts (agenda points, decisions): stripped, blank ones dropped.
create function partnership_private.text_list(p_value jsonb, p_what text)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '[]';
    v_item jsonb;
    v_text text;
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'array' then
        perform partnership_private.invalid('invalid', p_what || ': not a list', pg_catalog.jsonb_build_object('what', p_what));
    end if;
    if pg_catalog.jsonb_array_length(p_value) > 60 then
        perform partnership_private.invalid('too_many', p_what || ': too many',
                                            pg_catalog.jsonb_build_object('what', p_what, 'limit', 60));
    end if;
    for v_item in select e from pg_catalog.jsonb_array_elements(p_value) e loop
        v_text := partnership_private.strip(partnership_private.jtext(v_item, p_what, 1000, false));
        if v_text <> '' then
            v_out := v_out || pg_catalog.jsonb_build_array(v_text);
        end if;
    end loop;
    return v_out;
end
$$;

-- Participants: person ids of this project, no repeats. A partner names only people it can
-- see (shared ones); the association's own people it cannot see are kept by the caller.
create function partnership_private.meeting_people(p_project text, p_role text, p_value jsonb, p_what text)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '[]';
    v_id text;
    v_person partnership_private.people%rowtype;
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'array' then
        perform partnership_private.invalid('invalid', p_what || ': not a list', pg_catalog.jsonb_build_object('what', p_what));
    end if;
    if pg_catalog.jsonb_array_length(p_value) > 60 then
        perform partnership_private.invalid('too_many', p_what || ': too many',
                                            pg_catalog.jsonb_build_object('what', p_what, 'limit', 60));
    end if;
    for v_id in select partnership_private.jtext(e, p_what, 64, true) from pg_catalog.jsonb_array_elements(p_value) e loop
        v_person := partnership_private.get_person_or_null(p_project, v_id);
        if v_person.id is null or (not partnership_private.is_association(p_role)
                                   and not partnership_private.person_shared(v_person)) then
            perform partnership_private.invalid('not_found', 'no such person', pg_catalog.jsonb_build_object('what', p_what));
        end if;
        if not v_out ? v_id then
            v_out := v_out || pg_catalog.jsonb_build_array(v_id);
        end if;
    end loop;
    return v_out;
end
$$;

-- What a partner or viewer may see of a participant list: the shared people only.
create function partnership_private.visible_people(p_project text, p_role text, p_ids jsonb)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(e.value order by e.n), '[]'::jsonb)
    from pg_catalog.jsonb_array_elements(p_ids) with ordinality as e (value, n)
    where partnership_private.is_association(p_role)
       or partnership_private.person_shared(partnership_private.get_person_or_null(p_project, e.value #>> '{}'))
$$;

-- The association's people in p_old that a partner could not see: kept when it writes.
create function partnership_private.hidden_people(p_project text, p_role text, p_old jsonb)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(e.value order by e.n), '[]'::jsonb)
    from pg_catalog.jsonb_array_elements(p_old) with ordinality as e (value, n)
    where not partnership_private.is_association(p_role)
      and not coalesce(partnership_private.person_shared(
              partnership_private.get_person_or_null(p_project, e.value #>> '{}')), false)
$$;

create function partnership_private.meeting_changes(p_project text, p_role text, p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '{}';
    v_day date;
begin
    perform partnership_private.only(p, array['day', 'time', 'duration', 'place', 'participants', 'agenda',
                                              'decisions'], 'meeting');
    if p ? 'day' then
        v_day := partnership_private.a_date(p -> 'day', 'meeting.day');
        if v_day is null then
            perform partnership_private.invalid('required', 'meeting.day: required', '{"what": "meeting.day"}');
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object('day', partnership_private.iso_date(v_day));
    end if;
    if p ? 'time' then
        v_out := v_out || pg_catalog.jsonb_build_object('time', pg_catalog.to_char(
            partnership_private.clock(p -> 'time', 'meeting.time'), 'HH24:MI'));
    end if;
    if p ? 'duration' then
        v_out := v_out || pg_catalog.jsonb_build_object('duration',
            partnership_private.whole(p -> 'duration', 'meeting.duration', 15, 720));
    end if;
    if p ? 'place' then
        v_out := v_out || pg_catalog.jsonb_build_object('place', partnership_private.strip(
            partnership_private.jtext(p -> 'place', 'meeting.place', 500, false)));
    end if;
    if p ? 'participants' then
        v_out := v_out || pg_catalog.jsonb_build_object('participants',
            partnership_private.meeting_people(p_project, p_role, p -> 'participants', 'meeting.participants'));
    end if;
    if p ? 'agenda' then
        v_out := v_out || pg_catalog.jsonb_build_object('agenda', partnership_private.text_list(p -> 'agenda', 'meeting.agenda'));
    end if;
    if p ? 'decisions' then
        v_out := v_out || pg_catalog.jsonb_build_object('decisions',
            partnership_private.text_list(p -> 'decisions', 'meeting.decisions'));
    end if;
    return v_out;
end
$$;

-- What history keeps of a meeting (its plan, agenda and decisions; the minutes have their
-- own entries).
create function partnership_private.meeting_content(m partnership_private.meetings)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'day', partnership_private.iso_date(m.day), 'time', pg_catalog.to_char(m.at, 'HH24:MI'),
        'duration', m.duration, 'place', m.place, 'participants', m.participants, 'agenda', m.agenda,
        'decisions', m.decisions, 'task_ids', m.task_ids)
$$;

create function partnership_private.meeting_json(m partnership_private.meetings, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.meeting_content(m) || pg_catalog.jsonb_build_object(
        'id', m.id, 'participants', partnership_private.visible_people(m.project_id, p_role, m.participants),
        'slot', partnership_private.iso_date(m.slot), 'version', m.version, 'updated_by', m.updated_by,
        'updated_at', partnership_private.iso(m.updated_at), 'notes', m.notes, 'notes_version', m.notes_version,
        'notes_by', m.notes_by, 'notes_at', partnership_private.iso(m.notes_at))
$$;

create function partnership_private.rhythm_content(r partnership_private.meeting_rhythms)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'every_weeks', r.every_weeks, 'weekday', r.weekday, 'time', pg_catalog.to_char(r.at, 'HH24:MI'),
        'duration', r.duration, 'place', r.place, 'participants', r.participants,
        'first_day', partnership_private.iso_date(r.first_day), 'until', partnership_private.iso_date(r.until),
        'active', r.active)
$$;

create function partnership_private.rhythm_json(r partnership_private.meeting_rhythms, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.rhythm_content(r) || pg_catalog.jsonb_build_object(
        'participants', partnership_private.visible_people(r.project_id, p_role, r.participants),
        'version', r.version, 'updated_by', r.updated_by, 'updated_at', partnership_private.iso(r.updated_at))
$$;

create function partnership_private.get_meeting(p_project text, p_id text)
returns partnership_private.meetings language plpgsql stable set search_path = '' as $$
declare
    v partnership_private.meetings%rowtype;
begin
    select * into v from partnership_private.meetings m where m.project_id = p_project and m.id = p_id;
    if not found then
        perform partnership_private.invalid('not_found', 'no such meeting', '{"what": "meeting"}');
    end if;
    return v;
end
$$;

create function partnership_private.meeting_list(p_project text, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'rhythm', (select partnership_private.rhythm_json(r, p_role) from partnership_private.meeting_rhythms r
                   where r.project_id = p_project),
        'meetings', coalesce((select pg_catalog.jsonb_agg(partnership_private.meeting_json(m, p_role)
                                                          order by m.day, m.at, m.seq)
                              from partnership_private.meetings m where m.project_id = p_project), '[]'::jsonb))
$$;

-- -- public functions -------------------------------------------------------------------

-- Everything about meetings a link may see: {"rhythm": {...} | null, "meetings": [...]}.
create function public.ps_meetings(p_token text, p_project text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    return partnership_private.meeting_list(v_link.project_id, v_link.role);
end
$$;

create function public.ps_add_meeting(p_token text, p_project text, p_fields jsonb, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_clean jsonb;
    v_new partnership_private.meetings%rowtype;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_clean := partnership_private.meeting_changes(v_link.project_id, v_link.role, p_fields);
    if not v_clean ? 'day' then
        perform partnership_private.invalid('required', 'meeting.day: required', '{"what": "meeting.day"}');
    end if;
    if not v_clean ? 'time' then
        perform partnership_private.invalid('required', 'meeting.time: required', '{"what": "meeting.time"}');
    end if;
    insert into partnership_private.meetings (project_id, id, day, at, duration, place, participants, agenda,
                                              decisions, updated_by, updated_at)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''),
            (v_clean ->> 'day')::date, (v_clean ->> 'time')::time, coalesce((v_clean ->> 'duration')::integer, 60),
            coalesce(v_clean ->> 'place', ''), coalesce(v_clean -> 'participants', '[]'),
            coalesce(v_clean -> 'agenda', '[]'), coalesce(v_clean -> 'decisions', '[]'), p_actor,
            pg_catalog.clock_timestamp())
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'meeting', v_new.id, '',
                                    partnership_private.json_text(partnership_private.meeting_content(v_new)),
                                    1, true, v_new.updated_at);
    return partnership_private.meeting_json(v_new, v_link.role);
end
$$;

create function public.ps_update_meeting(p_token text, p_project text, p_id text, p_changes jsonb,
                                         p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_clean jsonb;
    v_cur partnership_private.meetings%rowtype;
    v_new partnership_private.meetings%rowtype;
    v_after jsonb;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_cur := partnership_private.get_meeting(v_link.project_id, p_id);
    v_clean := partnership_private.meeting_changes(v_link.project_id, v_link.role, p_changes);
    if v_cur.version <> p_expected_version then
        perform partnership_private.conflict(partnership_private.meeting_json(v_cur, v_link.role), v_cur.version,
                                             v_cur.updated_by, v_cur.updated_at);
    end if;
    if v_clean ? 'participants' then
        v_clean := pg_catalog.jsonb_set(v_clean, '{participants}',
            (v_clean -> 'participants') || partnership_private.hidden_people(v_link.project_id, v_link.role,
                                                                             v_cur.participants));
    end if;
    v_after := partnership_private.meeting_content(v_cur) || v_clean;
    update partnership_private.meetings set
        day = (v_after ->> 'day')::date, at = (v_after ->> 'time')::time, duration = (v_after ->> 'duration')::integer,
        place = v_after ->> 'place', participants = v_after -> 'participants', agenda = v_after -> 'agenda',
        decisions = v_after -> 'decisions', version = version + 1, updated_by = p_actor,
        updated_at = pg_catalog.clock_timestamp()
    where project_id = v_link.project_id and id = p_id
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'meeting', p_id,
                                    partnership_private.json_text(partnership_private.meeting_content(v_cur)),
                                    partnership_private.json_text(partnership_private.meeting_content(v_new)),
                                    v_new.version, true, v_new.updated_at);
    return v_new.version;
end
$$;

-- The minutes, written live by both sides: compare-and-set on notes_version (0 before the
-- first save); a conflict carries the stored text as its value.
create function public.ps_meeting_notes(p_token text, p_project text, p_id text, p_text text,
                                        p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.meetings%rowtype;
    v_text text;
    v_at timestamptz := pg_catalog.clock_timestamp();
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_cur := partnership_private.get_meeting(v_link.project_id, p_id);
    v_text := partnership_private.check_text(p_text, 'meeting.notes', partnership_private.max_text(), false);
    if v_cur.notes_version <> p_expected_version then
        perform partnership_private.conflict(pg_catalog.to_jsonb(v_cur.notes), v_cur.notes_version, v_cur.notes_by,
                                             v_cur.notes_at);
    end if;
    update partnership_private.meetings set notes = v_text, notes_version = notes_version + 1, notes_by = p_actor,
                                            notes_at = v_at
    where project_id = v_link.project_id and id = p_id;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'meeting_notes', p_id, v_cur.notes,
                                    v_text, v_cur.notes_version + 1, true, v_at);
    return v_cur.notes_version + 1;
end
$$;

-- A task the meeting gave: made by ps_add_task (a real task on the timeline, with its own
-- history entry and every task rule) and noted on the meeting, compare-and-set on the
-- meeting's version, in one transaction.
create function public.ps_meeting_task(p_token text, p_project text, p_id text, p_fields jsonb,
                                       p_expected_version integer, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.meetings%rowtype;
    v_task jsonb;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_cur := partnership_private.get_meeting(v_link.project_id, p_id);
    if v_cur.version <> p_expected_version then
        perform partnership_private.conflict(partnership_private.meeting_json(v_cur, v_link.role), v_cur.version,
                                             v_cur.updated_by, v_cur.updated_at);
    end if;
    if pg_catalog.jsonb_array_length(v_cur.task_ids) >= 60 then
        perform partnership_private.invalid('too_many', 'meeting.tasks: too many',
                                            '{"what": "meeting.tasks", "limit": 60}');
    end if;
    v_task := public.ps_add_task(p_token, p_project, p_fields, p_actor);
    update partnership_private.meetings set task_ids = task_ids || pg_catalog.jsonb_build_array(v_task ->> 'id'),
                                            version = version + 1, updated_by = p_actor,
                                            updated_at = pg_catalog.clock_timestamp()
    where project_id = v_link.project_id and id = p_id;
    return v_task;
end
$$;

create function partnership_private.rhythm_changes(p_project text, p_role text, p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_first date;
    v_until date;
begin
    perform partnership_private.only(p, array['every_weeks', 'weekday', 'time', 'duration', 'place', 'participants',
                                              'first_day', 'until', 'active'], 'rhythm');
    v_first := coalesce(partnership_private.a_date(p -> 'first_day', 'rhythm.first_day'),
                        partnership_private.copenhagen_today());
    v_until := coalesce(partnership_private.a_date(p -> 'until', 'rhythm.until'), v_first + 365);
    if v_until < v_first then
        perform partnership_private.invalid('due_before_start', 'rhythm ends before it starts', '{"what": "rhythm.until"}');
    end if;
    return pg_catalog.jsonb_build_object(
        'every_weeks', partnership_private.whole(p -> 'every_weeks', 'rhythm.every_weeks', 1, 52),
        'weekday', partnership_private.whole(p -> 'weekday', 'rhythm.weekday', 0, 6),
        'time', pg_catalog.to_char(partnership_private.clock(p -> 'time', 'meeting.time'), 'HH24:MI'),
        'duration', case when p ? 'duration' then partnership_private.whole(p -> 'duration', 'meeting.duration', 15, 720)
                         else 60 end,
        'place', case when p ? 'place' then partnership_private.strip(
                          partnership_private.jtext(p -> 'place', 'meeting.place', 500, false)) else '' end,
        'participants', case when p ? 'participants' then partnership_private.meeting_people(
                                 p_project, p_role, p -> 'participants', 'meeting.participants') else '[]'::jsonb end,
        'first_day', partnership_private.iso_date(v_first), 'until', partnership_private.iso_date(v_until),
        'active', case when p ? 'active' then partnership_private.flag(p -> 'active', 'rhythm.active') else true end);
end
$$;

-- The follow-up plan's rhythm, compare-and-set on its version (0: none yet). Setting it
-- makes the coming meetings it names (from today, at most rhythm_most()) and drops the
-- coming meetings an earlier rhythm made that nobody has touched since; a meeting someone
-- edited, wrote minutes for or that lies in the past stays. Inactive ({"active": false})
-- it makes none.
create function public.ps_set_meeting_rhythm(p_token text, p_project text, p_rhythm jsonb,
                                             p_expected_version integer, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_clean jsonb;
    v_cur partnership_private.meeting_rhythms%rowtype;
    v_new partnership_private.meeting_rhythms%rowtype;
    v_at timestamptz := pg_catalog.clock_timestamp();
    v_today date := partnership_private.copenhagen_today();
    v_day date;
    v_made integer := 0;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_clean := partnership_private.rhythm_changes(v_link.project_id, v_link.role, p_rhythm);
    select * into v_cur from partnership_private.meeting_rhythms r where r.project_id = v_link.project_id;
    if coalesce(v_cur.version, 0) <> p_expected_version then
        perform partnership_private.conflict(
            case when v_cur.project_id is null then 'null'::jsonb else partnership_private.rhythm_json(v_cur, v_link.role) end,
            coalesce(v_cur.version, 0), v_cur.updated_by, v_cur.updated_at);
    end if;
    if v_cur.project_id is not null then
        v_clean := pg_catalog.jsonb_set(v_clean, '{participants}',
            (v_clean -> 'participants') || partnership_private.hidden_people(v_link.project_id, v_link.role,
                                                                             v_cur.participants));
    end if;
    insert into partnership_private.meeting_rhythms as r (project_id, every_weeks, weekday, at, duration, place,
                                                          participants, first_day, until, active, version,
                                                          updated_by, updated_at)
    values (v_link.project_id, (v_clean ->> 'every_weeks')::integer, (v_clean ->> 'weekday')::integer,
            (v_clean ->> 'time')::time, (v_clean ->> 'duration')::integer, v_clean ->> 'place',
            v_clean -> 'participants', (v_clean ->> 'first_day')::date, (v_clean ->> 'until')::date,
            (v_clean ->> 'active')::boolean, 1, p_actor, v_at)
    on conflict (project_id) do update set
        every_weeks = excluded.every_weeks, weekday = excluded.weekday, at = excluded.at,
        duration = excluded.duration, place = excluded.place, participants = excluded.participants,
        first_day = excluded.first_day, until = excluded.until, active = excluded.active,
        version = r.version + 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at
    returning * into v_new;
    delete from partnership_private.meetings m
    where m.project_id = v_link.project_id and m.slot is not null and m.day >= v_today and m.version = 1
      and m.notes_version = 0;
    if v_new.active then
        -- The first occurrence: the first day on or after first_day that is the weekday
        -- (0 = Monday, as Python's date.weekday()).
        v_day := v_new.first_day + ((v_new.weekday - (extract(isodow from v_new.first_day)::integer - 1)
                                     + 7) % 7);
        while v_day <= v_new.until and v_made < partnership_private.rhythm_most() loop
            if v_day >= v_today and not exists (
                    select 1 from partnership_private.meetings m
                    where m.project_id = v_link.project_id and m.slot = v_day) then
                insert into partnership_private.meetings (project_id, id, day, at, duration, place, participants,
                                                          slot, updated_by, updated_at)
                values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_day,
                        v_new.at, v_new.duration, v_new.place, v_new.participants, v_day, p_actor, v_at);
                v_made := v_made + 1;
            end if;
            v_day := v_day + 7 * v_new.every_weeks;
        end loop;
    end if;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'meeting_rhythm', 'rhythm',
        case when v_cur.project_id is null then '' else partnership_private.json_text(partnership_private.rhythm_content(v_cur)) end,
        partnership_private.json_text(partnership_private.rhythm_content(v_new)), v_new.version, true, v_at);
    return partnership_private.rhythm_json(v_new, v_link.role);
end
$$;

-- -- grants -------------------------------------------------------------------------------

revoke all on function partnership_private.rhythm_most() from public, anon, authenticated, service_role;
revoke all on function partnership_private.copenhagen_today() from public, anon, authenticated, service_role;
revoke all on function partnership_private.whole(jsonb, text, integer, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.clock(jsonb, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.text_list(jsonb, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.meeting_people(text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.visible_people(text, text, jsonb) from public, anon, authenticated, service_role;
revoke all on function partnership_private.hidden_people(text, text, jsonb) from public, anon, authenticated, service_role;
revoke all on function partnership_private.meeting_changes(text, text, jsonb) from public, anon, authenticated, service_role;
revoke all on function partnership_private.meeting_content(partnership_private.meetings) from public, anon, authenticated, service_role;
revoke all on function partnership_private.meeting_json(partnership_private.meetings, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.rhythm_content(partnership_private.meeting_rhythms) from public, anon, authenticated, service_role;
revoke all on function partnership_private.rhythm_json(partnership_private.meeting_rhythms, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.get_meeting(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.meeting_list(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.rhythm_changes(text, text, jsonb) from public, anon, authenticated, service_role;

revoke all on function public.ps_meetings(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_meeting(text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_meeting(text, text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_meeting_notes(text, text, text, text, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_meeting_task(text, text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_set_meeting_rhythm(text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
grant execute on function public.ps_meetings(text, text) to anon;
grant execute on function public.ps_add_meeting(text, text, jsonb, text) to anon;
grant execute on function public.ps_update_meeting(text, text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_meeting_notes(text, text, text, text, integer, text) to anon;
grant execute on function public.ps_meeting_task(text, text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_set_meeting_rhythm(text, text, jsonb, integer, text) to anon;
