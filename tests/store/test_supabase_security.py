"""What the Supabase migration exposes, checked on a real PostgreSQL as role anon.

- anon (the publishable key's role) can neither read nor change any table of
  partnership_private, directly or otherwise, and the tables have RLS on;
- anon can execute exactly the public.ps_* functions and nothing else of ours; each is
  SECURITY DEFINER with an empty search_path;
- a link token works for its own project only, whatever ids are passed along;
- the role comes from the stored link, not from what the caller claims;
- tokens are stored only as SHA-256;
- applying the migration a second time fails and changes nothing.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import errors, sql

from partnership import agreement
from partnership.errors import Forbidden, InvalidLink
from partnership.model import Access, Role
from partnership.store.supabase import SupabaseStore
from tests.store.contract import ME, make
from tests.support.postgres import PG_BIN, PostgresCluster, apply_migrations, migration_files
from tests.support.rpc_server import RpcServer

pytestmark = pytest.mark.postgres

PRIVATE = "partnership_private"
API_ROLES = ("anon", "authenticated", "service_role")

# Every Store method has one function; every one but these three takes p_token and p_project.
API = {
    "ps_create_project", "ps_open", "ps_rotate_link", "ps_update_project", "ps_delete_project", "ps_snapshot",
    "ps_revision", "ps_history", "ps_set_field", "ps_add_candidate", "ps_update_candidate", "ps_record_refusal",
    "ps_add_person", "ps_update_person", "ps_add_task", "ps_update_task", "ps_restore", "ps_approve", "ps_reopen",
    "ps_add_health_check", "ps_heartbeat", "ps_export_project", "ps_import_project",
    "ps_links", "ps_seal_links", "ps_rotate_link_sealed", "ps_mark_opened",
    "ps_revisions", "ps_heartbeats", "ps_said_yes",
    "ps_mail_subscribe", "ps_mail_stop", "ps_mail_subscriptions", "ps_mail_unsubscribe", "ps_erase_person",
    "ps_mail_confirm",
    "ps_timer", "ps_show_links_to_members",
    "ps_meetings", "ps_add_meeting", "ps_update_meeting", "ps_meeting_notes", "ps_meeting_task",
    "ps_set_meeting_rhythm", "ps_cancel_meeting",
    "ps_add_funding", "ps_update_funding", "ps_set_term", "ps_add_evaluation", "ps_choose_outcome",
    "ps_agenda", "ps_private_round", "ps_start_from",
}
WITHOUT_PROJECT = {"ps_create_project", "ps_open", "ps_import_project", "ps_revisions", "ps_heartbeats",
                   "ps_mail_unsubscribe", "ps_mail_confirm"}
# Per-row SQL helpers left without a SET clause so that PostgreSQL inlines them (see the
# migration's header); they use schema-qualified names only and only the owner runs them.
INLINED = {"iso", "iso_date", "project_json", "project_content", "candidate_content", "candidate_json",
           "person_content", "person_json", "task_content", "task_json", "approval_json", "health_json"}


@pytest.fixture
def conn(cluster: PostgresCluster) -> Iterator[psycopg.Connection]:
    with cluster.connect() as c:
        yield c


def _tables(conn: psycopg.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "select tablename from pg_tables where schemaname = %s order by 1", (PRIVATE,)).fetchall()]


def _as_anon(conn: psycopg.Connection, statement: sql.SQL | sql.Composed) -> None:
    """Run ``statement`` as anon in a transaction that is always rolled back."""
    try:
        with conn.transaction(force_rollback=True):
            conn.execute("set local role anon")
            conn.execute(statement)
    finally:
        conn.rollback()


# -- tables ---------------------------------------------------------------------------------


def test_anon_can_neither_read_nor_change_any_private_table(conn: psycopg.Connection, local: SupabaseStore) -> None:
    make(local)  # there is something to find
    tables = _tables(conn)
    assert {"projects", "links", "fields", "candidates", "people", "tasks", "history", "presence"} <= set(tables)
    for table in tables:
        name = sql.Identifier(PRIVATE, table)
        for statement in (
            sql.SQL("select * from {} limit 1").format(name),
            sql.SQL("insert into {} default values").format(name),
            sql.SQL("delete from {} where false").format(name),
            sql.SQL("delete from {}").format(name),
            sql.SQL("truncate {}").format(name),
            sql.SQL("lock table {} in access share mode").format(name),
        ):
            with pytest.raises(errors.InsufficientPrivilege):
                _as_anon(conn, statement)
        column = conn.execute(
            "select attname from pg_attribute where attrelid = %s::regclass and attnum = 1",
            (f"{PRIVATE}.{table}",)).fetchone()
        assert column is not None
        with pytest.raises(errors.InsufficientPrivilege):
            _as_anon(conn, sql.SQL("update {} set {} = {}").format(name, sql.Identifier(column[0]),
                                                                     sql.Identifier(column[0])))


def test_no_api_role_has_any_privilege_on_the_private_schema(conn: psycopg.Connection) -> None:
    for role in (*API_ROLES, "public"):
        assert not conn.execute("select has_schema_privilege(%s, %s, 'USAGE')", (role, PRIVATE)).fetchone()[0]  # type: ignore[index]
        assert not conn.execute("select has_schema_privilege(%s, %s, 'CREATE')", (role, PRIVATE)).fetchone()[0]  # type: ignore[index]
    for table in _tables(conn):
        qualified = f"{PRIVATE}.{table}"
        for role in API_ROLES:
            for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"):
                granted = conn.execute("select has_table_privilege(%s, %s, %s)",
                                       (role, qualified, privilege)).fetchone()
                assert granted == (False,), (role, qualified, privilege)
        rls = conn.execute("select relrowsecurity from pg_class where oid = %s::regclass", (qualified,)).fetchone()
        assert rls == (True,), qualified
    acl = conn.execute(
        "select c.relname, c.relacl::text from pg_class c join pg_namespace n on n.oid = c.relnamespace"
        " where n.nspname = %s and c.relkind in ('r', 'S', 'v', 'm')", (PRIVATE,)).fetchall()
    for relname, relacl in acl:
        for role in API_ROLES:
            assert f"{role}=" not in (relacl or ""), (relname, relacl)


# -- functions --------------------------------------------------------------------------------


def _functions(conn: psycopg.Connection, schema: str) -> list[tuple[str, str, bool, list[str] | None, int]]:
    return conn.execute(
        "select p.proname, pg_get_function_identity_arguments(p.oid), p.prosecdef, p.proconfig, p.oid::int"
        " from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = %s order by 1",
        (schema,)).fetchall()


def test_anon_executes_exactly_the_api_functions(conn: psycopg.Connection) -> None:
    public = {name: (secdef, config, oid) for name, _, secdef, config, oid in _functions(conn, "public")}
    assert API <= set(public)
    for name, (secdef, config, oid) in public.items():
        runnable = conn.execute("select has_function_privilege('anon', %s::oid, 'EXECUTE')", (oid,)).fetchone()
        assert runnable == (name in API,), name
        if name in API:
            assert secdef, f"{name} must be SECURITY DEFINER"
            assert config is not None and 'search_path=""' in config, (name, config)
            for role in ("authenticated", "service_role", "public"):
                other = conn.execute("select has_function_privilege(%s, %s::oid, 'EXECUTE')", (role, oid)).fetchone()
                assert other == (False,), (name, role)
    private = _functions(conn, PRIVATE)
    assert private, "the helpers live in the private schema"
    for name, args, secdef, config, oid in private:
        assert not secdef, f"{PRIVATE}.{name} must not be SECURITY DEFINER"
        if name not in INLINED:
            assert config is not None and 'search_path=""' in config, (name, config)
        for role in (*API_ROLES, "public"):
            runnable = conn.execute("select has_function_privilege(%s, %s::oid, 'EXECUTE')", (role, oid)).fetchone()
            assert runnable == (False,), (role, name, args)


def test_private_helpers_cannot_be_called_as_anon(conn: psycopg.Connection, server: RpcServer) -> None:
    with pytest.raises(errors.InsufficientPrivilege):
        _as_anon(conn, sql.SQL("select partnership_private.constants()"))
    with pytest.raises(errors.InsufficientPrivilege):
        _as_anon(conn, sql.SQL("select partnership_private.log('x', 'owner', 'a', 'field', 's1_idea', '', '', 1, true,"
                               " now())"))
    answer = _rpc(server, "constants")
    assert (answer.status_code, answer.json()["code"]) == (404, "PGRST202")


def test_anon_functions_ignore_a_hostile_search_path(conn: psycopg.Connection, local: SupabaseStore) -> None:
    """A caller's search_path (with look-alike objects) changes nothing inside the functions."""
    owner, tokens = make(local)
    conn.execute("create schema if not exists evil")
    conn.execute("create or replace function evil.sha256(bytea) returns bytea language sql"
                 " as $$ select '\\x00'::bytea $$")
    conn.execute("grant usage on schema evil to anon; grant execute on all functions in schema evil to anon")
    conn.commit()
    try:
        with conn.transaction(force_rollback=True):
            conn.execute("set local role anon")
            conn.execute("set local search_path = evil, public, pg_catalog")
            row = conn.execute("select public.ps_open(%s)", (tokens["owner"],)).fetchone()
        assert row is not None and row[0]["project_id"] == owner.project_id
    finally:
        conn.rollback()
        conn.execute("drop schema evil cascade")
        conn.commit()


