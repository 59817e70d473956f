"""Compressed static files: Streamlit's own frontend and ours (an st.App middleware).

Streamlit 1.67 serves its JavaScript and CSS uncompressed (``static/js/index.*.js`` is
479,929 bytes whatever the browser accepts; the Plotly chunk 4.7 MB). This middleware
compresses a response that is a file's content - brotli when the browser accepts it,
else gzip - and keeps the result in memory, so each file is compressed once per process:
the cache key is the request path plus a digest of the body, so a changed file (another
Streamlit build at the same path) is never answered with stale bytes.

Compressed: a 200 answer to a GET, of a type in ``TYPES`` (JavaScript, CSS, JSON, SVG,
plain text, WebAssembly, TrueType fonts), at least ``MIN_SIZE`` bytes,
not already encoded and with no ``Content-Range``. Never touched: the event stream
(``text/event-stream``: it must flow unbuffered), page HTML (``web/preload.py`` amends
it; it is 9 KB), websockets, and anything else. Headers: ``Content-Encoding``,
``Vary: Accept-Encoding``, the new ``Content-Length``; Streamlit's cache headers are
kept, and a strong ``ETag`` becomes weak (the bytes differ from the identity file's).

Brotli quality ``BROTLI_QUALITY`` (6): measured on the Plotly chunk, 4,715,877 bytes ->
1,215,041 in 0.18 s (quality 11: 1,059,653 in 9.9 s; gzip level 6: 1,418,782 in 0.45 s).
The first visitor that asks for a file pays that once; a server restart starts over.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections import OrderedDict

import brotli  # type: ignore[import-untyped]
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TYPES = ("application/javascript", "text/javascript", "text/css", "application/json", "image/svg+xml",
         "text/plain", "application/wasm", "font/ttf", "application/x-font-ttf")
"""Content types worth compressing (without parameters). Images, woff2 fonts and
archives are compressed already; HTML and event streams are left alone on purpose."""
MIN_SIZE = 1024
"""Below this a compressed answer saves less than its headers cost."""
MAX_SIZE = 32 * 1024 * 1024
"""Larger bodies pass through (Streamlit's largest file is the 4.7 MB Plotly chunk)."""
CACHE_BYTES = 64 * 1024 * 1024
"""At most this many compressed bytes are kept; the least recently used go first
(Streamlit's whole frontend is about 7 MB compressed)."""
BROTLI_QUALITY = 6
GZIP_LEVEL = 6


def chosen_encoding(accept_encoding: str) -> str | None:
    """"br" or "gzip" as the ``Accept-Encoding`` value allows (brotli preferred), or None."""
    allowed: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if name.strip():
            allowed[name.strip().lower()] = q
    for encoding in ("br", "gzip"):
        if allowed.get(encoding, allowed.get("*", 0.0)) > 0:
            return encoding
    return None


def compress(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        packed: bytes = brotli.compress(body, quality=BROTLI_QUALITY)
        return packed
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


class Cache:
    """Compressed bodies by (path, encoding, digest of the identity body), least
    recently used dropped beyond ``limit`` bytes. Thread-safe (uvicorn runs one event
    loop, but the lock costs nothing and keeps it correct if that changes)."""

    def __init__(self, limit: int = CACHE_BYTES) -> None:
        self.limit = limit
        self.size = 0
        self.items: OrderedDict[tuple[str, str, bytes], bytes] = OrderedDict()
        self.lock = threading.Lock()
        self.compressions = 0
        """How many bodies were compressed (a test reads it: once per file)."""

    def get(self, path: str, encoding: str, body: bytes) -> bytes:
        key = (path, encoding, hashlib.blake2b(body, digest_size=16).digest())
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
                return found
        packed = compress(body, encoding)
        with self.lock:
            self.compressions += 1
            if key not in self.items and len(packed) <= self.limit:
                self.items[key] = packed
                self.size += len(packed)
                while self.size > self.limit:
                    _, dropped = self.items.popitem(last=False)
                    self.size -= len(dropped)
        return packed


def compressible(headers: Headers) -> bool:
    """Whether a 200 answer with these headers is one this middleware compresses."""
    kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind not in TYPES or "content-encoding" in headers or "content-range" in headers:
        return False
    length = headers.get("content-length")
    return length is None or (length.isdigit() and MIN_SIZE <= int(length) <= MAX_SIZE)


def _vary(headers: MutableHeaders) -> None:
    found = [v.strip().lower() for v in headers.get("vary", "").split(",") if v.strip()]
    if "accept-encoding" not in found and "*" not in found:
        headers["vary"] = ", ".join([*(v.strip() for v in headers.get("vary", "").split(",") if v.strip()),
                                     "Accept-Encoding"])


class CompressStatic:
    """Pure ASGI middleware (see the module's docstring)."""

    def __init__(self, app: ASGIApp, cache: Cache | None = None) -> None:
        self.app = app
        self.cache = cache or Cache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        encoding = chosen_encoding(Headers(scope=scope).get("accept-encoding", ""))
        path = str(scope.get("path", ""))
        start: Message | None = None
        parts: list[bytes] = []

        async def maybe_compress(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if message.get("status") == 200 and compressible(headers):
                    _vary(headers)  # also on the identity answer: a cache must key on it
                    if encoding is not None:
                        start = message  # held until the whole body is there
                        return
                await send(message)
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            parts.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(parts)
            assert encoding is not None
            await _send_encoded(send, start, body, self.cache.get(path, encoding, body) if body else body,
                                encoding if body else None)

        await self.app(scope, receive, maybe_compress)


async def _send_encoded(send: Send, start: Message, body: bytes, packed: bytes, encoding: str | None) -> None:
    headers = MutableHeaders(scope=start)
    if encoding is not None and len(packed) < len(body):
        headers["content-encoding"] = encoding
        etag = headers.get("etag")
        if etag and not etag.startswith("W/"):
            headers["etag"] = "W/" + etag
        body = packed
    headers["content-length"] = str(len(body))
    await send(start)
    await send({"type": "http.response.body", "body": body})
