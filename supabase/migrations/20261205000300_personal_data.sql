-- Personal data (issue 23), the association's duties under GDPR:
--
-- * Consent. A person's contact details (e-mail, phone) are stored only when whoever enters
--   them says the person agreed: a change that sets a new, non-empty contact must carry
--   "contact_consent": true (else PT422 consent_required, what person.contact). The
--   agreement is recorded in partnership_private.consents (who entered it, with which role,
--   when, and the contact agreed to). person_changes accepts the flag; it is never stored on
--   the person.
-- * Erasure. ps_erase_person (owner only, compare-and-set on the person's version) removes a
--   person's details everywhere: the person's name, title and contact, every history entry
--   about them (rewritten to the erased person), their consents, and their responsibility for
--   tasks. What remains is an empty person (so ids in old entries still resolve) and one
--   history entry saying who erased it and when. Free texts that mention the person are the
--   writers' own text and are not touched (the privacy page says so).
--
--   consents (table), contact_consent, record_consent (private)
--   person_changes, ps_add_person, ps_update_person   (REDEFINED from 20261126000000_init.sql)
--   ps_erase_person (new)
--
-- Applying this file a second time fails at the guard below and changes nothing.

do $guard$
begin
    if exists (select 1 from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'public' and p.proname = 'ps_erase_person') then
        raise exception 'migration 20261205000300_personal_data is already applied (public.ps_erase_person exists); nothing was changed';
    end if;
end
$guard$;

create table partnership_private.consents (
    id bigint generated always as identity primary key,
    project_id text not null,
    person_id text not null,
    contact text not null check (pg_catalog.length(contact) <= 200),
    actor text not null check (pg_catalog.length(actor) <= 200),
    role text not null,
    at timestamptz not null,
    foreign key (project_id, person_id) references partnership_private.people (project_id, id) on delete cascade
);
create index consents_person on partnership_private.consents (project_id, person_id);
alter table partnership_private.consents enable row level security;
revoke all on table partnership_private.consents from public, anon, authenticated, service_role;

create function partnership_private.contact_consent(p_clean jsonb, p_before text)
returns void language plpgsql stable set search_path = '' as $$
begin
    if p_clean ? 'contact' and p_clean ->> 'contact' <> '' and p_clean ->> 'contact' is distinct from p_before
       and not coalesce((p_clean ->> 'contact_consent')::boolean, false) then
        perform partnership_private.invalid('consent_required', 'contact details need the person''s consent',
                                            '{"what": "person.contact"}');
    end if;
end
$$;

create function partnership_private.record_consent(p partnership_private.people, p_role text, p_actor text,
                                                   p_before text)
returns void language plpgsql set search_path = '' as $$
begin
    if p.contact <> '' and p.contact is distinct from p_before then
        insert into partnership_private.consents (project_id, person_id, contact, actor, role, at)
        values (p.project_id, p.id, p.contact, p_actor, p_role, pg_catalog.clock_timestamp());
    end if;
end
$$;

create or replace function partnership_private.person_changes(p jsonb)
returns jsonb language plpgsql stable set search_path = '' as $$
declare
    v_out jsonb := '{}';
    v_key text;
begin
    perform partnership_private.only(p, array['name', 'side', 'title', 'contact', 'first_meeting', 'working_group', 'contact_consent'],
                                 'person');
    if p ? 'name' then
        v_out := v_out || pg_catalog.jsonb_build_object('name', partnership_private.jname(p -> 'name', 'person.name'));
    end if;
    if p ? 'side' then
        v_out := v_out || pg_catalog.jsonb_build_object('side', partnership_private.choice(
            p -> 'side', array['association', 'partner'], 'person.side'));
    end if;
    foreach v_key in array array['title', 'contact'] loop
        if p ? v_key then
            v_out := v_out || pg_catalog.jsonb_build_object(v_key, partnership_private.strip(
                partnership_private.jtext(p -> v_key, 'person.' || v_key, 200, false)));
        end if;
    end loop;
    foreach v_key in array array['first_meeting', 'working_group', 'contact_consent'] loop
        if p ? v_key then
            v_out := v_out || pg_catalog.jsonb_build_object(v_key, partnership_private.flag(p -> v_key, 'person.' || v_key));
        end if;
    end loop;
    return v_out;
end
$$;

create or replace function public.ps_add_person(p_token text, p_project text, p_fields jsonb, p_actor text)
returns jsonb language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.person_changes(p_fields);
    v_link record;
    v_new partnership_private.people%rowtype;
begin
    if not (v_clean ? 'name' and v_clean ? 'side') then
        perform partnership_private.invalid('required', 'name and side are required', '{"what": "person.name"}');
    end if;
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    perform partnership_private.person_rule(v_link.role, v_link.project_id, v_clean ->> 'side');
    perform partnership_private.contact_consent(v_clean, '');
    insert into partnership_private.people (project_id, id, name, side, title, contact, first_meeting, working_group,
                                            updated_by, updated_at)
    values (v_link.project_id, pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), v_clean ->> 'name',
            v_clean ->> 'side', coalesce(v_clean ->> 'title', ''), coalesce(v_clean ->> 'contact', ''),
            coalesce((v_clean ->> 'first_meeting')::boolean, false), coalesce((v_clean ->> 'working_group')::boolean, false),
            p_actor, pg_catalog.clock_timestamp())
    returning * into v_new;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'person', v_new.id, '',
                                    partnership_private.json_text(partnership_private.person_content(v_new)),
                                    1, true, v_new.updated_at);
    perform partnership_private.record_consent(v_new, v_link.role, p_actor, '');
    return partnership_private.person_json(v_new);
