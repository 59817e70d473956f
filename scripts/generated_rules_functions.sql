create or replace function partnership_private.candidate_changes(p jsonb)
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
        v_out := v_out || pg_catalog.jsonb_build_object('note', partnership_private.jtext(p -> 'note', 'candidate.note', partnership_private.max_text(), false));
    end if;
    if p ? 'priority' then
        if p -> 'priority' <> 'null'::jsonb and (pg_catalog.jsonb_typeof(p -> 'priority') <> 'number'
                or (p ->> 'priority') !~ '^-?[0-9]+$'
                or (p ->> 'priority')::numeric not between 1 and partnership_private.top_priorities()) then
            perform partnership_private.invalid('bad_priority', 'priority must be 1-' || partnership_private.top_priorities(),
                                                '{"what": "priority"}');
        end if;
        v_out := v_out || pg_catalog.jsonb_build_object('priority', p -> 'priority');
    end if;
    return v_out;
end
$$;

create or replace function partnership_private.task_changes(p jsonb)
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
        v_out := v_out || pg_catalog.jsonb_build_object('note', partnership_private.jtext(p -> 'note', 'task.note', partnership_private.max_text(), false));
    end if;
    if p ? 'internal' then
        v_out := v_out || pg_catalog.jsonb_build_object('internal', partnership_private.flag(p -> 'internal', 'task.internal'));
    end if;
    return v_out;
end
$$;

-- partnership.health.validate_answers: {statement: [rating, comment] | rating} ->
-- [[statement, rating, comment], ...] in the order of the statements.
create or replace function partnership_private.health_answers(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    c_statements constant text[] := partnership_private.statements();
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
        if pg_catalog.jsonb_typeof(v_rating) <> 'string' or v_clean is null or not (v_clean = any (partnership_private.ratings())) then
            perform partnership_private.invalid('bad_choice', pg_catalog.format('%s: rating %s is not allowed', v_key, v_rating),
                                                pg_catalog.jsonb_build_object('what', 'health.' || v_key));
        end if;
        if v_comment = 'null'::jsonb then
            v_comment := '""';
        end if;
        v_out := v_out || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_array(
            v_key, v_clean, partnership_private.strip(partnership_private.jtext(v_comment, 'health.' || v_key, partnership_private.max_comment(), false))));
    end loop;
    return v_out;
end
$$;

-- partnership.rules.task_refusal: internal tasks are the owner's; a signed agreement's tasks
-- (rules.AGREEMENT_TASK_KINDS) change only in rules.TRACKING_TASK_FIELDS.
create or replace function partnership_private.task_rule(p_role text, p_project text, p_internal boolean, p_kind text,
                                              p_changing text[])
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_internal and p_role <> 'owner' then
        perform partnership_private.forbidden('forbidden', 'internal tasks are the association''s own');
    end if;
    if partnership_private.signed_at(p_project) is not null and p_kind = any (partnership_private.agreement_task_kinds())
            and not (p_changing <@ partnership_private.tracking_task_fields()) then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
end
$$;

-- The constants the SQL shares with the Python code (tests compare them).
create or replace function partnership_private.constants()
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'fields', (select pg_catalog.jsonb_object_agg(c.key, pg_catalog.jsonb_build_array(c.step, c.internal))
                   from partnership_private.field_catalog c),
        'max_text', partnership_private.max_text(), 'max_name', 200, 'max_comment', partnership_private.max_comment(),
        'top_priorities', partnership_private.top_priorities(), 'presence_ttl_s', 15,
        'statements', pg_catalog.to_jsonb(partnership_private.statements()),
        'ratings', pg_catalog.to_jsonb(partnership_private.ratings()),
        'agreement_task_kinds', pg_catalog.to_jsonb(partnership_private.agreement_task_kinds()),
        'tracking_task_fields', pg_catalog.to_jsonb(partnership_private.tracking_task_fields()),
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

create or replace function public.ps_set_field(p_token text, p_project text, p_key text, p_value text, p_expected_version integer,
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
    perform partnership_private.check_text(p_value, p_key, partnership_private.max_text(), false);
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, case when v_internal then array['owner'] else array['owner', 'partner'] end);
    if not v_internal and partnership_private.signed_at(v_link.project_id) is not null then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
    return partnership_private.write_field(v_link.project_id, v_link.role, p_key, p_value, p_expected_version, p_actor);
end
$$;

create or replace function public.ps_record_refusal(p_token text, p_project text, p_id text, p_expected_version integer,
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
        perform partnership_private.check_text(p_email, 's3_email', partnership_private.max_text(), false);
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
        if v_rank.priority <> v_place and v_place <= partnership_private.top_priorities() then
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

-- Health-check answers of an export ({statement: [rating, comment]}) as stored: a list
-- of [statement, rating, comment], known statements in their order, then the rest.
create or replace function partnership_private.import_answers(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    c_statements constant text[] := partnership_private.statements();
begin
    if p is null or pg_catalog.jsonb_typeof(p) <> 'object' or exists (
            select 1 from pg_catalog.jsonb_each(p) e
            where pg_catalog.jsonb_typeof(e.value) <> 'array' or pg_catalog.jsonb_array_length(e.value) < 2
               or pg_catalog.length(e.value ->> 1) > partnership_private.max_comment()) then
        perform partnership_private.invalid('bad_import', 'not a partnership export: health check answers',
                                            '{"what": "data"}');
    end if;
    return coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(e.key, e.value ->> 0, e.value ->> 1)
                                    order by pg_catalog.array_position(c_statements, e.key) nulls last, e.key collate "C")
        from pg_catalog.jsonb_each(p) e), '[]'::jsonb);
end
$$;

-- public.ps_import_project of the init migration, moved here by 20261130000200_safety.
create or replace function partnership_private.import_project_as_sent(p_data jsonb, p_creator text, p_owner_token text,
                                                                   p_partner_token text, p_viewer_token text)
returns jsonb language plpgsql set search_path = '' set timezone = 'UTC' as $$
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
        perform partnership_private.jtext(coalesce(v_value -> 'value', '""'), v_key, partnership_private.max_text(), false);
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
