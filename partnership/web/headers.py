"""Security headers on every HTTP response, Streamlit's included (an st.App middleware).

- ``Content-Security-Policy``: everything from this origin only - no remote images,
  scripts, fonts or frames, whatever text a page shows. Streamlit's frontend needs inline
  styles (its CSS-in-JS) and runs one inline script in index.html, allowed by its hash
  (computed from the installed Streamlit at start, so an upgrade cannot silently break it).
  ``frame-ancestors 'self'`` (and ``X-Frame-Options``): no other site can frame the app.
- ``Referrer-Policy: same-origin``: a link token in the address never leaves in a Referer.
- ``X-Content-Type-Options: nosniff``.

A header the response already has is left as it is. Verified in Chromium against every
page (tests/e2e/test_hostile_text.py fails on any CSP violation in the console).
A host that strips these headers must add them itself: see README, "Security headers".
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from partnership.web import preload

FAVICON = Path(__file__).with_name("static") / "favicon.png"
"""The page icon, served by the app (Material Symbols "handshake" in the theme colour,
rendered once from the font Streamlit ships). ``page_icon=":material/..."`` would make
every browser fetch the icon from fonts.gstatic.com."""

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def script_hash(body: str) -> str:
    """The CSP source expression allowing the inline script ``body``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


@cache
def inline_script_hashes() -> tuple[str, ...]:
    """CSP source expressions for the inline scripts of Streamlit's index.html, and the
    one a deep link's page gets (web/preload.py)."""
    index = preload.STATIC / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
    except OSError:
        return (script_hash(preload.BASE_URL_JS),)
    return (*(script_hash(body) for body in _INLINE_SCRIPT.findall(html)), script_hash(preload.BASE_URL_JS))


@cache
def content_security_policy() -> str:
    directives = {
        "default-src": ["'self'"],
        # blob: for components v2, whose JS Streamlit loads as a blob URL (only script
        # already running on the page can make one; user text cannot).
        # 'wasm-unsafe-eval': Streamlit's protobuf bundle (long.js) compiles a tiny
        # WebAssembly module for 64-bit arithmetic; blocked, it falls back to JavaScript
        # but Chrome reports a CSP issue on every page. It allows WebAssembly only, not eval.
        "script-src": ["'self'", "blob:", "'wasm-unsafe-eval'", *inline_script_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def security_headers() -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(),
        "X-Frame-Options": "SAMEORIGIN",
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
    }


class SecurityHeaders:
    """Pure ASGI middleware (streams pass through untouched; only the start is amended)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = security_headers()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