# -- one token, one project ------------------------------------------------------------------


_HTTP = httpx.Client()


def _rpc(server: RpcServer, fn: str, **params: Any) -> httpx.Response:
    """A raw Data API call, as anyone holding the publishable key could make it."""
    return _HTTP.post(f"{server.url}/rest/v1/rpc/{fn}", json=params, headers={"apikey": "test-anon-key"})


def test_a_token_works_for_its_own_project_only(local: SupabaseStore, server: RpcServer) -> None:
    a, _ = make(local)
    b, b_tokens = make(local)
    local.set_field(b, "s4_vision", "B's vision", 0, ME)
    cand = local.add_candidate(b, "B's candidate", ME)
    person = local.add_person(b, {"name": "B's person", "side": "association"}, ME)
    task = local.add_task(b, {"title": "B's task"}, ME)
    entry = local.history(b)[0]
    before = local.export_project(b)
    revision = local.revision(b)

    # A's token with B's project id: refused by every function that takes a project.
    args: dict[str, dict[str, Any]] = {
        "ps_rotate_link": {"p_role": "partner", "p_new_token": "N" * 43},
        "ps_update_project": {"p_changes": {"title": "hijacked"}, "p_expected_version": 1, "p_actor": "A"},
        "ps_delete_project": {}, "ps_snapshot": {}, "ps_revision": {}, "ps_history": {"p_limit": 10},
        "ps_set_field": {"p_key": "s4_vision", "p_value": "hijacked", "p_expected_version": 1, "p_actor": "A"},
        "ps_add_candidate": {"p_name": "hijacked", "p_actor": "A"},
        "ps_update_candidate": {"p_id": cand.id, "p_changes": {"note": "x"}, "p_expected_version": 1, "p_actor": "A"},
        "ps_record_refusal": {"p_id": cand.id, "p_expected_version": 1, "p_actor": "A"},
        "ps_said_yes": {"p_id": cand.id, "p_expected_version": 1, "p_actor": "A"},
        "ps_add_person": {"p_fields": {"name": "x", "side": "partner"}, "p_actor": "A"},
        "ps_update_person": {"p_id": person.id, "p_changes": {"name": "x"}, "p_expected_version": 1, "p_actor": "A"},
        "ps_add_task": {"p_fields": {"title": "x"}, "p_actor": "A"},
        "ps_update_task": {"p_id": task.id, "p_changes": {"title": "x"}, "p_expected_version": 1, "p_actor": "A"},
        "ps_restore": {"p_entry_id": entry.id, "p_expected_version": 1, "p_actor": "A"},
        "ps_approve": {"p_name": "A", "p_content_hash": agreement.content_hash("x"), "p_markdown": "x", "p_actor": "A"},
        "ps_reopen": {"p_actor": "A"},
        "ps_add_health_check": {"p_name": "A", "p_answers": {"communication": ["red", ""]}, "p_actor": "A"},
        "ps_heartbeat": {"p_session_id": "s", "p_name": "A", "p_editing": ""},
        "ps_export_project": {},
        "ps_links": {}, "ps_seal_links": {"p_seals": {}}, "ps_mark_opened": {},
        "ps_rotate_link_sealed": {"p_role": "partner", "p_new_token": "N" * 43, "p_seals": {}},
        "ps_mail_subscribe": {"p_person": person.id, "p_email": "a@example.org", "p_lang": "da", "p_digest": False,
                              "p_confirm_hash": "0" * 64, "p_actor": "A"},
        "ps_mail_stop": {"p_person": person.id, "p_actor": "A"},
        "ps_mail_subscriptions": {},
        "ps_erase_person": {"p_id": person.id, "p_expected_version": 1, "p_actor": "A"},
        "ps_timer": {"p_action": "start", "p_expected_version": 0, "p_actor": "A"},
        "ps_show_links_to_members": {"p_show": True, "p_expected": False, "p_seals": {}, "p_actor": "A"},
        "ps_meetings": {}, "ps_add_meeting": {"p_fields": {"day": "2027-01-05", "time": "17:00"}, "p_actor": "A"},
        "ps_update_meeting": {"p_id": "x", "p_changes": {}, "p_expected_version": 1, "p_actor": "A"},
        "ps_meeting_notes": {"p_id": "x", "p_text": "x", "p_expected_version": 0, "p_actor": "A"},
        "ps_meeting_task": {"p_id": "x", "p_fields": {"title": "x"}, "p_expected_version": 1, "p_actor": "A"},
        "ps_cancel_meeting": {"p_id": "x", "p_cancelled": True, "p_reason": "", "p_expected_version": 1,
                              "p_actor": "A"},
        "ps_set_meeting_rhythm": {"p_rhythm": {"every_weeks": 6, "weekday": 1, "time": "17:00"},
                                  "p_expected_version": 0, "p_actor": "A"},
        "ps_add_funding": {"p_fields": {"fund": "x"}, "p_actor": "A"},
        "ps_update_funding": {"p_id": "x", "p_changes": {"fund": "x"}, "p_expected_version": 1, "p_actor": "A"},
        "ps_set_term": {"p_period": {"end": "2030-01-01"}, "p_expected_version": 0, "p_actor": "A"},
        "ps_add_evaluation": {"p_name": "A", "p_answers": {}, "p_reached": "x", "p_actor": "A"},
        "ps_choose_outcome": {"p_choice": "close", "p_note": "", "p_expected_version": 0, "p_actor": "A"},
        "ps_agenda": {"p_point": 1, "p_expected_version": 0, "p_actor": "A"},
        "ps_private_round": {"p_device": ""},
        "ps_start_from": {"p_title": "x", "p_our_org": "x", "p_creator": "A", "p_owner_token": "O" * 43,
                          "p_partner_token": "P" * 43, "p_viewer_token": "V" * 43, "p_member_token": "M" * 43},
    }
    assert set(args) == API - WITHOUT_PROJECT
    for fn, params in args.items():
        answer = _rpc(server, fn, p_token=a.token, p_project=b.project_id, **params)
        assert (answer.status_code, answer.json()["code"]) == (404, "PT404"), fn
    # A's token with A's project and B's record ids: nothing of B's is found.
    for fn in ("ps_update_candidate", "ps_record_refusal", "ps_said_yes", "ps_update_person", "ps_update_task",
               "ps_restore"):
        answer = _rpc(server, fn, p_token=a.token, p_project=a.project_id, **args[fn])
        assert (answer.status_code, answer.json()["code"], answer.json()["details"]) != (200, None, None), fn
        assert answer.json()["code"] == "PT422" and '"not_found"' in answer.json()["details"], fn
    # B is untouched.
    assert local.revision(b) == revision
    assert local.export_project(b) == before
    assert local.open(b_tokens["partner"]).project_id == b.project_id


