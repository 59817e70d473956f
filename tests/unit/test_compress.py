"""Compressed static files (partnership/web/compress.py): a real Starlette app serving real
files from a folder, wrapped in the middleware, asked over httpx's ASGI transport."""

from __future__ import annotations

import asyncio
import gzip
import os
from pathlib import Path
from typing import NamedTuple

import brotli  # type: ignore[import-untyped]
import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from partnership.web import asgi, compress

SCRIPT = ("export function f(x) { return x * 2; }\n" * 400).encode()
STYLE = (".a { color: #123456; }\n" * 300).encode()


class Raw(NamedTuple):
    status: int
    headers: httpx.Headers
    body: bytes
    """The bytes as they came over the wire (not decoded)."""


def _app(folder: Path, cache: compress.Cache) -> Starlette:
    async def page(_request: Request) -> Response:
        return HTMLResponse("<html><head></head><body>" + "<p>x</p>" * 500 + "</body></html>")

    async def events(_request: Request) -> Response:
        async def stream():  # type: ignore[no-untyped-def]
            yield b"data: " + b"a" * 2000 + b"\n\n"
            yield b"data: b\n\n"

        return StreamingResponse(stream(), media_type="text/event-stream")

    async def streamed_script(_request: Request) -> Response:
        async def parts():  # type: ignore[no-untyped-def]
            yield SCRIPT[:1000]
            yield SCRIPT[1000:]

        return StreamingResponse(parts(), media_type="text/javascript")

    class Immutable(StaticFiles):
        """Streamlit's cache header on its static files."""

        def file_response(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            answer = super().file_response(*args, **kwargs)
            answer.headers["cache-control"] = "public, immutable, max-age=31536000"
            return answer

    return Starlette(routes=[Route("/timeline", page), Route("/ps/events", events),
                             Route("/streamed.js", streamed_script),
                             Mount("/static", Immutable(directory=folder))],
                     middleware=[Middleware(compress.CompressStatic, cache=cache)])


def _get(app: Starlette, path: str, **headers: str) -> Raw:
    async def go() -> Raw:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            async with client.stream("GET", path, headers={"accept-encoding": "", **headers}) as answer:
                body = b"".join([part async for part in answer.aiter_raw()])
                return Raw(answer.status_code, answer.headers, body)

    return asyncio.run(go())


@pytest.fixture
def served(tmp_path: Path) -> tuple[Starlette, compress.Cache, Path]:
    """A static folder with a script, a style sheet, a tiny file and a PNG, served."""
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "index.abc.js").write_bytes(SCRIPT)
    (tmp_path / "app.css").write_bytes(STYLE)
    (tmp_path / "tiny.js").write_bytes(b"let a = 1;")
    (tmp_path / "icon.png").write_bytes(b"\x89PNG" + bytes(range(256)) * 20)
    cache = compress.Cache()
    return _app(tmp_path, cache), cache, tmp_path


def test_a_script_comes_brotli_compressed_and_decompresses_to_the_file(served) -> None:  # type: ignore[no-untyped-def]
    app, _, _ = served
    answer = _get(app, "/static/js/index.abc.js", **{"accept-encoding": "gzip, deflate, br"})
    assert answer.status == 200
    assert answer.headers["content-encoding"] == "br"
    assert brotli.decompress(answer.body) == SCRIPT
    assert int(answer.headers["content-length"]) == len(answer.body) < len(SCRIPT) / 5
    assert answer.headers["vary"] == "Accept-Encoding"
    assert answer.headers["cache-control"] == "public, immutable, max-age=31536000"  # Streamlit's, kept
    assert answer.headers["etag"].startswith('W/"')  # other bytes than the file's strong ETag names
    assert answer.headers["content-type"].startswith("text/javascript")


def test_gzip_when_brotli_is_not_accepted(served) -> None:  # type: ignore[no-untyped-def]
    app, _, _ = served
    answer = _get(app, "/static/app.css", **{"accept-encoding": "gzip, br;q=0"})
    assert answer.headers["content-encoding"] == "gzip"
    assert gzip.decompress(answer.body) == STYLE
    assert int(answer.headers["content-length"]) == len(answer.body)


