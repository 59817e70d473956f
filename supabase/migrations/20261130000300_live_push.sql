-- Live by push (issue 12): the two batched calls of an app process's live hub.
--
--   ps_revisions(tokens)  the revision behind each valid, unrevoked token: one call per
--                         process per interval (about 0.5 s) for every watched project
--                         together, never one per open tab.
--   ps_heartbeats(beats)  presence of many sessions in one call, at a low rate; returns
--                         everyone present in each valid token's project.
--
-- Both answer only for valid, unrevoked tokens and say nothing about the others (no
-- error, no hint whether a token ever existed). Both take at most 1000 entries.
-- No existing function is redefined.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'public' and p.proname = 'ps_revisions') then
        raise exception 'migration 20261130000300_live_push is already applied (public.ps_revisions exists); nothing was changed';
    end if;
end
$guard$;

create function public.ps_revisions(p_tokens text[])
returns jsonb language plpgsql stable security definer set search_path = '' as $$
begin
    if p_tokens is null then
        return '{}'::jsonb;
    end if;
    return coalesce((
        select pg_catalog.jsonb_object_agg(t.token, p.revision)
        from (select distinct x.token
              from pg_catalog.unnest(p_tokens[1:1000]) as x(token)
              where x.token ~ '^[A-Za-z0-9_-]{43}$') t
        join partnership_private.links l
            on l.token_hash = partnership_private.token_hash(t.token) and l.revoked_at is null
        join partnership_private.projects p on p.id = l.project_id), '{}'::jsonb);
end
$$;

-- p_beats: [{"token", "session_id", "name", "editing"}, ...]. Writes only presence (no
-- revision bump, no history), as ps_heartbeat does.
create function public.ps_heartbeats(p_beats jsonb)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_now double precision := extract(epoch from pg_catalog.clock_timestamp());
    v_beat jsonb;
    v_token text;
    v_session text;
    v_name text;
    v_editing text;
    v_link record;
    v_projects jsonb := '{}'::jsonb;
begin
    if p_beats is null or pg_catalog.jsonb_typeof(p_beats) <> 'array' then
        return '{}'::jsonb;
    end if;
    for v_beat in select b.value from pg_catalog.jsonb_array_elements(p_beats) with ordinality as b(value, n)
                  where b.n <= 1000 order by b.n loop
        continue when pg_catalog.jsonb_typeof(v_beat) <> 'object';
        v_token := v_beat ->> 'token';
        v_session := v_beat ->> 'session_id';
        v_name := coalesce(v_beat ->> 'name', '');
        v_editing := coalesce(v_beat ->> 'editing', '');
        continue when v_token is null or v_token !~ '^[A-Za-z0-9_-]{43}$'
            or v_session is null or pg_catalog.length(pg_catalog.btrim(v_session)) = 0
            or pg_catalog.length(v_session) > 64 or pg_catalog.length(v_name) > 200
            or pg_catalog.length(v_editing) > 64;
        select l.project_id, l.role into v_link
        from partnership_private.links l
        where l.token_hash = partnership_private.token_hash(v_token) and l.revoked_at is null;
        continue when not found;
        insert into partnership_private.presence as x (project_id, session_id, name, role, editing, seen)
        values (v_link.project_id, v_session, v_name, v_link.role, v_editing, v_now)
        on conflict (project_id, session_id) do update
            set name = excluded.name, role = excluded.role, editing = excluded.editing, seen = excluded.seen;
        v_projects := v_projects || pg_catalog.jsonb_build_object(v_token, v_link.project_id);
    end loop;
    -- Forget sessions gone for a minute (any project); rows another heartbeat holds are left for later.
    delete from partnership_private.presence x
    where x.ctid in (select y.ctid from partnership_private.presence y where y.seen < v_now - 60 for update skip locked);
    return coalesce((
        select pg_catalog.jsonb_object_agg(t.key, coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'session_id', x.session_id, 'name', x.name, 'role', x.role, 'editing', x.editing)
                order by x.name collate "C", x.session_id collate "C")
            from partnership_private.presence x
            where x.project_id = t.value #>> '{}' and x.seen >= v_now - 15), '[]'::jsonb))
        from pg_catalog.jsonb_each(v_projects) t), '{}'::jsonb);
end
$$;

revoke all on function public.ps_revisions(text[]) from public, anon, authenticated, service_role;
revoke all on function public.ps_heartbeats(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.ps_revisions(text[]) to anon;
grant execute on function public.ps_heartbeats(jsonb) to anon;
