"""The field route of a real Streamlit server (served through st.App): what a closed
field's text view fetches when the other side saves it. Refused at once and alike for
every bad request; sanitised HTML and the newest text for a good one."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from partnership.model import Access, Role
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

HOSTILE = ('<img src="https://tracker.example/p.gif" onerror="alert(1)"> **fed** '
           '[klik her](https://evil.example/x) [js](javascript:alert(1))\n\n- et punkt\n- <script>alert(2)</script>')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    browser.require()
    with StreamlitServer(Path(tmp_path_factory.mktemp("fields"))) as srv:
        yield srv


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=httpx.Timeout(10.0)) as client:
        yield client


def url(server: StreamlitServer, token: str, key: str = "s4_vision", lang: str = "da") -> str:
    return f"{server.url}/ps/field?k={token}&f={key}&l={lang}"


def project(server: StreamlitServer) -> tuple[Access, dict[str, str]]:
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.set_field(owner, "s1_idea", "Vores interne idé", 0, "Anna")
    server.store.set_field(owner, "s4_vision", HOSTILE, 0, "Anna <b>Hansen</b>")
    return owner, tokens


@pytest.mark.parametrize("kind", ["malformed", "unknown", "revoked", "unknown field", "bad field", "bad language",
                                  "internal field for the partner", "internal field for the viewer", "missing"])
def test_a_bad_request_is_refused_at_once_without_any_information(
    server: StreamlitServer, http: httpx.Client, kind: str
) -> None:
    owner, tokens = project(server)
    if kind == "revoked":
        server.store.rotate_link(owner, Role.PARTNER)
    address = {
        "malformed": url(server, "abc<>"), "unknown": url(server, secrets.token_urlsafe(32)),
        "revoked": url(server, tokens["partner"]), "unknown field": url(server, tokens["owner"], "s9_nothing"),
        "bad field": url(server, tokens["owner"], "s4_vision<x>"),
        "bad language": url(server, tokens["owner"], lang="xx"),
        "internal field for the partner": url(server, tokens["partner"], "s1_idea"),
        "internal field for the viewer": url(server, tokens["viewer"], "s1_idea"),
        "missing": f"{server.url}/ps/field",
    }[kind]
    answer = http.get(address)
    assert answer.status_code == 404
    assert answer.content == b""
    assert answer.headers["cache-control"] == "no-store"


def test_the_partner_gets_the_joint_text_as_sanitised_html(server: StreamlitServer, http: httpx.Client) -> None:
    _, tokens = project(server)
    answer = http.get(url(server, tokens["partner"]))
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    got = answer.json()
    assert got["version"] == 1 and got["rev"] >= 2
    html = got["html"]
    assert "<strong>fed</strong>" in html and "<li>et punkt</li>" in html
    assert "&lt;img" in html and "&lt;script&gt;" in html  # shown as typed, never markup
    assert "<img" not in html and "<script" not in html and "<a" not in html and "href" not in html
    assert set(re.findall(r"<([a-z]+)", html)) == {"p", "strong", "ul", "li"}  # no tag with attributes at all
    assert not re.search(r"<[a-z]+\s", html)
    assert "klik her (https://evil.example/x)" in html  # a link's target is shown, never hidden
    assert "[js](javascript:alert(1))" in html  # not a link: shown as typed
    assert "Anna <b>Hansen</b>" in got["meta"]  # plain text: the view sets it as text, not HTML
    assert got["meta"].startswith("Senest ændret af")
    english = http.get(url(server, tokens["partner"], lang="en")).json()
    assert english["meta"].startswith("Last changed by") and english["html"] == html


def test_the_owner_gets_an_internal_field_and_every_answer_is_the_newest_text(
    server: StreamlitServer, http: httpx.Client
) -> None:
    owner, tokens = project(server)
    assert "Vores interne idé" in http.get(url(server, tokens["owner"], "s1_idea")).json()["html"]
    first = http.get(url(server, tokens["viewer"])).json()
    server.store.set_field(owner, "s4_vision", "En ny vision", 1, "Anna")
    second = http.get(url(server, tokens["viewer"])).json()
    assert second["rev"] > first["rev"] and second["version"] == 2
    assert second["html"] == "<p>En ny vision</p>"
    server.store.set_field(owner, "s4_vision", "", 2, "Anna")
    emptied = http.get(url(server, tokens["viewer"])).json()
    assert emptied["html"] == "" and emptied["meta"] == ""
