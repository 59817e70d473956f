-- Members (issue 26): a fourth role, 'member', for the association's own people. A member
-- reads and writes as the association (steps 1-3 and the joint steps, the association's
-- side) but holds none of the owner's powers over the partnership itself: rotating,
-- sealing or listing links, deleting it. The owner may choose to show the partner's and
-- the viewer's link to members: those are then sealed a second time, under a key the
-- adapter derives from the member's token (links.member_sealed), so that the member's
-- link opens them and the database still holds no plain token.
--
--   allow          (REDEFINED: 'member' passes wherever 'owner' does)
--   owner_only     (new: the owner's own powers; a member is refused)
--   is_association (new: owner or member)
--   side_of, task_rule, editing_visible_to, ps_restore  (REDEFINED: a member is the association)
--   snapshot, history  (WRAPPED: the earlier ones renamed *_as_role, called with 'owner' for a
--                  member; the snapshot's 'role' stays 'member')
--   constants      (REDEFINED: + 'member' in 'role')
--   apply_seals    (REDEFINED: + "m:<hash>" keys set member_sealed while members see links)
--   ps_rotate_link, ps_delete_project, ps_seal_links, ps_links, ps_export_project
--                  (REDEFINED: owner only - the export for partner and viewer as before;
--                  ps_links answers a member the member seals while the owner shows them;
--                  ps_rotate_link takes 'member' and makes that link if there is none yet)
--   ps_create_project, ps_import_project  (new overloads with p_member_token)
--   ps_show_links_to_members  (new: the owner's setting, compare-and-set on its value)
--   ps_timer, timer_json, timer_left  (new: step 2's shared timer, stored with the project;
--                  the snapshot carries it for the association)
--
-- Existing projects have no member link; the owner makes one with rotate_link(member).
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_attribute
               where attrelid = 'partnership_private.projects'::pg_catalog.regclass
                 and attname = 'members_see_links') then
        raise exception 'migration 20261205002000_members is already applied; nothing was changed';
    end if;
end
$guard$;

-- -- the role ---------------------------------------------------------------------------

alter table partnership_private.links drop constraint links_role_check;
alter table partnership_private.links add constraint links_role_check
    check (role in ('owner', 'member', 'partner', 'viewer'));
alter table partnership_private.history drop constraint history_role_check;
alter table partnership_private.history add constraint history_role_check
    check (role in ('owner', 'member', 'partner', 'viewer'));
alter table partnership_private.presence drop constraint presence_role_check;
alter table partnership_private.presence add constraint presence_role_check
    check (role in ('owner', 'member', 'partner', 'viewer'));

alter table partnership_private.projects add column members_see_links boolean not null default false;
alter table partnership_private.links
    add column member_sealed text check (pg_catalog.length(member_sealed) <= 300
                                         and member_sealed ~ '^v1\.[A-Za-z0-9_=-]+$');

create function partnership_private.is_association(p_role text)
returns boolean language sql immutable set search_path = '' as $$
    select p_role in ('owner', 'member')
$$;

-- Every check that lets the owner in lets a member in too; the owner's own powers call
-- owner_only as well.
create or replace function partnership_private.allow(p_role text, p_allowed text[])
returns void language plpgsql stable set search_path = '' as $$
begin
    if not (p_role = any (p_allowed) or (p_role = 'member' and 'owner' = any (p_allowed))) then
        perform partnership_private.forbidden('forbidden', p_role || ' may not do this');
    end if;
end
$$;

create function partnership_private.owner_only(p_role text)
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_role is distinct from 'owner' then
        perform partnership_private.forbidden('forbidden', coalesce(p_role, 'nobody') || ' may not do this: owner only');
    end if;
end
$$;

create or replace function partnership_private.side_of(p_role text)
returns text language sql immutable set search_path = '' as $$
    select case when partnership_private.is_association(p_role) then 'association'
                when p_role = 'partner' then 'partner' end
$$;

-- From 20261130000600_generated_rules.sql; internal tasks are the association's.
create or replace function partnership_private.task_rule(p_role text, p_project text, p_internal boolean, p_kind text,
                                              p_changing text[])
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_internal and not partnership_private.is_association(p_role) then
        perform partnership_private.forbidden('forbidden', 'internal tasks are the association''s own');
    end if;
    if partnership_private.signed_at(p_project) is not null and p_kind = any (partnership_private.agreement_task_kinds())
            and not (p_changing <@ partnership_private.tracking_task_fields()) then
        perform partnership_private.forbidden('signed', 'the agreement is signed');
    end if;
end
$$;

-- From 20261130000200_safety.sql.
create or replace function partnership_private.editing_visible_to(p_role text, p_editing text)
returns text language sql stable set search_path = '' as $$
    select case
        when partnership_private.is_association(p_role) or coalesce(p_editing, '') = '' then p_editing
        when exists (select 1 from partnership_private.field_catalog c where c.key = p_editing and not c.internal)
            then p_editing
        when p_editing like 're\_%' and p_editing not like 're\_cand\_%' and p_editing not like 're\_project\_%'
            then p_editing
        else 'internal' end
$$;

-- -- the shared timer of step 2 --------------------------------------------------------
-- The 3-minute reflection is stored with the project, so every screen shows the same
-- time and a reload changes nothing. While it runs, timer_started_at is set and
-- timer_left_ms is what was left when it started; paused or reset, timer_left_ms is what
-- is left. Every start/stop/reset is compare-and-set on timer_version, with history.

alter table partnership_private.projects
    add column timer_duration_ms integer not null default 180000
        check (timer_duration_ms between 1000 and 86400000),
    add column timer_left_ms integer not null default 180000 check (timer_left_ms between 0 and 86400000),
    add column timer_started_at timestamptz,
    add column timer_version integer not null default 0,
    add column timer_by text not null default '' check (pg_catalog.length(timer_by) <= 200),
    add column timer_at timestamptz;

create function partnership_private.timer_left(p partnership_private.projects, p_now timestamptz)
returns integer language sql stable set search_path = '' as $$
    select case when p.timer_started_at is null then p.timer_left_ms
                else greatest(0, p.timer_left_ms - (extract(epoch from (p_now - p.timer_started_at)) * 1000)::integer) end
$$;

-- The timer as the pages read it: "ends_at" (while it runs) on the database's clock,
-- "left_ms" what is left at "now".
create function partnership_private.timer_json(p partnership_private.projects, p_now timestamptz)
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'running', p.timer_started_at is not null,
        'left_ms', partnership_private.timer_left(p, p_now),
        'duration_ms', p.timer_duration_ms,
        'ends_at', case when p.timer_started_at is not null then partnership_private.iso(
                   p.timer_started_at + pg_catalog.make_interval(secs => p.timer_left_ms / 1000.0)) end,
        'version', p.timer_version, 'updated_by', p.timer_by, 'updated_at', partnership_private.iso(p.timer_at))
$$;

-- p_action: 'start' (from what is left; from the full time once it has run out),
-- 'stop' (keeps what is left) or 'reset' (the full time, not running).
create function public.ps_timer(p_token text, p_project text, p_action text, p_expected_version integer,
                                p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.projects%rowtype;
    v_new partnership_private.projects%rowtype;
    v_now timestamptz := pg_catalog.clock_timestamp();
    v_left integer;
begin
    perform partnership_private.choice(pg_catalog.to_jsonb(p_action), array['start', 'stop', 'reset'], 'timer');
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    select * into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur.timer_version is distinct from p_expected_version then
        perform partnership_private.conflict(partnership_private.timer_json(v_cur, v_now), v_cur.timer_version,
                                             v_cur.timer_by, v_cur.timer_at);
    end if;
    v_left := partnership_private.timer_left(v_cur, v_now);
    update partnership_private.projects p set
        timer_left_ms = case p_action when 'reset' then p.timer_duration_ms
                                      when 'start' then case when v_left = 0 then p.timer_duration_ms else v_left end
                                      else v_left end,
        timer_started_at = case when p_action = 'start' then v_now end,
        timer_version = p.timer_version + 1, timer_by = p_actor, timer_at = v_now
    where p.id = v_link.project_id
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'timer', 'step2',
                                    pg_catalog.jsonb_build_object('timer', case when v_cur.timer_started_at is not null
                                        then 'running' when v_left = v_cur.timer_duration_ms then 'reset'
                                        else 'stopped' end)::text,
                                    pg_catalog.jsonb_build_object('timer', case p_action when 'start' then 'running'
                                        when 'stop' then 'stopped' else 'reset' end)::text,
                                    v_new.timer_version, false, v_now);
    return partnership_private.timer_json(v_new, v_now);
end
$$;

-- The snapshot and the history a member sees are the owner's.
alter function partnership_private.snapshot(text, text) rename to snapshot_as_role;
alter function partnership_private.history(text, text, integer) rename to history_as_role;

create function partnership_private.snapshot(p_project text, p_role text)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.snapshot_as_role(p_project, case when p_role = 'member' then 'owner' else p_role end)
           || (select pg_catalog.jsonb_build_object(
                   'role', p_role, 'members_see_links', p.members_see_links,
                   'timer', case when partnership_private.is_association(p_role)
                                 then partnership_private.timer_json(p, pg_catalog.clock_timestamp()) end)
               from partnership_private.projects p where p.id = p_project)
$$;

create function partnership_private.history(p_project text, p_role text, p_limit integer)
returns jsonb language sql stable set search_path = '' as $$
    select partnership_private.history_as_role(p_project, case when p_role = 'member' then 'owner' else p_role end,
                                               p_limit)
$$;

-- From 20261126000000_init.sql: a member restores the association's entries too.
create or replace function public.ps_restore(p_token text, p_project text, p_entry_id bigint, p_expected_version integer,
                                  p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_entry partnership_private.history%rowtype;
    v_values jsonb;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    select * into v_entry from partnership_private.history h
    where h.project_id = v_link.project_id and h.id = p_entry_id
      and (partnership_private.is_association(v_link.role) or h.joint);
    if not found then
        perform partnership_private.invalid('not_found', 'no such history entry', '{"what": "history"}');
    end if;
    if v_entry.entity = 'field' then
        return public.ps_set_field(p_token, p_project, v_entry.target, v_entry.new, p_expected_version, p_actor);
    end if;
    if v_entry.entity in ('candidate', 'person', 'task') and v_entry.new <> '' then
        v_values := v_entry.new::jsonb - 'position';
        if v_entry.entity = 'candidate' then
            return public.ps_update_candidate(p_token, p_project, v_entry.target, v_values, p_expected_version, p_actor);
        elsif v_entry.entity = 'person' then
            return public.ps_update_person(p_token, p_project, v_entry.target, v_values, p_expected_version, p_actor);
        end if;
        return public.ps_update_task(p_token, p_project, v_entry.target, v_values, p_expected_version, p_actor);
    end if;
    perform partnership_private.invalid('not_restorable', 'this change cannot be restored',
                                        pg_catalog.jsonb_build_object('what', v_entry.entity));
    return null;
end
$$;

-- From 20261130000600_generated_rules.sql, + 'member'.
create or replace function partnership_private.constants()
returns jsonb language sql stable set search_path = '' as $$
    select pg_catalog.jsonb_build_object(
        'fields', (select pg_catalog.jsonb_object_agg(c.key, pg_catalog.jsonb_build_array(c.step, c.internal))
                   from partnership_private.field_catalog c),
        'max_text', partnership_private.max_text(), 'max_name', 200, 'max_comment', partnership_private.max_comment(), 'top_priorities', partnership_private.top_priorities(), 'presence_ttl_s', 15,
        'statements', pg_catalog.to_jsonb(partnership_private.statements()),
        'ratings', pg_catalog.to_jsonb(partnership_private.ratings()),
        'agreement_task_kinds', pg_catalog.to_jsonb(partnership_private.agreement_task_kinds()),
        'tracking_task_fields', pg_catalog.to_jsonb(partnership_private.tracking_task_fields()),
        'candidate_status', pg_catalog.jsonb_build_array('active', 'set_aside', 'refused'),
        'task_kind', pg_catalog.jsonb_build_array('activity', 'task', 'follow_up', 'milestone'),
        'task_status', pg_catalog.jsonb_build_array('planned', 'in_progress', 'done', 'blocked'),
        'side', pg_catalog.jsonb_build_array('association', 'partner'),
        'role', pg_catalog.jsonb_build_array('owner', 'partner', 'viewer', 'member'),
        'candidate_fields', pg_catalog.jsonb_build_array('name', 'status', 'resources', 'competences', 'values', 'fit',
                                                         'note', 'priority'),
        'person_fields', pg_catalog.jsonb_build_array('name', 'side', 'title', 'contact', 'first_meeting', 'working_group'),
        'task_fields', pg_catalog.jsonb_build_array('title', 'kind', 'responsible', 'side', 'start', 'due', 'status', 'note',
                                                    'internal'))
$$;

-- -- links --------------------------------------------------------------------------------

-- From 20261130000100_link_sharing.sql: "<hash>" keys seal under the owner's key as before
-- (every link but the owner's); "m:<hash>" keys seal the partner's and the viewer's link
-- under the member's key, only while the owner shows links to members.
create or replace function partnership_private.apply_seals(p_project text, p_seals jsonb, p_only_missing boolean)
returns void language plpgsql set search_path = '' as $$
begin
    if p_seals is null or pg_catalog.jsonb_typeof(p_seals) <> 'object' then
        perform partnership_private.invalid('invalid', 'seals must be an object', pg_catalog.jsonb_build_object('what', 'seals'));
    end if;
    update partnership_private.links l set sealed = p_seals ->> l.token_hash
    where l.project_id = p_project and l.revoked_at is null and l.role <> 'owner'
      and p_seals ? l.token_hash and (not p_only_missing or l.sealed is null);
    update partnership_private.links l set member_sealed = p_seals ->> ('m:' || l.token_hash)
    where l.project_id = p_project and l.revoked_at is null and l.role in ('partner', 'viewer')
      and p_seals ? ('m:' || l.token_hash) and (not p_only_missing or l.member_sealed is null)
      and (select p.members_see_links from partnership_private.projects p where p.id = p_project);
end
$$;

-- From 20261126000000_init.sql: owner only; 'member' may be named, and a project made
-- before members gets its member link this way.
create or replace function public.ps_rotate_link(p_token text, p_project text, p_role text, p_new_token text)
returns bigint language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_revision bigint;
begin
    perform partnership_private.choice(pg_catalog.to_jsonb(p_role), array['owner', 'member', 'partner', 'viewer'], 'role');
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.owner_only(v_link.role);
    update partnership_private.links set revoked_at = pg_catalog.clock_timestamp()
    where project_id = v_link.project_id and role = p_role and revoked_at is null;
    perform partnership_private.new_link(v_link.project_id, p_role, p_new_token);
    update partnership_private.projects set revision = revision + 1 where id = v_link.project_id
    returning revision into v_revision;
    return v_revision;
end
$$;

create or replace function public.ps_delete_project(p_token text, p_project text)
returns boolean language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.owner_only(v_link.role);
    delete from partnership_private.projects where id = v_link.project_id;
    return true;
end
$$;

create or replace function public.ps_seal_links(p_token text, p_project text, p_seals jsonb)
returns boolean language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.owner_only(v_link.role);
    perform partnership_private.apply_seals(v_link.project_id, p_seals, true);
    return true;
end
$$;

-- The owner: every live link with its owner seal. A member: the partner's and the viewer's
-- link with their member seal, only while the owner shows links to members.
create or replace function public.ps_links(p_token text, p_project text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    if v_link.role = 'member' and (select p.members_see_links from partnership_private.projects p
                                   where p.id = v_link.project_id) then
        return coalesce((
            select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                'role', l.role, 'token_hash', l.token_hash, 'sealed', l.member_sealed, 'opened', l.opened_at is not null))
            from partnership_private.links l
            where l.project_id = v_link.project_id and l.revoked_at is null and l.role in ('partner', 'viewer')),
            '[]'::jsonb);
    end if;
    perform partnership_private.owner_only(v_link.role);
    return coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
            'role', l.role, 'token_hash', l.token_hash, 'sealed', l.sealed, 'opened', l.opened_at is not null))
        from partnership_private.links l
        where l.project_id = v_link.project_id and l.revoked_at is null), '[]'::jsonb);