def test_the_role_comes_from_the_link_not_from_the_caller(local: SupabaseStore) -> None:
    owner, tokens = make(local)
    claimed = Access(owner.project_id, Role.OWNER, tokens["partner"])  # a partner link claiming to be the owner
    with pytest.raises(Forbidden):
        local.rotate_link(claimed, Role.VIEWER)
    with pytest.raises(Forbidden):
        local.set_field(claimed, "s1_idea", "x", 0, "Bo")
    assert local.snapshot(claimed).role is Role.PARTNER
    assert local.snapshot(claimed).candidates == []


def test_malformed_and_revoked_tokens_are_refused_by_the_database(local: SupabaseStore, server: RpcServer) -> None:
    owner, tokens = make(local)
    for token in ("", "x", "ø" * 43, "' or 1=1 --" + "a" * 32, None):
        answer = _rpc(server, "ps_snapshot", p_token=token, p_project=owner.project_id)
        assert (answer.status_code, answer.json()["code"]) == (404, "PT404"), token
    local.rotate_link(owner, Role.VIEWER)
    with pytest.raises(InvalidLink):
        local.snapshot(Access(owner.project_id, Role.VIEWER, tokens["viewer"]))


# -- tokens ---------------------------------------------------------------------------------


def test_tokens_are_stored_only_as_sha256(conn: psycopg.Connection, local: SupabaseStore) -> None:
    owner, tokens = make(local)
    new = local.rotate_link(owner, Role.PARTNER)
    dump = []
    for table in _tables(conn):
        dump += [r[0] for r in conn.execute(
            sql.SQL("select row_to_json(t)::text from {} t").format(sql.Identifier(PRIVATE, table))).fetchall()]
    text = "\n".join(dump)
    for token in (*tokens.values(), new):
        assert token not in text
        assert hashlib.sha256(token.encode()).hexdigest() in text
    hashes = conn.execute("select token_hash, role, revoked_at is null from partnership_private.links"
                          " where project_id = %s order by created_at", (owner.project_id,)).fetchall()
    assert [(h, r, live) for h, r, live in hashes] == [
        (hashlib.sha256(tokens["owner"].encode()).hexdigest(), "owner", True),
        (hashlib.sha256(tokens["partner"].encode()).hexdigest(), "partner", False),
        (hashlib.sha256(tokens["viewer"].encode()).hexdigest(), "viewer", True),
        (hashlib.sha256(tokens["member"].encode()).hexdigest(), "member", True),
        (hashlib.sha256(new.encode()).hexdigest(), "partner", True),
    ]


