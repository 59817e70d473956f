"""The RPC test server and its PostgreSQL are set up like Supabase where it matters for
security: the key is checked, the functions' owner is not a superuser, commits are
synchronous (tests.support.rpc_server says what it still does not do)."""

from __future__ import annotations

import httpx
import pytest

from partnership.errors import StorageError
from partnership.store.supabase import SupabaseStore
from tests.support.postgres import MIGRATOR, postgres_for
from tests.support.rpc_server import TEST_ANON_KEY, RpcServer


def test_every_api_function_is_owned_by_postgres_which_is_no_superuser(request: pytest.FixtureRequest) -> None:
    with postgres_for(request.config).connect() as conn:
        owners = conn.execute(
            "select distinct r.rolname, r.rolsuper from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
            " join pg_roles r on r.oid = p.proowner where n.nspname in ('public', 'partnership_private')"
        ).fetchall()
        assert owners == [(MIGRATOR, False)]
        assert conn.execute("show synchronous_commit").fetchone() == ("on",)


@pytest.mark.parametrize("headers", [
    {},
    {"apikey": "someone-elses-key"},
    {"apikey": TEST_ANON_KEY, "Authorization": "Bearer forged"},
])
def test_a_missing_or_wrong_key_is_refused(server: RpcServer, headers: dict[str, str]) -> None:
    answer = httpx.post(f"{server.url}/rest/v1/rpc/ps_open", json={"p_token": "x" * 43}, headers=headers)
    assert answer.status_code == 401


def test_the_store_with_a_wrong_key_says_the_key_is_refused(server: RpcServer) -> None:
    store = SupabaseStore(server.url, "someone-elses-key")
    try:
        with pytest.raises(StorageError, match="key"):
            store.create_project("Titel", "Forening", "Anna")
    finally:
        store.close()


def test_the_right_key_is_served(server: RpcServer) -> None:
    answer = httpx.post(f"{server.url}/rest/v1/rpc/ps_open", json={"p_token": "x" * 43},
                        headers={"apikey": TEST_ANON_KEY, "Authorization": f"Bearer {TEST_ANON_KEY}"})
    assert answer.status_code == 404 and answer.json()["code"] == "PT404"  # reached the function


def test_a_direct_import_call_cannot_forge_a_signature(server: RpcServer, request: pytest.FixtureRequest) -> None:
    """The SQL side drops approvals and the signed state too, not only the app."""
    store = SupabaseStore(server.url, TEST_ANON_KEY)
    try:
        owner, _ = store.create_project("Titel", "Forening", "Anna")
        doc = store.export_project(owner)
        doc["project"] = {**doc["project"], "signed_at": "2026-11-01T10:00:00+00:00", "signed_hash": "a" * 64}
        doc["approvals"] = [{"id": "x", "side": "partner", "name": "Ole", "content_hash": "a" * 64,
                             "approved_at": "2026-11-01T10:00:00+00:00"}]
        tokens = {role: "T" * 42 + role[0] for role in ("owner", "partner", "viewer")}
        answer = httpx.post(f"{server.url}/rest/v1/rpc/ps_import_project", headers={"apikey": TEST_ANON_KEY},
                            json={"p_data": doc, "p_creator": "Bo", "p_owner_token": tokens["owner"],
                                  "p_partner_token": tokens["partner"], "p_viewer_token": tokens["viewer"]})
        assert answer.status_code == 200, answer.text
        snap = store.snapshot(store.open(tokens["owner"]))
        assert snap.project.signed_at is None and snap.approvals == []
    finally:
        store.close()