end
$$;

-- From 20261126000000_init.sql: the export (everything the association sees) is the
-- owner's, as in DESIGN.md's table; partner and viewer export what they see.
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
        'history', partnership_private.history(v_link.project_id, v_link.role, 1000000));
end
$$;

-- The owner shows (p_show) or hides the partner's and the viewer's link to members.
-- Compare-and-set on the setting's value (p_expected); showing takes the member seals
-- ("m:<hash>"), hiding drops them. Returns the project's new revision.
create function public.ps_show_links_to_members(p_token text, p_project text, p_show boolean, p_expected boolean,
                                                p_seals jsonb, p_actor text)
returns bigint language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur boolean;
    v_revision bigint;
begin
    p_actor := partnership_private.actor(p_actor);
    perform partnership_private.flag(pg_catalog.to_jsonb(p_show), 'members_see_links');
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.owner_only(v_link.role);
    select p.members_see_links into v_cur from partnership_private.projects p where p.id = v_link.project_id;
    if v_cur is distinct from p_expected then
        perform partnership_private.conflict(pg_catalog.to_jsonb(v_cur), 0, '', null);
    end if;
    update partnership_private.projects set members_see_links = p_show where id = v_link.project_id;
    if p_show then
        perform partnership_private.apply_seals(v_link.project_id, coalesce(p_seals, '{}'::jsonb), false);
    else
        update partnership_private.links set member_sealed = null where project_id = v_link.project_id;
    end if;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'links', 'members_see_links',
                                    pg_catalog.jsonb_build_object('members_see_links', v_cur)::text,
                                    pg_catalog.jsonb_build_object('members_see_links', p_show)::text, 0, false,
                                    pg_catalog.clock_timestamp());
    select p.revision into v_revision from partnership_private.projects p where p.id = v_link.project_id;
    return v_revision;
