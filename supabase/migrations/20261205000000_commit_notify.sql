-- Push across processes: every commit that moves a project's revision sends
-- NOTIFY ps_commit with {"p": project, "r": revision, "s": scope}, and a revoked link or a
-- deleted project sends {"p": project, "r": null} (the listener then checks its links).
-- The scope names a field write's effect the way store/base.field_scope does
-- ("text:<key>" when the field was and is filled - or empty - before and after,
-- "fill:<key>" otherwise); partnership_private.log leaves it for the trigger in a
-- transaction-local setting. Notifications are sent at commit, never for a rollback.
-- The PostgreSQL transport (partnership/store/postgres.py) listens; on Supabase nobody
-- listens and PostgreSQL drops them.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'partnership_private' and p.proname = 'notify_revision') then
        raise exception 'migration 20261205000000_commit_notify is already applied (partnership_private.notify_revision exists); nothing was changed';
    end if;
end
$guard$;

create or replace function partnership_private.log(p_project text, p_role text, p_actor text, p_entity text,
                                                   p_target text, p_old text, p_new text, p_version integer,
                                                   p_joint boolean, p_at timestamptz)
returns void language plpgsql set search_path = '' as $$
begin
    insert into partnership_private.history (project_id, entity, target, actor, role, at, old, new, version, joint)
    values (p_project, p_entity, p_target, p_actor, p_role, p_at, p_old, p_new, p_version, p_joint);
    if p_entity = 'field' then
        perform pg_catalog.set_config('partnership.scope',
            case when (p_old ~ '\S') = (p_new ~ '\S') then 'text:' else 'fill:' end || p_target, true);
    end if;
    update partnership_private.projects set revision = revision + 1 where id = p_project;
    perform pg_catalog.set_config('partnership.scope', '', true);
end
$$;

create function partnership_private.notify_revision()
returns trigger language plpgsql set search_path = '' as $$
begin
    perform pg_catalog.pg_notify('ps_commit', pg_catalog.json_build_object(
        'p', new.id, 'r', new.revision,
        's', nullif(pg_catalog.current_setting('partnership.scope', true), ''))::text);
    return null;
end
$$;

create function partnership_private.notify_gone()
returns trigger language plpgsql set search_path = '' as $$
begin
    perform pg_catalog.pg_notify('ps_commit', pg_catalog.json_build_object('p', old.project_id, 'r', null)::text);
    return null;
end
$$;

create function partnership_private.notify_deleted()
returns trigger language plpgsql set search_path = '' as $$
begin
    perform pg_catalog.pg_notify('ps_commit', pg_catalog.json_build_object('p', old.id, 'r', null)::text);
    return null;
end
$$;

create trigger projects_notify_revision after update of revision on partnership_private.projects
    for each row when (new.revision is distinct from old.revision)
    execute function partnership_private.notify_revision();
create trigger projects_notify_deleted after delete on partnership_private.projects
    for each row execute function partnership_private.notify_deleted();
create trigger links_notify_revoked after update of revoked_at on partnership_private.links
    for each row when (old.revoked_at is null and new.revoked_at is not null)
    execute function partnership_private.notify_gone();

revoke all on function partnership_private.notify_revision() from public, anon, authenticated, service_role;
revoke all on function partnership_private.notify_gone() from public, anon, authenticated, service_role;
revoke all on function partnership_private.notify_deleted() from public, anon, authenticated, service_role;