def test_nothing_is_encoded_without_accept_encoding(served) -> None:  # type: ignore[no-untyped-def]
    app, cache, _ = served
    for accept in ("", "identity", "gzip;q=0, br;q=0"):
        answer = _get(app, "/static/js/index.abc.js", **{"accept-encoding": accept})
        assert "content-encoding" not in answer.headers, accept
        assert answer.body == SCRIPT and int(answer.headers["content-length"]) == len(SCRIPT)
        assert answer.headers["vary"] == "Accept-Encoding"  # a shared cache must not serve it to br clients
    assert cache.compressions == 0


def test_each_file_is_compressed_once_and_again_when_it_changes(served) -> None:  # type: ignore[no-untyped-def]
    app, cache, folder = served
    first = _get(app, "/static/js/index.abc.js", **{"accept-encoding": "br"})
    again = _get(app, "/static/js/index.abc.js", **{"accept-encoding": "br"})
    assert first.body == again.body and cache.compressions == 1
    _get(app, "/static/js/index.abc.js", **{"accept-encoding": "gzip"})
    assert cache.compressions == 2  # one per encoding
    changed = SCRIPT.replace(b"* 2", b"* 3")
    (folder / "js" / "index.abc.js").write_bytes(changed)
    fresh = _get(app, "/static/js/index.abc.js", **{"accept-encoding": "br"})
    assert brotli.decompress(fresh.body) == changed and cache.compressions == 3


def test_a_streamed_body_is_compressed_whole(served) -> None:  # type: ignore[no-untyped-def]
    app, _, _ = served
    answer = _get(app, "/streamed.js", **{"accept-encoding": "br"})
    assert brotli.decompress(answer.body) == SCRIPT
    assert int(answer.headers["content-length"]) == len(answer.body)


def test_pages_event_streams_images_and_tiny_files_pass_untouched(served) -> None:  # type: ignore[no-untyped-def]
    app, cache, folder = served
    accept = {"accept-encoding": "gzip, br"}
    page = _get(app, "/timeline", **accept)
    assert "content-encoding" not in page.headers and page.body.startswith(b"<html>")
    stream = _get(app, "/ps/events", **accept)
    assert "content-encoding" not in stream.headers and stream.body.startswith(b"data: aaa")
    assert "vary" not in stream.headers
    icon = _get(app, "/static/icon.png", **accept)
    assert "content-encoding" not in icon.headers and icon.body == (folder / "icon.png").read_bytes()
    tiny = _get(app, "/static/tiny.js", **accept)
    assert "content-encoding" not in tiny.headers and tiny.body == b"let a = 1;"
    assert cache.compressions == 0


def test_a_revalidation_still_answers_not_modified(served) -> None:  # type: ignore[no-untyped-def]
    app, _, _ = served
    first = _get(app, "/static/app.css", **{"accept-encoding": "br"})
    again = _get(app, "/static/app.css", **{"accept-encoding": "br", "if-none-match": first.headers["etag"]})
    assert again.status == 304 and again.body == b""


def test_a_range_request_is_answered_as_asked(served) -> None:  # type: ignore[no-untyped-def]
    app, _, _ = served
    part = _get(app, "/static/app.css", **{"accept-encoding": "br", "range": "bytes=0-9"})
    assert part.status == 206 and part.body == STYLE[:10] and "content-encoding" not in part.headers


def test_the_cache_drops_the_least_recently_used_beyond_its_limit() -> None:
    cache = compress.Cache(limit=3000)
    bodies = [os.urandom(1000) for _ in range(4)]  # incompressible: about 1 KB each, compressed
    for i, body in enumerate(bodies):
        cache.get(f"/f{i}", "br", body)
    assert cache.size <= 3000 and len(cache.items) == 2
    cache.get("/f3", "br", bodies[3])  # the newest is still there
    assert cache.compressions == 4
    cache.get("/f0", "br", bodies[0])  # the oldest is not
    assert cache.compressions == 5


@pytest.mark.parametrize("header, chosen", [
    ("gzip, deflate, br", "br"), ("br;q=0.5, gzip", "br"), ("gzip", "gzip"), ("GZIP", "gzip"),
    ("br;q=0, gzip;q=0.1", "gzip"), ("*", "br"), ("identity", None), ("", None), ("br;q=x", None),
])
def test_the_encoding_the_browser_accepts(header: str, chosen: str | None) -> None:
    assert compress.chosen_encoding(header) == chosen


def test_the_app_compresses_outside_everything_else() -> None:
    assert asgi.middleware()[0].cls is compress.CompressStatic
