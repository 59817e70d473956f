-- Private means private to the device (issue 26): a suggestion made during step 2's
-- reflection round belongs to the browser that made it, not to the name it was made under.
-- The member link is shared by the association's people, so a name proves nothing: someone
-- who typed a colleague's name saw that colleague's private suggestions. Each browser now
-- keeps a random secret of its own (256 bits, URL-safe, as the links; the app keeps it in
-- the cookie ps_device) and sends it with each suggestion and with ps_private_round; only
-- its SHA-256 is stored, and it is compared here. The typed name stays the author shown.
--
--   candidates.suggested_device  (new: the hash of the device's secret; null = no device)
--   device_hash    (new: the secret's hash, null for none; a malformed secret is refused)
--   ps_add_candidate  (REPLACED from 20261206000400_room.sql: + p_device, default null;
--                  a suggestion made while a round is open is marked with the device's
--                  hash; a name another device - or no device - holds privately is
--                  refused as 'duplicate_private' without saying whose)
--   ps_private_round  (REPLACED from 20261206000400_room.sql: p_author becomes p_device;
--                  "mine" is what this device suggested, "hidden" counts all the rest)
--
-- Suggestions made private before this migration have no device: they stay hidden until
-- their round ends, and nobody sees them as theirs meanwhile.
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_attribute
               where attrelid = 'partnership_private.candidates'::pg_catalog.regclass
                 and attname = 'suggested_device') then
        raise exception 'migration 20261206000800_private_device is already applied; nothing was changed';
    end if;
end
$guard$;

alter table partnership_private.candidates
    add column suggested_device text check (suggested_device ~ '^[0-9a-f]{64}$');

-- A device's secret as stored: its SHA-256 (hex), or null when none is given.
create function partnership_private.device_hash(p_device text)
returns text language plpgsql immutable set search_path = '' as $$
begin
    if p_device is null or p_device = '' then
        return null;
    end if;
    if p_device !~ '^[A-Za-z0-9_-]{43}$' then
        perform partnership_private.invalid('invalid', 'a device key must be 43 URL-safe characters',
                                            pg_catalog.jsonb_build_object('what', 'device'));
    end if;
    return partnership_private.token_hash(p_device);
end
$$;

drop function public.ps_add_candidate(text, text, text, text);

-- From 20261206000400_room.sql, + p_device: private to the device, not to the name.
create function public.ps_add_candidate(p_token text, p_project text, p_name text, p_actor text,
                                        p_device text default null)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.candidate_changes(pg_catalog.jsonb_build_object('name', p_name));
    v_link record;
    v_project partnership_private.projects%rowtype;
    v_now timestamptz := pg_catalog.clock_timestamp();
    v_device text;
    v_answer jsonb;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    v_device := partnership_private.device_hash(p_device);
    select * into v_project from partnership_private.projects p where p.id = v_link.project_id;
    if exists (select 1 from partnership_private.candidates c
               where c.project_id = v_link.project_id and c.name_norm = partnership_private.casefold(v_clean ->> 'name')
                 and not partnership_private.candidate_shared(c, v_project, v_now)
                 and (v_device is null or c.suggested_device is distinct from v_device)) then
        perform partnership_private.invalid('duplicate_private', 'someone suggested this privately',
                                            pg_catalog.jsonb_build_object('name', v_clean ->> 'name'));
    end if;
    v_answer := partnership_private.add_candidate_as_shared(p_token, p_project, p_name, p_actor);
    if partnership_private.round_is_open(v_project, v_now) then
        update partnership_private.candidates c
        set private_round = v_project.timer_round, suggested_by = p_actor, suggested_device = v_device
        where c.project_id = v_link.project_id and c.id = v_answer ->> 'id';
    end if;
    return v_answer;
end
$$;

drop function public.ps_private_round(text, text, text);

-- This device's own private suggestions of the open round and how many others wait
-- (everyone else's, and any made without a device); "open" says whether a round is open.
-- No device (the projector): nothing is its own, everything waiting is counted.
create function public.ps_private_round(p_token text, p_project text, p_device text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_project partnership_private.projects%rowtype;
    v_now timestamptz := pg_catalog.clock_timestamp();
    v_device text;
begin
    select * into v_link from partnership_private.link(p_token, p_project, false);
    perform partnership_private.allow(v_link.role, array['owner']);
    v_device := partnership_private.device_hash(p_device);
    select * into v_project from partnership_private.projects p where p.id = v_link.project_id;
    return (
        select pg_catalog.jsonb_build_object(
            'open', partnership_private.round_is_open(v_project, v_now),
            'mine', coalesce(pg_catalog.jsonb_agg(partnership_private.candidate_json(c) order by c.position, c.seq)
                             filter (where v_device is not null and c.suggested_device = v_device), '[]'::jsonb),
            'hidden', pg_catalog.count(*) filter (where v_device is null
                                                  or c.suggested_device is distinct from v_device))
        from partnership_private.candidates c
        where c.project_id = v_link.project_id and not partnership_private.candidate_shared(c, v_project, v_now));
end
$$;

revoke all on function partnership_private.device_hash(text) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_candidate(text, text, text, text, text)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_private_round(text, text, text) from public, anon, authenticated, service_role;
grant execute on function public.ps_add_candidate(text, text, text, text, text) to anon;
grant execute on function public.ps_private_round(text, text, text) to anon;
