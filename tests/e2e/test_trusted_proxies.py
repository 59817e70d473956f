"""Client addresses on a real Streamlit server: X-Forwarded-For is honoured only from the
proxies named in PARTNERSHIP_TRUSTED_PROXIES (default none), so invented headers do not
multiply the per-client cap of the event stream (uvicorn alone trusts loopback)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

PER_CLIENT = 3


def _url(server: StreamlitServer, token: str, session: str) -> str:
    return f"{server.url}/ps/events?k={token}&s={session}"


def _fill_and_try(server: StreamlitServer, invented: list[str]) -> list[int]:
    """Open the cap's worth of streams from this client, then one per invented
    X-Forwarded-For value; the statuses of the latter."""
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    statuses = []
    with httpx.Client(timeout=httpx.Timeout(10.0)) as http, ExitStack() as stack:
        for n in range(PER_CLIENT):
            answer = stack.enter_context(http.stream("GET", _url(server, tokens["owner"], f"s{n}")))
            assert answer.status_code == 200
        for n, forwarded in enumerate(invented):
            answer = stack.enter_context(http.stream("GET", _url(server, tokens["owner"], f"x{n}"),
                                                     headers={"X-Forwarded-For": forwarded}))
            statuses.append(answer.status_code)
    return statuses


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[Path]:
    browser.require()
    yield tmp_path


def test_invented_forwarded_addresses_do_not_multiply_the_per_client_cap(servers: Path) -> None:
    env = {"PARTNERSHIP_STREAMS_PER_CLIENT": str(PER_CLIENT)}
    with StreamlitServer(servers / "none", env=env) as server:
        statuses = _fill_and_try(server, [f"198.51.100.{i}" for i in range(1, 41)])
    assert statuses == [429] * 40


def test_a_trusted_proxy_names_the_client_and_cannot_be_talked_past(servers: Path) -> None:
    env = {"PARTNERSHIP_STREAMS_PER_CLIENT": str(PER_CLIENT), "PARTNERSHIP_TRUSTED_PROXIES": "127.0.0.1"}
    with StreamlitServer(servers / "proxy", env=env) as server:
        # each address the proxy forwards is a client of its own; a value the client sent
        # itself (the left part) is not what counts: the address the proxy saw is
        statuses = _fill_and_try(server, ["198.51.100.1", "198.51.100.2", "203.0.113.5, 198.51.100.1",
                                          "203.0.113.6, 198.51.100.1", "198.51.100.1"])
    assert statuses == [200, 200, 200, 200, 429]
