-- Meeting records after signing (issue 25, what was left): a single meeting can be
-- cancelled (and restored), the meeting records get reminder mails, and meetings, the
-- term's evaluations and its outcome travel in the export and come back on import.
--
--   meetings            (+ cancelled_at, cancelled_by, cancel_reason)
--   meeting_json        (REDEFINED from 20261206000100_meetings.sql: + the cancellation)
--   ps_cancel_meeting   (new, public: cancel or restore one meeting, compare-and-set on its
--                        version; owner, member and partner; history entity 'meeting')
--   mail_due            (WRAPPED: the one before renamed mail_due_before_records. New kind
--                        'meeting_record': a meeting record not cancelled, on a day within
--                        the window, to every subscriber of its project (mail_outbox keeps
--                        the confirmed ones), key <sub>:record:<meeting>:<date>; a follow-up
--                        TASK's 'meeting' mail on a day that has a meeting record is dropped:
--                        the two are one meeting, and the record's mail says where and when)
--   ps_export_project   (REDEFINED from 20261205002000_members.sql: + "meetings")
--   import_meetings_term (new, private: the meetings, the rhythm, the evaluations and the
--                        outcome of an export, checked as the writing functions check them)
--   ps_import_project   (REDEFINED, the member overload of 20261206000200_funding_term.sql:
--                        + import_meetings_term)
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_attribute a
               join pg_catalog.pg_class c on c.oid = a.attrelid
               join pg_catalog.pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'partnership_private' and c.relname = 'meetings' and a.attname = 'cancelled_at'
                 and not a.attisdropped) then
        raise exception 'migration 20261206000700_meeting_records is already applied (meetings.cancelled_at exists); nothing was changed';
    end if;
end
$guard$;

alter table partnership_private.meetings
    add column cancelled_at timestamptz,
    add column cancelled_by text not null default '' check (pg_catalog.length(cancelled_by) <= 200),
    add column cancel_reason text not null default '' check (pg_catalog.length(cancel_reason) <= 1000);

-- From 20261206000100_meetings.sql: + the cancellation.
create or replace function partnership_private.meeting_json(m partnership_private.meetings, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.meeting_content(m) || pg_catalog.jsonb_build_object(
        'id', m.id, 'participants', partnership_private.visible_people(m.project_id, p_role, m.participants),
        'slot', partnership_private.iso_date(m.slot), 'version', m.version, 'updated_by', m.updated_by,
        'updated_at', partnership_private.iso(m.updated_at), 'notes', m.notes, 'notes_version', m.notes_version,
        'notes_by', m.notes_by, 'notes_at', partnership_private.iso(m.notes_at),
        'cancelled_at', partnership_private.iso(m.cancelled_at), 'cancelled_by', m.cancelled_by,
        'cancel_reason', m.cancel_reason)
$$;

-- What history keeps of a cancellation: the meeting's content and whether it is off.
create function partnership_private.meeting_cancel_content(m partnership_private.meetings)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.meeting_content(m) || pg_catalog.jsonb_build_object(
        'cancelled', m.cancelled_at is not null, 'cancel_reason', m.cancel_reason)
$$;

-- Cancel (p_cancelled true, with an optional reason) or restore (false) one meeting;
-- compare-and-set on the meeting's version. A cancelled meeting stays a record (its
-- agenda and minutes are kept), shows as cancelled, gets no reminder mail and is marked
-- STATUS:CANCELLED in the calendar; a rhythm set later keeps it (its version moved).
create function public.ps_cancel_meeting(p_token text, p_project text, p_id text, p_cancelled boolean,
                                         p_reason text, p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.meetings%rowtype;
    v_new partnership_private.meetings%rowtype;
    v_reason text;
    v_at timestamptz := pg_catalog.clock_timestamp();
begin
    p_actor := partnership_private.actor(p_actor);
    perform partnership_private.flag(pg_catalog.to_jsonb(p_cancelled), 'meeting.cancelled');
    v_reason := partnership_private.strip(partnership_private.check_text(p_reason, 'meeting.cancel_reason', 1000, false));
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_cur := partnership_private.get_meeting(v_link.project_id, p_id);
    if v_cur.version <> p_expected_version then
        perform partnership_private.conflict(partnership_private.meeting_json(v_cur, v_link.role), v_cur.version,
                                             v_cur.updated_by, v_cur.updated_at);
    end if;
    update partnership_private.meetings set
        cancelled_at = case when p_cancelled then v_at end,
        cancelled_by = case when p_cancelled then p_actor else '' end,
        cancel_reason = case when p_cancelled then v_reason else '' end,
        version = version + 1, updated_by = p_actor, updated_at = v_at
    where project_id = v_link.project_id and id = p_id
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'meeting', p_id,
                                    partnership_private.json_text(partnership_private.meeting_cancel_content(v_cur)),
                                    partnership_private.json_text(partnership_private.meeting_cancel_content(v_new)),
                                    v_new.version, true, v_at);
    return v_new.version;