# -- the migration ------------------------------------------------------------------------------

FINGERPRINT = [
    """select n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), md5(p.prosrc), p.prosecdef,
              p.proconfig::text, p.proacl::text
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'partnership_private') order by 1, 2, 3""",
    """select n.nspname, c.relname, c.relkind, c.relrowsecurity, c.relacl::text
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('public', 'partnership_private') order by 1, 2""",
    """select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
       where connamespace = 'partnership_private'::regnamespace order by 1, 2""",
    "select nspname, nspacl::text from pg_namespace where nspname in ('public', 'partnership_private') order by 1",
    "select count(*), md5(string_agg(ch || folded, '' order by ch)) from partnership_private.casefold_map",
    "select count(*), md5(string_agg(key || step || internal, '' order by key)) from partnership_private.field_catalog",
    "select count(*), md5(string_agg(id || revision || title, '' order by id)) from partnership_private.projects",
    "select count(*) from partnership_private.history",
    "select defaclrole::regrole::text, defaclobjtype, defaclacl::text from pg_default_acl order by 1, 2",
]


def _fingerprint(conn: psycopg.Connection) -> list[Any]:
    conn.rollback()
    return [conn.execute(query).fetchall() for query in FINGERPRINT]


@pytest.fixture(scope="module")
def migrated_twice_db(cluster: PostgresCluster) -> str:
    """A database of its own, migrated once, with one project in it."""
    name = "migrated_twice"
    cluster.create_database(name)
    with RpcServer(cluster.conninfo(name)) as server:
        s = SupabaseStore(server.url, "k")
        owner, _ = make(s)
        s.set_field(owner, "s4_vision", "kept", 0, ME)
        s.close()
    return name


