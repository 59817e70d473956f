-- Personal data (issue 23): the people the association enters for itself - in step 3,
-- "who goes to the first meeting", with phone and e-mail - stay inside the association. A
-- person is SHARED, and so reaches the partner, the viewer, the agreement and their
-- exports, when they are on the partner's side, in the joint working group, or responsible
-- for a joint (not internal) task; everyone else is the association's own. The rule is
-- person_shared; every person's JSON says it ("shared"), so the pages and the agreement
-- follow the database instead of deciding again.
--
--   person_shared, get_person_or_null (private)
--   person_json   (REDEFINED: + "shared")
--   snapshot      (REDEFINED from 20261126000000_init.sql: people filtered for partner and viewer)
--   history       (REDEFINED from 20261130000200_safety.sql: a person's entries only while shared)
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'partnership_private' and p.proname = 'person_shared') then
        raise exception 'migration 20261205000200_private_people is already applied (partnership_private.person_shared exists); nothing was changed';
    end if;
end
$guard$;

create function partnership_private.person_shared(p partnership_private.people)
returns boolean language sql stable set search_path = '' as $$
    select p.id is not null and (p.side = 'partner' or p.working_group or exists (
        select 1 from partnership_private.tasks t
        where t.project_id = p.project_id and t.responsible = p.id and not t.internal))
$$;

create function partnership_private.get_person_or_null(p_project text, p_id text)
returns partnership_private.people language sql stable set search_path = '' as $$
    select x from partnership_private.people x where x.project_id = p_project and x.id = p_id
$$;

create or replace function partnership_private.person_json(p partnership_private.people)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.person_content(p) || pg_catalog.jsonb_build_object(
        'id', p.id, 'version', p.version, 'updated_by', p.updated_by, 'updated_at', partnership_private.iso(p.updated_at),
        'shared', partnership_private.person_shared(p))
$$;

create index if not exists tasks_responsible on partnership_private.tasks (project_id, responsible);

-- Everything a role may see: people only where shared, for the partner and the viewer.
create or replace function partnership_private.snapshot(p_project text, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'project', partnership_private.project_json(p),
        'role', p_role,
        'revision', p.revision,
        'fields', coalesce((
            select pg_catalog.jsonb_object_agg(f.key, pg_catalog.jsonb_build_object(
                'value', f.value, 'version', f.version, 'updated_by', f.updated_by,
                'updated_at', partnership_private.iso(f.updated_at)))
            from partnership_private.fields f join partnership_private.field_catalog c on c.key = f.key
            where f.project_id = p.id and (p_role = 'owner' or not c.internal)), '{}'::jsonb),
        'invitation', case when p_role = 'viewer' then '' else coalesce((
            select f.value from partnership_private.fields f where f.project_id = p.id and f.key = 's1_idea'), '') end,
        'candidates', case when p_role <> 'owner' then '[]'::jsonb else coalesce((
            select pg_catalog.jsonb_agg(partnership_private.candidate_json(c) order by c.position, c.seq)
            from partnership_private.candidates c where c.project_id = p.id), '[]'::jsonb) end,
        'people', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.person_json(x) order by
                x.side collate "C",
                pg_catalog.translate(x.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') collate "C",
                x.seq)
            from partnership_private.people x
            where x.project_id = p.id and (p_role = 'owner' or partnership_private.person_shared(x))), '[]'::jsonb),
        'tasks', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.task_json(t) order by
                coalesce(t.start, t.due, 'infinity'::date), t.due nulls first, t.title collate "C", t.seq)
            from partnership_private.tasks t where t.project_id = p.id and (p_role = 'owner' or not t.internal)),
            '[]'::jsonb),
        'approvals', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.approval_json(a) order by a.approved_at, a.seq)
            from partnership_private.approvals a where a.project_id = p.id), '[]'::jsonb),
        'signed_versions', coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'id', v.id, 'content_hash', v.content_hash, 'markdown', v.markdown,
                'signed_at', partnership_private.iso(v.signed_at)) order by v.signed_at, v.seq)
            from partnership_private.agreement_versions v where v.project_id = p.id), '[]'::jsonb),
        'health_checks', coalesce((
            select pg_catalog.jsonb_agg(partnership_private.health_json(h) order by h.at, h.seq)
            from partnership_private.health_checks h where h.project_id = p.id), '[]'::jsonb))
    from partnership_private.projects p where p.id = p_project
$$;

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
          where x.project_id = p_project and (p_role = 'owner' or (x.joint and (x.entity <> 'person'
                or partnership_private.person_shared(partnership_private.get_person_or_null(p_project, x.target)))))
          order by x.id desc
          limit case when p_limit < 0 then null else p_limit end) h
    left join partnership_private.projects p on p.id = p_project
$$;

revoke all on function partnership_private.person_shared(partnership_private.people) from public, anon, authenticated, service_role;
revoke all on function partnership_private.get_person_or_null(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.person_json(partnership_private.people) from public, anon, authenticated, service_role;
