-- Issue 10: dates bounded to the years 1900-2200, and presence that never tells partner
-- or viewer which internal field the owner is editing.
--
-- Redefined: partnership_private.a_date, partnership_private.history, public.ps_heartbeat
-- (bodies as in the init migration, with the changes marked "issue 10"). New:
-- partnership_private.editing_visible_to, partnership_private.hide_earlier_partner_org,
-- and checks on partnership_private.tasks. Moved: public.ps_import_project becomes
-- partnership_private.import_project_as_sent, behind a new public.ps_import_project that
-- drops approvals and the signed state first.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'partnership_private' and p.proname = 'editing_visible_to') then
        raise exception 'migration 20261130000200_safety is already applied (editing_visible_to exists); nothing was changed';
    end if;
end
$guard$;

-- validation.a_date: null, "" or an ISO date (YYYY-MM-DD) in the years 1900-2200.
create or replace function partnership_private.a_date(p_value jsonb, p_what text)
returns date language plpgsql stable set search_path = '' as $$
declare
    v_date date;
begin
    if p_value is null or p_value = 'null'::jsonb or p_value = '""'::jsonb then
        return null;
    end if;
    if pg_catalog.jsonb_typeof(p_value) = 'string' and (p_value #>> '{}') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
        begin
            v_date := (p_value #>> '{}')::date;
        exception when others then
            v_date := null;
        end;
        if v_date is not null then
            -- issue 10: a date far out (9999-12-31) broke the timeline for every role
            if pg_catalog.date_part('year', v_date) not between 1900 and 2200 then
                perform partnership_private.invalid('date_range', p_what || ': outside 1900-2200',
                    pg_catalog.jsonb_build_object('what', p_what, 'low', 1900, 'high', 2200));
            end if;
            return v_date;
        end if;
    end if;
    perform partnership_private.invalid('bad_date', p_what || ': not a date', pg_catalog.jsonb_build_object('what', p_what));
    return null;
end
$$;

-- The same bounds for every way in (an import writes dates without a_date). NOT VALID:
-- rows stored before this migration are left alone (the app skips them on the timeline).
alter table partnership_private.tasks
    add constraint tasks_start_years check (start between date '1900-01-01' and date '2200-12-31') not valid,
    add constraint tasks_due_years check (due between date '1900-01-01' and date '2200-12-31') not valid;

-- steps.editing_visible_to: the owner sees every key; partner and viewer see joint keys
-- as they are and anything internal (or unknown) only as "internal".
create function partnership_private.editing_visible_to(p_role text, p_editing text)
returns text language sql stable set search_path = '' as $$
    select case
        when p_role = 'owner' or coalesce(p_editing, '') = '' then p_editing
        when exists (select 1 from partnership_private.field_catalog c where c.key = p_editing and not c.internal)
            then p_editing
        when p_editing like 're\_%' and p_editing not like 're\_cand\_%' and p_editing not like 're\_project\_%'
            then p_editing
        else 'internal' end
$$;
revoke all on function partnership_private.editing_visible_to(text, text) from public, anon, authenticated, service_role;

create or replace function public.ps_heartbeat(p_token text, p_project text, p_session_id text, p_name text,
                                               p_editing text)
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
                'session_id', x.session_id, 'name', x.name, 'role', x.role,
                -- issue 10: which internal field the owner edits is not the partner's business
                'editing', partnership_private.editing_visible_to(v_link.role, x.editing))
                order by x.name collate "C", x.session_id collate "C")
            from partnership_private.presence x
            where x.project_id = v_link.project_id and x.session_id <> p_session_id and x.seen >= v_now - 15),
            '[]'::jsonb));
end
$$;

-- exchange.hide_earlier_partner_org: in a project history record, a partner organisation
-- other than today's (a candidate asked before the yes) is shown to partner and viewer as none.
create function partnership_private.hide_earlier_partner_org(p_json text, p_current text)
returns text language plpgsql stable set search_path = '' as $$
declare
    v jsonb;
begin
    if coalesce(p_json, '') = '' then
        return p_json;
    end if;
    begin
        v := p_json::jsonb;
    exception when others then
        return p_json;
    end;
    if pg_catalog.jsonb_typeof(v) <> 'object' or coalesce(v ->> 'partner_org', '') in ('', coalesce(p_current, '')) then
        return p_json;
    end if;
    return pg_catalog.jsonb_set(v, '{partner_org}', '""'::jsonb)::text;
end
$$;
revoke all on function partnership_private.hide_earlier_partner_org(text, text)
    from public, anon, authenticated, service_role;

create or replace function partnership_private.history(p_project text, p_role text, p_limit integer)
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'id', h.id, 'entity', h.entity, 'target', h.target, 'actor', h.actor, 'role', h.role,
        'at', partnership_private.iso(h.at),
        -- issue 10: earlier partner organisations are the association's business
        'old', case when p_role <> 'owner' and h.entity = 'project'
                    then partnership_private.hide_earlier_partner_org(h.old, p.partner_org) else h.old end,
        'new', case when p_role <> 'owner' and h.entity = 'project'
                    then partnership_private.hide_earlier_partner_org(h.new, p.partner_org) else h.new end,
        'version', h.version) order by h.id desc),
        '[]'::jsonb)
    from (select * from partnership_private.history x
          where x.project_id = p_project and (p_role = 'owner' or x.joint)
          order by x.id desc
          limit case when p_limit < 0 then null else p_limit end) h
    left join partnership_private.projects p on p.id = p_project
$$;

-- An import never brings approvals, signed versions or the signed state (the app's
-- import_rules drops them too; this holds for a direct call of the Data API as well).
-- The old body moves to the private schema as an ordinary (invoker) helper; it runs as
-- postgres inside the new SECURITY DEFINER wrapper. In one block, so that applying the file
-- again (statement by statement) cannot move the wrapper.
do $move$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'partnership_private' and p.proname = 'import_project_as_sent') then
        raise exception 'migration 20261130000200_safety is already applied (import_project_as_sent exists)';
    end if;
    alter function public.ps_import_project(jsonb, text, text, text, text) rename to import_project_as_sent;
    alter function public.import_project_as_sent(jsonb, text, text, text, text) set schema partnership_private;
    alter function partnership_private.import_project_as_sent(jsonb, text, text, text, text) security invoker;
end
$move$;
revoke all on function partnership_private.import_project_as_sent(jsonb, text, text, text, text)
    from public, anon, authenticated, service_role;

create function public.ps_import_project(p_data jsonb, p_creator text, p_owner_token text, p_partner_token text,
                                         p_viewer_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
begin
    if p_data is not null and pg_catalog.jsonb_typeof(p_data) = 'object' then
        p_data := p_data - 'approvals' - 'signed_versions';
        if pg_catalog.jsonb_typeof(p_data -> 'project') = 'object' then
            p_data := pg_catalog.jsonb_set(p_data, '{project}', (p_data -> 'project') - 'signed_at' - 'signed_hash');
        end if;
    end if;
    return partnership_private.import_project_as_sent(p_data, p_creator, p_owner_token, p_partner_token,
                                                      p_viewer_token);
end
$$;
revoke all on function public.ps_import_project(jsonb, text, text, text, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_import_project(jsonb, text, text, text, text) to anon;
