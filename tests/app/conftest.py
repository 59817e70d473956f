"""AppTest fixtures: the real app on a database of its own in the session's embedded
PostgreSQL (tests/support/engine.py)."""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from partnership import process
from partnership.store.postgres import PostgresStore
from partnership.ui import charts
from tests.support.engine import engine_for

APP = str(Path(__file__).resolve().parents[2] / "main.py")


def _scan_installed_components_once() -> None:
    """Each AppTest run asks Streamlit to scan every installed package's metadata for
    components (streamlit.components.v2.manifest_scanner; a server does it once, at its
    start): about 0.2 s a run, the same answer every time within one test session. The
    scan's answer is kept for the session; what it finds is unchanged."""
    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    if not isinstance(scan, functools._lru_cache_wrapper):
        cached = functools.cache(scan)
        manifest_scanner.scan_component_manifests = cached  # type: ignore[assignment]


_scan_installed_components_once()


MakeApp = Callable[..., AppTest]
"""The ``app`` fixture: ``app(token=..., name=..., page=...)`` makes an AppTest."""


@pytest.fixture
def database(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database that the app's store (PARTNERSHIP_DATABASE_URL) uses for this test."""
    engine = engine_for(request.config)
    url = engine.fresh_database()
    monkeypatch.setenv("PARTNERSHIP_DATABASE_URL", url)
    monkeypatch.delenv("SUPABASE_URL", raising=False)
    monkeypatch.delenv("SUPABASE_KEY", raising=False)
    process.reset()
    yield url
    process.reset()  # closes the app's hub and store (its connections)
    engine.drop(url)


SQL = Callable[..., list[tuple[Any, ...]]]


@pytest.fixture
def sql(database: str) -> SQL:
    """Run a statement on the app's database as its owner (to break or inspect it the way
    nothing in the app can); returns the rows, if any."""

    def run(statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with psycopg.connect(database, autocommit=True) as conn:
            cur = conn.execute(statement, params)  # type: ignore[call-overload]
            return cur.fetchall() if cur.description else []

    return run


@pytest.fixture
def store(database: str) -> Iterator[PostgresStore]:
    """The same database as the app's, for arranging data and checking what was saved."""
    s = PostgresStore(database)
    yield s
    s.close()


@pytest.fixture
def app(database: str) -> MakeApp:
    """Make an AppTest of the whole app, optionally opened with a link token and a name
    (as the URL ``?k=<token>&n=<name>`` would), on a given page."""

    def make(token: str | None = None, name: str | None = "Anna", page: str | None = None,
             lang: str | None = None, plotly: bool = True) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        # A tab whose reader asked for the interactive charts ("Interaktiv tidslinje",
        # partnership/ui/charts.py) draws Plotly; AppTest starts as such a tab unless
        # ``plotly=False`` (the pictures a new tab shows first).
        at.session_state[charts.READY] = plotly
        if token:
            at.query_params["k"] = token
            if name:
                at.query_params["n"] = name
        if lang:
            at.query_params["lang"] = lang
        at.run()
        if page:
            at.switch_page(f"app_pages/{page}.py").run()
        return at

    return make


_HTML_HIDDEN = re.compile(r"<(style|script)\b.*?</\1>", re.S)
_HTML_TAG = re.compile(r"<[^>]*>")


def texts(at: AppTest, views: bool = True) -> str:
    """Everything a person can read on the page, as one string (``views=False``: only
    what Streamlit renders as Markdown, without the field views' plain text)."""
    parts = [e.value for kind in ("markdown", "caption", "title", "subheader", "header", "info", "success",
                                  "warning", "error", "code", "text") for e in at.get(kind)]
    parts += [e.label for e in at.get("expander")]
    parts += [_HTML_TAG.sub("", _HTML_HIDDEN.sub("", e.proto.body)) for e in at.get("html")]  # file links' words
    if views:
        parts += field_views(at)
    return "\n".join(str(p) for p in parts)


def cards_block(at: AppTest) -> str:
    """The timeline's task cards: the one Markdown list ``ui/task_block.py`` draws them in."""
    [block] = [m.value for m in at.markdown if m.value.startswith("- :material/")]
    return str(block)


def opened(at: AppTest, key: str) -> AppTest:
    """Open the expander ``key`` as a click would (partnership/ui/lazy.py: its content is
    drawn only once it has been opened)."""
    at.session_state[key] = True
    return at.run()


def copy_buttons(at: AppTest) -> dict[str, str]:
    """The copy buttons on the page (``links.copy_button``): their label -> the text
    they copy."""
    found = {}
    for element in at.get("bidi_component"):
        proto = getattr(element, "proto", None)
        if proto is not None and proto.component_name == "ps_copy_link":
            data = json.loads(proto.json)
            found[data["label"]] = data["text"]
    return found


def field_views(at: AppTest) -> list[str]:
    """What the field views (partnership/ui/field_view.py) show: the browser draws them
    from their data, so the data is what a person reads - the label and who is editing,
    the text (its HTML without tags) and who changed it last, or a line's text."""
    found = []
    for element in at.get("bidi_component"):
        proto = getattr(element, "proto", None)
        if proto is None or proto.component_name != "partnership_field_view":
            continue
        data = json.loads(proto.json)
        if data["part"] == "head":
            found.append(data["label"])
            if data["names"]:
                found.append(data["badge"].replace("{names}", ", ".join(data["names"])))
        elif data["part"] == "line":
            found.append(data["text"])
        elif data["html"]:
            found += [html.unescape(re.sub(r"<[^>]+>", "", data["html"])), data["meta"]]
        else:
            found.append(data["empty"])
    return found


def no_errors(at: AppTest) -> None:
    """The page ran without an exception and shows no error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
