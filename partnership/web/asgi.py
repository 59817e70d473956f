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
from partnership.web.icon_font import IconFont

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
    return [Middleware(CompressStatic), Middleware(SecurityHeaders), Middleware(preload.PreloadLinks, base=base_path),
            Middleware(IconFont)]