end
$$;

-- -- reminder mails for meeting records ---------------------------------------------------

alter function partnership_private.mail_due(date, integer) rename to mail_due_before_records;

-- mail_due (20261206000200_funding_term.sql, which wraps 20261205003000_mail.sql) plus one
-- 'meeting_record' mail per subscription and meeting record within the window (not for a
-- cancelled meeting, nor for a closed project), with the time and the place; a follow-up
-- task's 'meeting' mail is left out when its project has a meeting record that day.
create function partnership_private.mail_due(p_today date, p_days integer)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(x.item order by x.n), '[]'::jsonb)
    from (
        select i.item, i.n
        from pg_catalog.jsonb_array_elements(partnership_private.mail_due_before_records(p_today, p_days))
             with ordinality as i (item, n)
        where not (i.item ->> 'kind' = 'meeting' and exists (
            select 1 from partnership_private.mail_subscriptions s
            join partnership_private.meetings m on m.project_id = s.project_id
            where s.id = i.item ->> 'subscription' and m.day = (i.item ->> 'day')::date))
        union all
        select pg_catalog.jsonb_build_object(
                   'key', s.id || ':record:' || m.id || ':' || partnership_private.iso_date(m.day),
                   'subscription', s.id, 'email', s.email, 'lang', s.lang, 'person', x.name,
                   'person_side', x.side, 'project', p.title, 'our_org', p.our_org, 'partner_org', p.partner_org,
                   'kind', 'meeting_record', 'what', '', 'day', partnership_private.iso_date(m.day), 'actor', '',
                   'side', '', 'signed', false, 'note', '', 'time', pg_catalog.to_char(m.at, 'HH24:MI'),
                   'place', m.place),
               1000000000 + pg_catalog.row_number() over (order by s.seq, m.day, m.at, m.seq)
        from partnership_private.mail_subscriptions s
        join partnership_private.people x on x.project_id = s.project_id and x.id = s.person_id
        join partnership_private.projects p on p.id = s.project_id
        join partnership_private.meetings m on m.project_id = s.project_id
        where s.ended_at is null and p.closed_at is null and m.cancelled_at is null
          and m.day between p_today and p_today + p_days
          and not exists (select 1 from partnership_private.mail_sent ms
                          where ms.key = s.id || ':record:' || m.id || ':' || partnership_private.iso_date(m.day))
    ) x
$$;

-- -- export and import -----------------------------------------------------------------------

