-- What this link may do now (issue 22, "one home for each rule"): the snapshot carries
-- "may", computed from the same predicates the write functions refuse with, so the pages
-- draw their controls from it instead of deciding again.
--
--   role_may       (new: allow()'s role test as a boolean; a member passes where the owner does)
--   allow          (REDEFINED from 20261205002000_members.sql: calls role_may)
--   lock_state     (new: 'closed', 'signed' or null - the project's lock, never raising)
--   refuse         (new: raises the refusal a *_refusal predicate names, if any)
--   field_refusal, task_refusal, person_refusal, approve_refusal, reopen_refusal,
--   term_refusal, outcome_refusal  (new: why a role may not, or null; the one home of each rule)
--   task_rule, person_rule  (REDEFINED from 20261205002000_members.sql and
--                  20261126000000_init.sql: refuse(task_refusal / person_refusal))
--   ps_set_field   (REDEFINED from 20261130000600_generated_rules.sql: refuse(field_refusal))
--   ps_approve, ps_reopen  (REDEFINED from 20261206000400_room.sql: refuse(approve_refusal /
--                  reopen_refusal) before approve_any_side / reopen_any_side)
--   ps_set_term, ps_choose_outcome  (WRAPPED: the earlier ones moved to partnership_private as
--                  set_term_checked, choose_outcome_checked; refuse(term_refusal / outcome_refusal) first)
--   task_field_may, task_fields_may, may_json  (new: the "may" object, see below)
--   snapshot       (WRAPPED: the one before renamed snapshot_before_may; + "may")
--
-- "may": {"fields": [keys this link may write], "tasks": {"kinds": [kinds a new task may
-- have; none: no adding], "internal": a new task may be internal, "edit": {task id: [fields
-- it may change]}}, "people": [sides it may add and change people on], and booleans
-- "approve", "reopen", "term", "outcome", "candidates", "project", "erase_person", "links",
-- "delete", "funding", "meetings", "evaluate", "health", "timer", "agenda"}.
-- The role-only capabilities name the same roles as their write functions' allow() and
-- owner_only(); tests/store/contract_may.py tries every write as every role in every state.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if pg_catalog.to_regprocedure('partnership_private.snapshot_before_may(text, text)') is not null then
        raise exception 'migration 20261206000900_may is already applied; nothing was changed';
    end if;
end
$guard$;

-- -- the predicates -------------------------------------------------------------------------

create function partnership_private.role_may(p_role text, p_allowed text[])
returns boolean language sql immutable set search_path = '' as $$
    select coalesce(p_role = any (p_allowed) or (p_role = 'member' and 'owner' = any (p_allowed)), false)
$$;

-- From 20261205002000_members.sql, the test moved to role_may.
create or replace function partnership_private.allow(p_role text, p_allowed text[])
returns void language plpgsql stable set search_path = '' as $$
begin
    if not partnership_private.role_may(p_role, p_allowed) then
        perform partnership_private.forbidden('forbidden', coalesce(p_role, 'nobody') || ' may not do this');
    end if;
end
$$;

-- The lock every state-dependent rule reads: a closed project is read-only, a signed
-- agreement's text is fixed.
create function partnership_private.lock_state(p_project text)
returns text language sql stable set search_path = '' as $$
    select case when p.closed_at is not null then 'closed' when p.signed_at is not null then 'signed' end
    from partnership_private.projects p where p.id = p_project
$$;

create function partnership_private.refuse(p_code text)
returns void language plpgsql set search_path = '' as $$
begin
    if p_code is null then
        return;
    elsif p_code = 'not_signed' then
        perform partnership_private.invalid('not_signed', 'the agreement is not signed', '{"what": "agreement"}');
    end if;
    perform partnership_private.forbidden(p_code, case p_code
        when 'closed' then 'the partnership is closed: nothing can be changed'
        when 'signed' then 'the agreement is signed'
        when 'owner_signs' then 'the owner''s link signs for the association'
        else 'this link may not do this' end);
end
$$;

-- A field: internal ones are the association's, joint ones the owner's, members' and the
-- partner's; a joint field is part of the agreement text, fixed while it is signed.
create function partnership_private.field_refusal(p_role text, p_lock text, p_internal boolean)
returns text language sql immutable set search_path = '' as $$
    select case when not partnership_private.role_may(p_role, case when p_internal then array['owner']
                                                                   else array['owner', 'partner'] end) then 'forbidden'
                when p_lock = 'closed' then 'closed'
                when p_lock = 'signed' and not p_internal then 'signed' end
$$;

-- A task as it is (or as a change would make it): internal tasks are the association's;
-- a signed agreement's tasks (activity, milestone, follow-up) change only in
-- tracking_task_fields().
create function partnership_private.task_refusal(p_role text, p_lock text, p_internal boolean, p_kind text,
                                                 p_changing text[])
returns text language sql stable set search_path = '' as $$
    select case when not partnership_private.role_may(p_role, array['owner', 'partner']) then 'forbidden'
                when p_internal and not partnership_private.is_association(p_role) then 'forbidden'
                when p_lock = 'closed' then 'closed'
                when p_lock = 'signed' and p_kind = any (partnership_private.agreement_task_kinds())
                     and not (p_changing <@ partnership_private.tracking_task_fields()) then 'signed' end
$$;

-- A person on p_side: the partner edits only its own side's people; nobody while signed.
create function partnership_private.person_refusal(p_role text, p_lock text, p_side text)
returns text language sql immutable set search_path = '' as $$
    select case when not partnership_private.role_may(p_role, array['owner', 'partner']) then 'forbidden'
                when p_role = 'partner' and p_side is distinct from 'partner' then 'forbidden'
                when p_lock is not null then p_lock end
$$;

-- Approving: the owner's link signs for the association, the partner's for the partner.
create function partnership_private.approve_refusal(p_role text, p_lock text)
returns text language sql immutable set search_path = '' as $$
    select case when p_role = 'member' then 'owner_signs'
                when not partnership_private.role_may(p_role, array['owner', 'partner']) then 'forbidden'
                when p_lock is not null then p_lock end
$$;

create function partnership_private.reopen_refusal(p_role text, p_lock text)
returns text language sql immutable set search_path = '' as $$
    select case when p_role = 'member' then 'owner_signs'
                when not partnership_private.role_may(p_role, array['owner', 'partner']) then 'forbidden'
                when p_lock = 'closed' then 'closed'
                when p_lock is null then 'not_signed' end
$$;

-- The agreement's period is part of its text: while it is not signed.
create function partnership_private.term_refusal(p_role text, p_lock text)
returns text language sql immutable set search_path = '' as $$
    select case when not partnership_private.role_may(p_role, array['owner', 'partner']) then 'forbidden'
                when p_lock is not null then p_lock end
$$;

-- The outcome of the term is chosen once the agreement is signed, until the project closes.
create function partnership_private.outcome_refusal(p_role text, p_lock text)
returns text language sql immutable set search_path = '' as $$
    select case when not partnership_private.role_may(p_role, array['owner', 'partner']) then 'forbidden'
                when p_lock = 'closed' then 'closed'
                when p_lock is null then 'not_signed' end
$$;

-- -- the write functions call them ------------------------------------------------------------

-- From 20261205002000_members.sql.
create or replace function partnership_private.task_rule(p_role text, p_project text, p_internal boolean, p_kind text,
                                                         p_changing text[])
returns void language plpgsql stable set search_path = '' as $$
begin
    perform partnership_private.refuse(partnership_private.task_refusal(
        p_role, partnership_private.lock_state(p_project), p_internal, p_kind, p_changing));
end
$$;

-- From 20261126000000_init.sql.
create or replace function partnership_private.person_rule(p_role text, p_project text, p_side text)
returns void language plpgsql stable set search_path = '' as $$
begin
    perform partnership_private.refuse(partnership_private.person_refusal(
        p_role, partnership_private.lock_state(p_project), p_side));
end
$$;

-- From 20261130000600_generated_rules.sql, the role and lock checks replaced by field_refusal.
create or replace function public.ps_set_field(p_token text, p_project text, p_key text, p_value text,
                                               p_expected_version integer, p_actor text)
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
    perform partnership_private.refuse(partnership_private.field_refusal(
        v_link.role, partnership_private.lock_state(v_link.project_id), v_internal));
    return partnership_private.write_field(v_link.project_id, v_link.role, p_key, p_value, p_expected_version, p_actor);
end
$$;

-- From 20261206000400_room.sql: approve_refusal / reopen_refusal first (they say what
-- not_a_member said, and more).
create or replace function public.ps_approve(p_token text, p_project text, p_name text, p_content_hash text,
                                             p_markdown text, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.refuse(partnership_private.approve_refusal(
        v_link.role, partnership_private.lock_state(v_link.project_id)));
    return partnership_private.approve_any_side(p_token, p_project, p_name, p_content_hash, p_markdown, p_actor);
end
$$;

create or replace function public.ps_reopen(p_token text, p_project text, p_actor text)
returns bigint language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.refuse(partnership_private.reopen_refusal(
        v_link.role, partnership_private.lock_state(v_link.project_id)));
    return partnership_private.reopen_any_side(p_token, p_project, p_actor);
end
$$;

-- ps_set_term and ps_choose_outcome (20261206000200_funding_term.sql) WRAPPED.
do $move$
begin
    if pg_catalog.to_regprocedure('partnership_private.set_term_checked(text, text, jsonb, integer, text)') is null then
        alter function public.ps_set_term(text, text, jsonb, integer, text) set schema partnership_private;
        alter function partnership_private.ps_set_term(text, text, jsonb, integer, text) rename to set_term_checked;
        alter function partnership_private.set_term_checked(text, text, jsonb, integer, text) security invoker;
        alter function public.ps_choose_outcome(text, text, text, text, integer, text) set schema partnership_private;
        alter function partnership_private.ps_choose_outcome(text, text, text, text, integer, text)
            rename to choose_outcome_checked;
        alter function partnership_private.choose_outcome_checked(text, text, text, text, integer, text) security invoker;
    end if;
end
$move$;

create function public.ps_set_term(p_token text, p_project text, p_period jsonb, p_expected_version integer,
                                   p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.refuse(partnership_private.term_refusal(
        v_link.role, partnership_private.lock_state(v_link.project_id)));
    return partnership_private.set_term_checked(p_token, p_project, p_period, p_expected_version, p_actor);
end
$$;

create function public.ps_choose_outcome(p_token text, p_project text, p_choice text, p_note text,
                                         p_expected_version integer, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.refuse(partnership_private.outcome_refusal(
        v_link.role, partnership_private.lock_state(v_link.project_id)));
    return partnership_private.choose_outcome_checked(p_token, p_project, p_choice, p_note, p_expected_version,
                                                      p_actor);
end
$$;

-- -- what the snapshot says ----------------------------------------------------------------------

-- Whether p_role may change p_field of a task as it is: the change itself, and for the
-- fields the rule reads (internal, kind) every value they may take.
create function partnership_private.task_field_may(p_role text, p_lock text, p_internal boolean, p_kind text,
                                                   p_field text)
returns boolean language sql stable set search_path = '' as $$
    select partnership_private.task_refusal(p_role, p_lock, p_internal, p_kind, array[p_field]) is null
       and (p_field <> 'internal'
            or partnership_private.task_refusal(p_role, p_lock, true, p_kind, array[p_field]) is null)
       and (p_field <> 'kind'
            or not exists (select 1 from pg_catalog.unnest(partnership_private.task_kinds()) k
                           where partnership_private.task_refusal(p_role, p_lock, p_internal, k,
                                                                  array[p_field]) is not null))
$$;

-- The fields p_role may change on tasks that are p_internal and of p_kind.
create function partnership_private.task_fields_may(p_role text, p_lock text, p_internal boolean, p_kind text,
                                                    p_fields text[])
returns jsonb language sql stable set search_path = '' as $$
    select coalesce(pg_catalog.jsonb_agg(f order by f), '[]'::jsonb)
    from pg_catalog.unnest(p_fields) f
    where partnership_private.task_field_may(p_role, p_lock, p_internal, p_kind, f)
$$;

-- p_tasks: the tasks this role sees (the snapshot's "tasks"). The rule reads only a task's
-- "internal" and "kind", so it runs once per pair, not once per task.
create function partnership_private.may_json(p_project text, p_role text, p_tasks jsonb)
returns jsonb language sql stable set search_path = '' as $$
    with s as (select partnership_private.lock_state(p_project) as lock,
                      array(select pg_catalog.jsonb_array_elements_text(
                          partnership_private.constants() -> 'task_fields')) as task_fields),
    t as materialized (select e ->> 'id' as id, (e ->> 'internal')::boolean as internal, e ->> 'kind' as kind
          from pg_catalog.jsonb_array_elements(p_tasks) e),
    pairs as materialized (select d.internal, d.kind, partnership_private.task_fields_may(p_role, s.lock, d.internal, d.kind,
                                                                                  s.task_fields) as fields
              from (select distinct t.internal, t.kind from t) d, s)
    select pg_catalog.jsonb_build_object(
        'fields', coalesce((select pg_catalog.jsonb_agg(c.key order by c.key) from partnership_private.field_catalog c
                            where partnership_private.field_refusal(p_role, s.lock, c.internal) is null), '[]'::jsonb),
        'tasks', pg_catalog.jsonb_build_object(
            'kinds', coalesce((select pg_catalog.jsonb_agg(k order by n)
                               from pg_catalog.unnest(partnership_private.task_kinds()) with ordinality as x (k, n)
                               where partnership_private.task_refusal(p_role, s.lock, false, k, array['title']) is null),
                              '[]'::jsonb),
            'internal', partnership_private.task_refusal(p_role, s.lock, true, 'task', array['title']) is null,
            'edit', coalesce((select pg_catalog.jsonb_object_agg(t.id, pairs.fields)
                              from t join pairs on pairs.internal = t.internal and pairs.kind = t.kind), '{}'::jsonb)),
        'people', coalesce((select pg_catalog.jsonb_agg(d order by d)
                            from pg_catalog.unnest(array['association', 'partner']) d
                            where partnership_private.person_refusal(p_role, s.lock, d) is null), '[]'::jsonb),
        'approve', partnership_private.approve_refusal(p_role, s.lock) is null,
        'reopen', partnership_private.reopen_refusal(p_role, s.lock) is null,
        'term', partnership_private.term_refusal(p_role, s.lock) is null,
        'outcome', partnership_private.outcome_refusal(p_role, s.lock) is null,
        -- role-only rules (the write functions' allow / owner_only); nothing but link
        -- settings and deleting while closed (log() refuses every other write then)
        'candidates', partnership_private.role_may(p_role, array['owner']) and s.lock is distinct from 'closed',
        'project', partnership_private.role_may(p_role, array['owner']) and s.lock is distinct from 'closed',
        'erase_person', partnership_private.role_may(p_role, array['owner']) and s.lock is distinct from 'closed',
        'timer', partnership_private.role_may(p_role, array['owner']) and s.lock is distinct from 'closed',
        'agenda', partnership_private.role_may(p_role, array['owner']) and s.lock is distinct from 'closed',
        'funding', partnership_private.role_may(p_role, array['owner', 'partner']) and s.lock is distinct from 'closed',
        'meetings', partnership_private.role_may(p_role, array['owner', 'partner']) and s.lock is distinct from 'closed',
        'evaluate', partnership_private.role_may(p_role, array['owner', 'partner']) and s.lock is distinct from 'closed',
        'health', partnership_private.role_may(p_role, array['owner', 'partner']) and s.lock is distinct from 'closed',
        'links', p_role = 'owner',
        'delete', p_role = 'owner')
    from s
$$;

alter function partnership_private.snapshot(text, text) rename to snapshot_before_may;

create function partnership_private.snapshot(p_project text, p_role text)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_snapshot jsonb := partnership_private.snapshot_before_may(p_project, p_role);
begin
    return v_snapshot || pg_catalog.jsonb_build_object(
        'may', partnership_private.may_json(p_project, p_role, v_snapshot -> 'tasks'));
end
$$;

-- -- privileges -------------------------------------------------------------------------------

revoke all on function partnership_private.role_may(text, text[]) from public, anon, authenticated, service_role;
revoke all on function partnership_private.allow(text, text[]) from public, anon, authenticated, service_role;
revoke all on function partnership_private.lock_state(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.refuse(text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.field_refusal(text, text, boolean) from public, anon, authenticated, service_role;
revoke all on function partnership_private.task_refusal(text, text, boolean, text, text[])
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.person_refusal(text, text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.approve_refusal(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.reopen_refusal(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.term_refusal(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.outcome_refusal(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.task_rule(text, text, boolean, text, text[])
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.person_rule(text, text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.task_field_may(text, text, boolean, text, text)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.task_fields_may(text, text, boolean, text, text[])
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.may_json(text, text, jsonb) from public, anon, authenticated, service_role;
revoke all on function partnership_private.snapshot(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.snapshot_before_may(text, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.set_term_checked(text, text, jsonb, integer, text)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.choose_outcome_checked(text, text, text, text, integer, text)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_set_field(text, text, text, text, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_approve(text, text, text, text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_reopen(text, text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_set_term(text, text, jsonb, integer, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_choose_outcome(text, text, text, text, integer, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_set_field(text, text, text, text, integer, text) to anon;
grant execute on function public.ps_approve(text, text, text, text, text, text) to anon;
grant execute on function public.ps_reopen(text, text, text) to anon;
grant execute on function public.ps_set_term(text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_choose_outcome(text, text, text, text, integer, text) to anon;
