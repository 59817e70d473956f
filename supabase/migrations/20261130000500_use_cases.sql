-- Partnerskabsværktøjet: each use case of step 3 that writes several records is one
-- function, so one transaction (issue 11). The rules mirror the SQLite adapter
-- (partnership/store/sqlite*, the reference implementation); tests/store/contract.py runs
-- against both.
--
--   close_follow_ups (private)   mark every open internal follow-up task done
--                                (partnership.contact.is_open_follow_up: internal, kind
--                                follow_up, status not done), each with its history entry.
--   ps_said_yes (new)            owner: the candidate said yes. Compare-and-set on the
--                                project's version; partner_org becomes the candidate's
--                                name and the open follow-ups are closed. A Conflict saves
--                                nothing.
--   ps_record_refusal (REDEFINED; its body is the one of 20261126000000_init.sql, plus the
--                                closing of the open follow-ups in the same transaction)
--
-- The example project (partnership.demo) needs no function of its own: it is created by
-- ps_import_project (one transaction), which never takes approvals or the signed state
-- from the caller; the adapter then approves it through ps_approve as each side.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'public' and p.proname = 'ps_said_yes') then
        raise exception 'migration 20261130000500_use_cases is already applied (public.ps_said_yes exists); nothing was changed';
    end if;
end
$guard$;

-- The open internal follow-ups of a project marked done, in the caller's transaction
-- (the caller has locked the project and checked that the role is the owner's). A status
-- change is allowed on a signed agreement's tasks, and internal tasks are the owner's,
-- so no task rule can refuse it.
create function partnership_private.close_follow_ups(p_project text, p_role text, p_actor text)
returns integer language plpgsql set search_path = '' as $$
declare
    v_task partnership_private.tasks%rowtype;
    v_count integer := 0;
begin
    for v_task in
        select * from partnership_private.tasks t
        where t.project_id = p_project and t.internal and t.kind = 'follow_up' and t.status <> 'done'
        order by t.id collate "C"
        for update
    loop
        perform partnership_private.update_task_row(p_project, p_role, v_task,
                                                    partnership_private.task_content(v_task) || '{"status": "done"}',
                                                    v_task.version, p_actor, false);
        v_count := v_count + 1;
    end loop;
    return v_count;
end
$$;

create function public.ps_said_yes(p_token text, p_project text, p_id text, p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cand partnership_private.candidates%rowtype;
    v_cur partnership_private.projects%rowtype;
    v_new partnership_private.projects%rowtype;
    v_last_by text;
    v_last_at timestamptz;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    v_cand := partnership_private.get_candidate(v_link.project_id, p_id);
    select * into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur.version is distinct from p_expected_version then
        select h.actor, h.at into v_last_by, v_last_at from partnership_private.history h
         where h.project_id = v_link.project_id and h.entity = 'project' order by h.id desc limit 1;
        perform partnership_private.conflict(partnership_private.project_content(v_cur), v_cur.version,
                                             coalesce(v_last_by, v_cur.created_by),
                                             coalesce(v_last_at, v_cur.created_at));
    end if;
    update partnership_private.projects p set partner_org = v_cand.name, version = p.version + 1
    where p.id = v_link.project_id
    returning * into v_new;
    perform partnership_private.log(
        v_link.project_id, v_link.role, p_actor, 'project', v_link.project_id,
        partnership_private.project_content_text(v_cur.title, v_cur.our_org, v_cur.partner_org, v_cur.website, v_cur),
        partnership_private.project_content_text(v_new.title, v_new.our_org, v_new.partner_org, v_new.website, v_cur),
        v_new.version, true, pg_catalog.clock_timestamp());
    perform partnership_private.close_follow_ups(v_link.project_id, v_link.role, p_actor);
    return v_new.version;
end
$$;

create or replace function public.ps_record_refusal(p_token text, p_project text, p_id text,
                                                    p_expected_version integer, p_actor text,
                                                    p_email text default null, p_email_version integer default 0)
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
    perform partnership_private.close_follow_ups(v_link.project_id, v_link.role, p_actor);
    if v_first is null then
        return null;
    end if;
    return partnership_private.candidate_json(partnership_private.get_candidate(v_link.project_id, v_first));
end
$$;

revoke all on function partnership_private.close_follow_ups(text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_said_yes(text, text, text, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_record_refusal(text, text, text, integer, text, text, integer)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_said_yes(text, text, text, integer, text) to anon;
grant execute on function public.ps_record_refusal(text, text, text, integer, text, text, integer) to anon;
