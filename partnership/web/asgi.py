"""Routes and middleware that app.py hands to ``st.App``.

Each feature adds its routes to ``routes()`` and its middleware to ``middleware()``;
app.py stays three lines.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Route
from streamlit import config

from partnership.web import confirm, events, fields, files, preload, unsubscribe
from partnership.web.compress import CompressStatic
from partnership.web.headers import SecurityHeaders

PREFIX = "/ps"
"""Our routes' prefix under the base path (Streamlit reserves /_stcore/, /media/ ...)."""


def base_path() -> str:
    """``server.baseUrlPath`` as "/path" ("" when the app is served at the root)."""
    raw = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{raw}" if raw else ""


def path(suffix: str) -> str:
    """The full route path for ``suffix`` (e.g. "/ping" -> "/base/ps/ping")."""
    return f"{base_path()}{PREFIX}{suffix}"


async def ping(_request: Request) -> PlainTextResponse:
    """A cheap liveness answer of our own layer (Streamlit's is /_stcore/health)."""
    return PlainTextResponse("ok")


def routes() -> list[BaseRoute]:
    """Every route of ours, under the base path."""
    found: list[BaseRoute] = [Route(path("/ping"), ping, methods=["GET"]),
                              Route(path("/file"), files.file, methods=["GET"]),
                              Route(path("/unsubscribe"), unsubscribe.unsubscribe, methods=["GET", "POST"]),
                              Route(path("/confirm"), confirm.confirm, methods=["GET", "POST"])]
    if events.enabled():
        found.append(Route(path("/events"), events.events, methods=["GET"]))
        found.append(Route(path("/field"), fields.field, methods=["GET"]))
    return found


def middleware() -> list[Middleware]:
    """Middleware that wraps every response, Streamlit's included (the first is outermost)."""
    return [Middleware(CompressStatic), Middleware(SecurityHeaders), Middleware(preload.PreloadLinks, base=base_path)]


WARM = ("numpy", "pandas", "PIL.Image", "partnership.store.postgres")
"""Imported by a page's first run in the server, not at start: Streamlit imports numpy,
PIL and pandas lazily (page icon, elements), and the store is opened on first use.
Measured in the overview's first run (``python -X importtime``): pandas 0.33 s, numpy
0.10 s - about 0.5 s of the first visitor's wait with the store's modules."""


def warm_up() -> None:
    """Import what the first page run would otherwise import - every module of
    ``partnership.ui`` and ``WARM`` - and build one small timeline figure (Plotly's
    figure validators), so that the first visitor after a server start does not wait
    for them."""
    import importlib
    import pkgutil
    from datetime import date

    import partnership.ui
    from partnership.model import Person, Side, Task
    from partnership.render import timeline_chart

    for name in (*WARM, *(f"partnership.ui.{m.name}" for m in pkgutil.iter_modules(partnership.ui.__path__))):
        importlib.import_module(name)
    today = date.today()
    timeline_chart.timeline_figure([Task("warm", "warm", due=today)], [Person("p", "p", Side.ASSOCIATION)], today=today)
