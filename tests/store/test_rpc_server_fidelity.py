"""The RPC test server and its PostgreSQL are set up like Supabase where it matters for
security: the key is checked, the functions' owner is not a superuser, commits are
synchronous (tests.support.rpc_server says what it still does not do)."""

from __future__ import annotations

import httpx
import pytest

from partnership.errors import StorageError
from partnership.store.supabase import SupabaseStore
from tests.support.postgres import MIGRATOR, postgres_for
from tests.support.rpc_server import TEST_ANON_KEY, RpcServer, rpc_server_for


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> RpcServer:
    return rpc_server_for(request.config)


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