def test_applying_the_migration_again_fails_and_changes_nothing(cluster: PostgresCluster,
                                                                migrated_twice_db: str) -> None:
    with cluster.connect(migrated_twice_db) as conn:
        before = _fingerprint(conn)
        with pytest.raises(psycopg.errors.RaiseException, match="already applied"):
            apply_migrations(conn)
        conn.rollback()
        assert _fingerprint(conn) == before


def test_running_the_file_statement_by_statement_again_changes_nothing(cluster: PostgresCluster,
                                                                       migrated_twice_db: str) -> None:
    """As psql -f without ON_ERROR_STOP would, with the newest file: every statement fails
    or changes nothing. Every file stops at its guard; an OLDER file run again by hand would
    put back the bodies of the functions later files redefined (create or replace), which is
    why the migrations are applied by a runner that records them (`supabase db push`, the
    embedded engine's partnership_meta.migrations) and docs/supabase.md says so."""
    psql = PG_BIN / "psql"
    if not psql.is_file():
        pytest.skip("psql not installed")
    with cluster.connect(migrated_twice_db) as conn:
        before = _fingerprint(conn)
    for path in migration_files():
        result = subprocess.run(
            [str(psql), "-X", "-q", "-h", str(cluster.socket_dir), "-p", str(cluster.port), "-U", "postgres",
             "-d", migrated_twice_db, "-f", str(path), "-v", "ON_ERROR_STOP=1"],
            capture_output=True, text=True, check=False)
        assert "already applied" in result.stderr, path.name  # with ON_ERROR_STOP: stopped at the guard
    newest = migration_files()[-1]
    result = subprocess.run(
        [str(psql), "-X", "-q", "-h", str(cluster.socket_dir), "-p", str(cluster.port), "-U", "postgres",
         "-d", migrated_twice_db, "-f", str(newest)],
        capture_output=True, text=True, check=False)
    assert "already applied" in result.stderr
    with cluster.connect(migrated_twice_db) as conn:
        assert _fingerprint(conn) == before
