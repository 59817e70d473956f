-- A follow-up names the person responsible for it (issue 23): validation.task_responsible
-- in Python, the same rule here for every way a task is added or changed. A new follow-up
-- always needs one; a change is checked when it sets the kind or the person, so an older
-- follow-up without one can still change its status or note. An import (an export made
-- before the rule) and ps_restore of an older value go through as they were written: the
-- import never calls these functions, and a restore that empties the person is refused.
--
--   task_responsible (private)   the rule; PT422 responsible_required (what: task.responsible)
--   ps_add_task, ps_update_task  (REDEFINED: the bodies of 20261126000000_init.sql, plus the rule)
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'partnership_private' and p.proname = 'task_responsible') then
        raise exception 'migration 20261205000100_responsible is already applied (partnership_private.task_responsible exists); nothing was changed';
    end if;
end
$guard$;

create function partnership_private.task_responsible(p_kind text, p_responsible text, p_changing text[] default null)
returns void language plpgsql stable set search_path = '' as $$
begin
    if (p_changing is null or p_changing && array['kind', 'responsible']::text[])
       and p_kind = any (array['follow_up']::text[])
       and pg_catalog.btrim(coalesce(p_responsible, '')) = '' then
        perform partnership_private.invalid('responsible_required', 'this kind of task needs someone responsible',
                                            '{"what": "task.responsible"}');
    end if;
end
$$;
revoke all on function partnership_private.task_responsible(text, text, text[]) from public, anon, authenticated, service_role;

create or replace function public.ps_add_task(p_token text, p_project text, p_fields jsonb, p_actor text)
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
    perform partnership_private.task_responsible(v_task ->> 'kind', v_task ->> 'responsible');
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

create or replace function public.ps_update_task(p_token text, p_project text, p_id text, p_changes jsonb,
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
    perform partnership_private.task_responsible(v_after ->> 'kind', v_after ->> 'responsible', v_changing);
    if v_clean ? 'responsible' then
        perform partnership_private.responsible_exists(v_link.project_id, v_clean ->> 'responsible');
    end if;
    return partnership_private.update_task_row(v_link.project_id, v_link.role, v_cur, v_after, p_expected_version,
                                               p_actor, not (v_cur.internal or (v_after ->> 'internal')::boolean));
end
$$;

revoke all on function public.ps_add_task(text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_task(text, text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
grant execute on function public.ps_add_task(text, text, jsonb, text) to anon;
grant execute on function public.ps_update_task(text, text, text, jsonb, integer, text) to anon;
