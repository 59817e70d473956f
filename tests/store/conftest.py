"""Fixtures the PostgreSQL store tests share: the session's cluster, its RPC test server,
and a Supabase store on that server (tests.support.postgres and rpc_server start them
once per session)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from partnership.store.supabase import SupabaseStore
from tests.support.postgres import PostgresCluster, postgres_for
from tests.support.rpc_server import TEST_ANON_KEY, RpcServer, rpc_server_for


@pytest.fixture(scope="session")
def cluster(request: pytest.FixtureRequest) -> PostgresCluster:
    return postgres_for(request.config)


@pytest.fixture(scope="session")
def server(request: pytest.FixtureRequest) -> RpcServer:
    return rpc_server_for(request.config)


@pytest.fixture(scope="session")
def local(server: RpcServer) -> Iterator[SupabaseStore]:
    """A Supabase store on the local RPC server (shared: every test works in projects of its own)."""
    s = SupabaseStore(server.url, TEST_ANON_KEY)
    yield s
    s.close()