-- From 20261205002000_members.sql: + "meetings" (the rhythm and every meeting the link may see).
create or replace function public.ps_export_project(p_token text, p_project text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    if v_link.role = 'member' then
        perform partnership_private.owner_only(v_link.role);
    end if;
    return pg_catalog.jsonb_build_object(
        'snapshot', partnership_private.snapshot(v_link.project_id, v_link.role),
        'history', partnership_private.history(v_link.project_id, v_link.role, 1000000),
        'meetings', partnership_private.meeting_list(v_link.project_id, v_link.role));
end
$$;

-- A record's version from an export: a whole number, else p_default.
create function partnership_private.import_version(p_value jsonb, p_default integer)
returns integer language sql immutable set search_path = '' as $$
    select case when pg_catalog.jsonb_typeof(p_value) = 'number' and (p_value #>> '{}') ~ '^[0-9]{1,9}$'
                then (p_value #>> '{}')::integer else p_default end
$$;

-- A timestamp from an export (ISO text or null), within the years dates may have.
create function partnership_private.import_at(p_value jsonb, p_what text)
returns timestamptz language plpgsql stable set search_path = '' as $$
declare
    v timestamptz;
begin
    if p_value is null or pg_catalog.jsonb_typeof(p_value) = 'null' then
        return null;
    end if;
    begin
        v := (partnership_private.jtext(p_value, p_what, 40, true))::timestamptz;
    exception when data_exception then
        perform partnership_private.invalid('bad_date', p_what || ': not a timestamp',
                                            pg_catalog.jsonb_build_object('what', p_what));
    end;
    if v not between timestamptz '1900-01-01 00:00:00+00' and timestamptz '2200-12-31 23:59:59+00' then
        perform partnership_private.invalid('date_range', p_what || ': out of range',
                                            pg_catalog.jsonb_build_object('what', p_what));
    end if;
    return v;
end
$$;

-- The keys of p that are in p_keys (an export's record holds bookkeeping besides).
create function partnership_private.pick(p jsonb, p_keys text[])
returns jsonb language sql immutable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_object_agg(e.key, e.value), '{}'::jsonb)
    from pg_catalog.jsonb_each(p) e where e.key = any (p_keys)
$$;

-- The meetings, the rhythm, the evaluations and the outcome of an export (ids, versions,
-- who and when kept), each checked as ps_add_meeting, ps_meeting_notes,
-- ps_set_meeting_rhythm, ps_add_evaluation and ps_choose_outcome check them. A file from
-- before has none of them. An outcome "close" closes the new project (read-only), as it was.
create function partnership_private.import_meetings_term(p_project text, p_data jsonb, p_creator text)
returns void language plpgsql set search_path = '' as $$
declare
    c_fields constant text[] := array['day', 'time', 'duration', 'place', 'participants', 'agenda', 'decisions'];
    v_book jsonb := p_data -> 'meetings';
    v_term jsonb := p_data -> 'term';
    v_item jsonb;
    v_clean jsonb;
    v_id text;
    v_outcome text;
    v_at timestamptz;
begin
    if v_book is not null and pg_catalog.jsonb_typeof(v_book) not in ('object', 'null') then
        perform partnership_private.invalid('bad_import', 'meetings: not a record', '{"what": "meetings"}');
    end if;
    if pg_catalog.jsonb_typeof(v_book -> 'rhythm') = 'object' then
        v_item := v_book -> 'rhythm';
        v_clean := partnership_private.rhythm_changes(p_project, 'owner', partnership_private.pick(v_item,
            array['every_weeks', 'weekday', 'time', 'duration', 'place', 'participants', 'first_day', 'until',
                  'active']));
        insert into partnership_private.meeting_rhythms (project_id, every_weeks, weekday, at, duration, place,
                                                         participants, first_day, until, active, version,
                                                         updated_by, updated_at)
        values (p_project, (v_clean ->> 'every_weeks')::integer, (v_clean ->> 'weekday')::integer,
                (v_clean ->> 'time')::time, (v_clean ->> 'duration')::integer, v_clean ->> 'place',
                v_clean -> 'participants', (v_clean ->> 'first_day')::date, (v_clean ->> 'until')::date,
                (v_clean ->> 'active')::boolean,
                greatest(partnership_private.import_version(v_item -> 'version', 1), 1),
                coalesce(nullif(partnership_private.jtext(coalesce(v_item -> 'updated_by', '""'),
                                                          'rhythm.updated_by', 200, false), ''), p_creator),
                coalesce(partnership_private.import_at(v_item -> 'updated_at', 'rhythm.updated_at'),
                         pg_catalog.clock_timestamp()));
    end if;
    if pg_catalog.jsonb_typeof(v_book -> 'meetings') = 'array' then
        if pg_catalog.jsonb_array_length(v_book -> 'meetings') > 500 then
            perform partnership_private.invalid('too_many', 'meetings: too many', '{"what": "meetings", "limit": 500}');
        end if;
        for v_item in select x from pg_catalog.jsonb_array_elements(v_book -> 'meetings') x loop
            if pg_catalog.jsonb_typeof(v_item) <> 'object' then
                perform partnership_private.invalid('bad_import', 'meetings: not a record', '{"what": "meetings"}');
            end if;
            v_clean := partnership_private.meeting_changes(p_project, 'owner', partnership_private.pick(v_item, c_fields));
            if not (v_clean ? 'day' and v_clean ? 'time') then
                perform partnership_private.invalid('required', 'meeting.day: required', '{"what": "meeting.day"}');
            end if;
            v_id := partnership_private.jtext(v_item -> 'id', 'meeting.id', 64, true);
            v_at := partnership_private.import_at(v_item -> 'cancelled_at', 'meeting.cancelled_at');
            insert into partnership_private.meetings (
                project_id, id, day, at, duration, place, participants, agenda, decisions, task_ids, slot, version,
                updated_by, updated_at, notes, notes_version, notes_by, notes_at, cancelled_at, cancelled_by,
                cancel_reason)
            values (
                p_project, v_id, (v_clean ->> 'day')::date, (v_clean ->> 'time')::time,
                coalesce((v_clean ->> 'duration')::integer, 60), coalesce(v_clean ->> 'place', ''),
                coalesce(v_clean -> 'participants', '[]'), coalesce(v_clean -> 'agenda', '[]'),
                coalesce(v_clean -> 'decisions', '[]'),
                coalesce((select pg_catalog.jsonb_agg(e.value order by e.n)
                          from pg_catalog.jsonb_array_elements(
                                   case when pg_catalog.jsonb_typeof(v_item -> 'task_ids') = 'array'
                                        then v_item -> 'task_ids' else '[]' end) with ordinality e (value, n)
                          where exists (select 1 from partnership_private.tasks t
                                        where t.project_id = p_project and t.id = e.value #>> '{}')), '[]'),
                partnership_private.a_date(v_item -> 'slot', 'meeting.slot'),
                greatest(partnership_private.import_version(v_item -> 'version', 1), 1),
                coalesce(nullif(partnership_private.jtext(coalesce(v_item -> 'updated_by', '""'),
                                                          'meeting.updated_by', 200, false), ''), p_creator),
                coalesce(partnership_private.import_at(v_item -> 'updated_at', 'meeting.updated_at'),
                         pg_catalog.clock_timestamp()),
                partnership_private.jtext(coalesce(v_item -> 'notes', '""'), 'meeting.notes',
                                          partnership_private.max_text(), false),
                partnership_private.import_version(v_item -> 'notes_version', 0),
                partnership_private.jtext(coalesce(v_item -> 'notes_by', '""'), 'meeting.notes_by', 200, false),
                partnership_private.import_at(v_item -> 'notes_at', 'meeting.notes_at'),
                v_at,
                case when v_at is null then '' else partnership_private.jtext(
                    coalesce(v_item -> 'cancelled_by', '""'), 'meeting.cancelled_by', 200, false) end,
                case when v_at is null then '' else partnership_private.strip(partnership_private.jtext(
                    coalesce(v_item -> 'cancel_reason', '""'), 'meeting.cancel_reason', 1000, false)) end);
        end loop;
    end if;
    if pg_catalog.jsonb_typeof(v_term) <> 'object' then
        return;
    end if;
    if pg_catalog.jsonb_typeof(v_term -> 'evaluations') = 'array' then
        if pg_catalog.jsonb_array_length(v_term -> 'evaluations') > 500 then
            perform partnership_private.invalid('too_many', 'evaluations: too many',
                                                '{"what": "evaluations", "limit": 500}');
        end if;
        for v_item in select x from pg_catalog.jsonb_array_elements(v_term -> 'evaluations') x loop
            if pg_catalog.jsonb_typeof(v_item) <> 'object' then
                perform partnership_private.invalid('bad_import', 'evaluations: not a record', '{"what": "evaluations"}');
            end if;
            insert into partnership_private.evaluations (project_id, id, side, name, at, answers, reached)
            values (p_project, partnership_private.jtext(v_item -> 'id', 'evaluation.id', 64, true),
                    partnership_private.choice(v_item -> 'side', array['association', 'partner'], 'evaluation.side'),
                    partnership_private.jname(v_item -> 'name', 'evaluation.name'),
                    coalesce(partnership_private.import_at(v_item -> 'at', 'evaluation.at'),
                             pg_catalog.clock_timestamp()),
                    case when pg_catalog.jsonb_typeof(v_item -> 'answers') = 'object'
                              and v_item -> 'answers' <> '{}'::jsonb
                         then partnership_private.health_answers(v_item -> 'answers') else '[]'::jsonb end,
                    partnership_private.strip(partnership_private.jtext(coalesce(v_item -> 'reached', '""'),
                                                                        'evaluation.reached',
                                                                        partnership_private.max_text(), false)));
        end loop;
    end if;
    v_outcome := coalesce(v_term ->> 'outcome', '');
    if v_outcome <> '' then
        perform partnership_private.choice(v_term -> 'outcome', array['continue', 'renew', 'close'], 'outcome');
        v_at := coalesce(partnership_private.import_at(v_term -> 'outcome_at', 'term.outcome_at'),
                         pg_catalog.clock_timestamp());
        update partnership_private.projects set outcome = v_outcome, outcome_at = v_at,
            closed_at = case when v_outcome = 'close' then coalesce(
                partnership_private.import_at(v_term -> 'closed_at', 'term.closed_at'), v_at) end,
            closed_note = case when v_outcome = 'close' then partnership_private.jtext(
                coalesce(v_term -> 'closed_note', '""'), 'term.closed_note', 2100, false) else '' end
        where id = p_project;
    end if;
exception when unique_violation then
    perform partnership_private.invalid('bad_import', 'a meeting or evaluation id is used twice',
                                        '{"what": "meetings.id"}');
end
$$;

-- From 20261206000200_funding_term.sql (the overload RpcStore calls): + the meetings, the
-- evaluations and the outcome.
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
    perform partnership_private.import_meetings_term(v_answer ->> 'project_id', p_data,
                                                     partnership_private.actor(p_creator));
    return v_answer;
end
$$;

-- -- privileges ---------------------------------------------------------------------------

revoke all on function partnership_private.meeting_json(partnership_private.meetings, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.meeting_cancel_content(partnership_private.meetings) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_due(date, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.mail_due_before_records(date, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.import_version(jsonb, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.import_at(jsonb, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.pick(jsonb, text[]) from public, anon, authenticated, service_role;
revoke all on function partnership_private.import_meetings_term(text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_cancel_meeting(text, text, text, boolean, text, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_export_project(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_import_project(jsonb, text, text, text, text, text) from public, anon, authenticated, service_role;
grant execute on function public.ps_cancel_meeting(text, text, text, boolean, text, integer, text) to anon;
grant execute on function public.ps_export_project(text, text) to anon;
grant execute on function public.ps_import_project(jsonb, text, text, text, text, text) to anon;