end
$$;

create or replace function public.ps_update_person(p_token text, p_project text, p_id text, p_changes jsonb,
                                        p_expected_version integer, p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_clean jsonb := partnership_private.person_changes(p_changes);
    v_link record;
    v_cur partnership_private.people%rowtype;
    v_version integer;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner', 'partner']);
    v_cur := partnership_private.get_person(v_link.project_id, p_id);
    perform partnership_private.person_rule(v_link.role, v_link.project_id, v_cur.side);
    perform partnership_private.person_rule(v_link.role, v_link.project_id, coalesce(v_clean ->> 'side', v_cur.side));
    perform partnership_private.contact_consent(v_clean, v_cur.contact);
    v_version := partnership_private.update_person_row(v_link.project_id, v_link.role, v_cur, v_clean,
                                                       p_expected_version, p_actor);
    perform partnership_private.record_consent(partnership_private.get_person(v_link.project_id, p_id), v_link.role,
                                               p_actor, v_cur.contact);
    return v_version;
end
$$;

create function public.ps_erase_person(p_token text, p_project text, p_id text, p_expected_version integer,
                                       p_actor text)
returns integer language plpgsql security definer set search_path = '' as $$
declare
    v_link record;
    v_cur partnership_private.people%rowtype;
    v_new partnership_private.people%rowtype;
    v_at timestamptz := pg_catalog.clock_timestamp();
    v_erased text;
begin
    p_actor := partnership_private.actor(p_actor);
    select * into v_link from partnership_private.link(p_token, p_project, true);
    perform partnership_private.allow(v_link.role, array['owner']);
    v_cur := partnership_private.get_person(v_link.project_id, p_id);
    if v_cur.version is distinct from p_expected_version then
        perform partnership_private.conflict(partnership_private.person_content(v_cur), v_cur.version,
                                             v_cur.updated_by, v_cur.updated_at);
    end if;
    update partnership_private.people p set name = '', title = '', contact = '', first_meeting = false,
        working_group = false, version = p.version + 1, updated_by = p_actor, updated_at = v_at
    where p.project_id = v_link.project_id and p.id = p_id
    returning * into v_new;
    v_erased := partnership_private.json_text(partnership_private.person_content(v_new));
    update partnership_private.history h set
        old = case when h.old = '' then '' else v_erased end,
        new = case when h.new = '' then '' else v_erased end
    where h.project_id = v_link.project_id and h.entity = 'person' and h.target = p_id;
    delete from partnership_private.consents c where c.project_id = v_link.project_id and c.person_id = p_id;
    update partnership_private.tasks t set responsible = '', version = t.version + 1, updated_by = p_actor,
        updated_at = v_at
    where t.project_id = v_link.project_id and t.responsible = p_id;
    perform partnership_private.log(v_link.project_id, v_link.role, p_actor, 'person', p_id, v_erased, v_erased,
                                    v_new.version, true, v_at);
    return v_new.version;
end
$$;

revoke all on function partnership_private.contact_consent(jsonb, text) from public, anon, authenticated, service_role;
revoke all on function partnership_private.record_consent(partnership_private.people, text, text, text)
    from public, anon, authenticated, service_role;
revoke all on function partnership_private.person_changes(jsonb) from public, anon, authenticated, service_role;
revoke all on function public.ps_add_person(text, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function public.ps_update_person(text, text, text, jsonb, integer, text)
    from public, anon, authenticated, service_role;
revoke all on function public.ps_erase_person(text, text, text, integer, text)
    from public, anon, authenticated, service_role;
grant execute on function public.ps_add_person(text, text, jsonb, text) to anon;
grant execute on function public.ps_update_person(text, text, text, jsonb, integer, text) to anon;
grant execute on function public.ps_erase_person(text, text, text, integer, text) to anon;
