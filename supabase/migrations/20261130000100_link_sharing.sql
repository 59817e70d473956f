-- Partnerskabsværktøjet: showing a link again never revokes it (issue 9).
--
-- The partner's and the viewer's token are also kept *sealed*: AES-GCM under a key the
-- adapter derives from the owner's token (partnership/store/seal.py). The database
-- never sees that key or a plain token, so a copy of it alone yields no working link;
-- lookups stay by SHA-256 hash. A link's first opening is recorded, so the owner's
-- overview can offer the partner link until the partner has arrived.
--
-- New functions only (no ps_* function of the first migration is redefined):
--   ps_links(token, project)                          owner: the live links' sealed values
--   ps_seal_links(token, project, seals)              owner: seal links that have no seal yet
--   ps_rotate_link_sealed(token, project, role, new_token, seals)
--                                                     owner: rotate and (re)seal in one transaction
--   ps_mark_opened(token, project)                    any role: record the first opening

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_attribute
               where attrelid = 'partnership_private.links'::pg_catalog.regclass and attname = 'sealed') then
        raise exception 'migration 20261130000100_link_sharing is already applied; nothing was changed';
    end if;
end
$guard$;

alter table partnership_private.links
    add column sealed text check (pg_catalog.length(sealed) <= 300 and sealed ~ '^v1\.[A-Za-z0-9_=-]+$'),
    add column opened_at timestamptz;

-- Set the seals named in p_seals ({"<token hash>": "<sealed>", ...}) on this project's
-- live partner and viewer links; with p_only_missing, only where none is set yet.
create function partnership_private.apply_seals(p_project text, p_seals jsonb, p_only_missing boolean)
returns void language plpgsql set search_path = '' as $$
begin
    if p_seals is null or pg_catalog.jsonb_typeof(p_seals) <> 'object' then
        perform partnership_private.invalid('invalid', 'seals must be an object', pg_catalog.jsonb_build_object('what', 'seals'));
    end if;
    update partnership_private.links l set sealed = p_seals ->> l.token_hash
    where l.project_id = p_project and l.revoked_at is null and l.role <> 'owner'
      and p_seals ? l.token_hash and (not p_only_missing or l.sealed is null);
end
$$;

create function public.ps_links(p_token text, p_project text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.allow(v_link.role, array['owner']);
    return coalesce((
        select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
            'role', l.role, 'token_hash', l.token_hash, 'sealed', l.sealed, 'opened', l.opened_at is not null))
        from partnership_private.links l
        where l.project_id = v_link.project_id and l.revoked_at is null), '[]'::jsonb);
end
$$;

create function public.ps_seal_links(p_token text, p_project text, p_seals jsonb)
returns boolean language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    perform partnership_private.apply_seals(v_link.project_id, p_seals, true);
    return true;
end
$$;

create function public.ps_rotate_link_sealed(p_token text, p_project text, p_role text, p_new_token text,
                                             p_seals jsonb)
returns bigint language plpgsql security definer set search_path = '' as $$
declare
    v_revision bigint;
begin
    v_revision := public.ps_rotate_link(p_token, p_project, p_role, p_new_token);
    perform partnership_private.apply_seals(p_project, p_seals, false);
    return v_revision;
end
$$;

create function public.ps_mark_opened(p_token text, p_project text)
returns boolean language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    if exists (select 1 from partnership_private.links l
               where l.token_hash = partnership_private.token_hash(p_token) and l.opened_at is not null) then
        return false;
    end if;
    update partnership_private.links set opened_at = pg_catalog.clock_timestamp()
    where token_hash = partnership_private.token_hash(p_token) and opened_at is null;
    if not found then
        return false;
    end if;
    update partnership_private.projects set revision = revision + 1 where id = v_link.project_id;
    return true;
end
$$;

revoke all on function partnership_private.apply_seals(text, jsonb, boolean) from public, anon, authenticated, service_role;
revoke all on function public.ps_links(text, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_seal_links(text, text, jsonb) from public, anon, authenticated, service_role;
revoke all on function public.ps_rotate_link_sealed(text, text, text, text, jsonb) from public, anon, authenticated, service_role;
revoke all on function public.ps_mark_opened(text, text) from public, anon, authenticated, service_role;
grant execute on function public.ps_links(text, text) to anon;
grant execute on function public.ps_seal_links(text, text, jsonb) to anon;
grant execute on function public.ps_rotate_link_sealed(text, text, text, text, jsonb) to anon;
grant execute on function public.ps_mark_opened(text, text) to anon;