end
$$;

-- New projects and imports get a member link too (the six-token forms stay for older
-- adapters; their projects get a member link from the owner later).
create function public.ps_create_project(p_title text, p_our_org text, p_creator text, p_owner_token text,
                                         p_partner_token text, p_viewer_token text, p_member_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_answer jsonb;
begin
    v_answer := public.ps_create_project(p_title, p_our_org, p_creator, p_owner_token, p_partner_token, p_viewer_token);
    perform partnership_private.new_link(v_answer ->> 'project_id', 'member', p_member_token);
    return v_answer;
end
$$;

create function public.ps_import_project(p_data jsonb, p_creator text, p_owner_token text, p_partner_token text,
                                         p_viewer_token text, p_member_token text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_answer jsonb;
begin
    v_answer := public.ps_import_project(p_data, p_creator, p_owner_token, p_partner_token, p_viewer_token);
    perform partnership_private.new_link(v_answer ->> 'project_id', 'member', p_member_token);
    return v_answer;
end
$$;

revoke all on function partnership_private.is_association(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.owner_only(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.snapshot(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.history(text, text, integer) from public, anon, authenticated, service_role;
revoke all on function partnership_private.timer_left(partnership_private.projects, timestamptz)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.timer_json(partnership_private.projects, timestamptz)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_timer(text, text, text, integer, text) from public, anon, authenticated, service_role;
grant execute on function public.ps_timer(text, text, text, integer, text) to anon;
revoke all on function public.ps_show_links_to_members(text, text, boolean, boolean, jsonb, text)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_create_project(text, text, text, text, text, text, text)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_import_project(jsonb, text, text, text, text, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_show_links_to_members(text, text, boolean, boolean, jsonb, text) to anon;
grant execute on function public.ps_create_project(text, text, text, text, text, text, text) to anon;
grant execute on function public.ps_import_project(jsonb, text, text, text, text, text) to anon;
