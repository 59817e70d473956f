"""The event route of a real Streamlit server (served through st.App): refused at once and
alike for every bad token, bounded per client, and ended when the link is revoked."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from partnership.model import Role
from partnership.store.base import presence_id
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

PER_CLIENT = 3


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """A Streamlit server that allows a client three open streams."""
    browser.require()
    env = {"PARTNERSHIP_STREAMS_PER_CLIENT": str(PER_CLIENT)}
    with StreamlitServer(Path(tmp_path_factory.mktemp("events")), env=env) as srv:
        yield srv


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=httpx.Timeout(10.0)) as client:
        yield client


def url(server: StreamlitServer, token: str, session: str = "s1") -> str:
    return f"{server.url}/ps/events?k={token}&s={session}"


def first_event(response: httpx.Response) -> dict[str, Any]:
    """The first event of a stream that is read no further (httpx then closes it)."""
    return _next_event(response.iter_lines())


@pytest.mark.parametrize("kind", ["malformed", "unknown", "revoked", "bad session", "bad language", "missing"])
def test_a_bad_token_is_refused_at_once_without_any_information(
    server: StreamlitServer, http: httpx.Client, kind: str
) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    if kind == "revoked":
        server.store.rotate_link(owner, Role.PARTNER)
    address = {
        "malformed": url(server, "abc<>"), "unknown": url(server, secrets.token_urlsafe(32)),
        "revoked": url(server, tokens["partner"]), "bad session": url(server, tokens["owner"], "x y<"),
        "bad language": url(server, tokens["owner"]) + "&l=xx",
        "missing": f"{server.url}/ps/events",
    }[kind]
    started = time.monotonic()
    answer = http.get(address)
    assert answer.status_code == 404 and answer.content == b""
    assert time.monotonic() - started < 5, "refused at once, not left hanging"
    assert "Lektiecaf" not in str(answer.headers) and owner.project_id not in str(answer.headers)


def test_a_valid_link_streams_the_current_revision_and_who_is_here(
    server: StreamlitServer, http: httpx.Client
) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.set_field(owner, "s4_vision", "Vision", 0, "Anna")
    with http.stream("GET", url(server, tokens["viewer"], "viewer-1")) as answer:
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/event-stream")
        event = first_event(answer)
    assert event["type"] == "state" and event["rev"] == server.store.revision(owner)
    assert [p["s"] for p in event["here"]] == [presence_id(tokens["viewer"], "viewer-1")], "never the session id"


def test_a_write_from_another_process_and_a_revoked_link_reach_the_open_stream(
    server: StreamlitServer, http: httpx.Client
) -> None:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    with http.stream("GET", url(server, tokens["partner"], "p1")) as answer:
        lines = answer.iter_lines()
        assert _next_event(lines)["rev"] == server.store.revision(owner)
        server.store.set_field(owner, "s4_vision", "Ny", 0, "Anna")  # this test's process: another process
        assert _next_event(lines)["rev"] == server.store.revision(owner)
        server.store.rotate_link(owner, Role.PARTNER)
        while (event := _next_event(lines))["type"] == "state":
            pass
        assert event == {"type": "gone"}
        assert next(lines, None) in (None, ""), "the server closed the stream"


def _next_event(lines: Iterator[str]) -> dict[str, Any]:
    for line in lines:
        if line.startswith("data: "):
            event: dict[str, Any] = json.loads(line[6:])
            return event
    raise AssertionError("the stream ended")


def test_streams_are_bounded_per_client(server: StreamlitServer, http: httpx.Client) -> None:
    _, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    with ExitStack() as stack:
        kept = []  # a line iterator that is dropped closes its connection: keep them
        for n in range(PER_CLIENT):
            answer = stack.enter_context(http.stream("GET", url(server, tokens["owner"], f"s{n}")))
            assert answer.status_code == 200
            kept.append(answer.iter_lines())
            assert _next_event(kept[-1])["type"] == "state"
        refused = http.get(url(server, tokens["owner"], "one-too-many"))
        assert refused.status_code == 429 and refused.content == b""
    deadline = time.monotonic() + 10
    while True:  # the server notices the closed streams and gives their places back
        with http.stream("GET", url(server, tokens["owner"], "later")) as answer:
            if answer.status_code == 200:
                break
        assert time.monotonic() < deadline, "closed streams were never given back"
        time.sleep(0.2)


def test_the_server_stops_at_once_with_streams_open(tmp_path: Path, http: httpx.Client) -> None:
    """uvicorn waits for open responses before it stops; the event route ends its
    streams when a shutdown begins, so a restart is not held up by open tabs."""
    with StreamlitServer(tmp_path) as other:
        _, tokens = other.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
        with http.stream("GET", url(other, tokens["owner"])) as answer:
            lines = answer.iter_lines()
            assert _next_event(lines)["type"] == "state"
            started = time.monotonic()
            other.stop()
            assert time.monotonic() - started < 5, "not held up until the 10 s kill"
            assert next(lines, None) in (None, ""), "the stream was ended by the server"
