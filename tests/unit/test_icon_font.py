"""The icon font cut to the app's icons (partnership/web/icon_font.py): which icons, the cut
font itself (Streamlit's real font file, cut by fontTools), and the middleware in front of
a real Starlette app, asked over httpx's ASGI transport."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import httpx
import pytest
from fontTools.ttLib import TTFont
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from partnership.web import icon_font

SOURCE = next((icon_font.STATIC / "static" / "media").glob("MaterialSymbols-Rounded.*.woff2"))
"""Streamlit's own icon font file."""


@pytest.fixture(scope="module")
def names() -> set[str]:
    return icon_font.icon_names(icon_font.app_files())


@pytest.fixture(scope="module")
def cut(names: set[str]) -> bytes:
    return icon_font.subset_font(SOURCE.read_bytes(), names)


def drawn(data: bytes) -> dict[str, str]:
    return icon_font.ligatures(TTFont(io.BytesIO(data)))


def test_the_icons_are_streamlits_and_ours(names: set[str], tmp_path: Path) -> None:
    assert "keyboard_double_arrow_right" in names  # the sidebar's "»", in Streamlit's bundle
    assert {"handshake", "timeline", "filter_alt", "zoom_in"} <= names  # ours: the sidebar, the timeline page
    page = tmp_path / "page.py"
    page.write_text('st.button("x", icon=":material/rocket_launch:")\nst.caption("material/bolt, :material/Bad:")\n',
                    encoding="utf-8")
    assert icon_font.icon_names([page]) == {"rocket_launch"}


def test_the_cut_font_draws_every_icon_the_app_names_and_no_other(names: set[str], cut: bytes) -> None:
    whole, kept = drawn(SOURCE.read_bytes()), drawn(cut)
    glyphs = {whole[name] for name in names if name in whole}
    assert len(whole) > 3000 and len(glyphs) > 100
    # Every icon the app names that the font has, under each of its names ("visibility" is
    # also "remove_red_eye"); no other icon.
    assert set(kept) == {name for name, glyph in whole.items() if glyph in glyphs}
    assert names & set(whole) <= set(kept)
    unused = sorted(name for name, glyph in whole.items() if glyph not in glyphs)
    assert len(unused) > 3000 and not set(unused) & set(kept)
    assert len(cut) < SOURCE.stat().st_size / 10  # 374,740 bytes -> about 16 KB
    # The same bytes each time (no timestamp of the cut): every replica sends the same ETag.
    assert icon_font.subset_font(SOURCE.read_bytes(), sorted(names)) == cut


def _app(cut: icon_font.Cut) -> Starlette:
    async def other(_request: Request) -> Response:
        return PlainTextResponse("Streamlit's answer")

    return Starlette(routes=[Route("/{path:path}", other)], middleware=[Middleware(icon_font.IconFont, cut=cut)])


def _get(app: Starlette, path: str, **headers: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            return await client.get(path, headers=headers)

    return asyncio.run(go())


def test_the_font_address_is_answered_with_the_cut_font_and_revalidated(cut: bytes) -> None:
    fonts = icon_font.Cut()
    fonts.fonts[SOURCE.name] = cut  # as cut once per process
    app = _app(fonts)
    for base in ("", "/app"):
        answer = _get(app, f"{base}/static/media/{SOURCE.name}")
        assert answer.status_code == 200 and answer.content == cut
        assert answer.headers["content-type"] == "font/woff2" and answer.headers["cache-control"] == "no-cache"
        tag = answer.headers["etag"]
        again = _get(app, f"{base}/static/media/{SOURCE.name}", **{"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    assert _get(app, "/static/media/other.woff2").text == "Streamlit's answer"
    assert _get(app, "/static/js/index.js").text == "Streamlit's answer"


def test_a_font_that_cannot_be_cut_goes_to_streamlit_whole() -> None:
    fonts = icon_font.Cut()
    assert fonts.get("MaterialSymbols-Rounded.nothere.woff2") is None  # no such file
    assert _get(_app(fonts), "/static/media/MaterialSymbols-Rounded.nothere.woff2").text == "Streamlit's answer"


def test_a_cut_font_is_kept_for_the_next_process_under_its_font_and_names(
        cut: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = icon_font.Cut(cache=tmp_path)
    assert first.get(SOURCE.name) == cut
    assert [p.suffix for p in tmp_path.iterdir()] == [".woff2"]  # no half-written part left
    monkeypatch.setattr(icon_font, "subset_font", lambda *_: pytest.fail("cut again"))
    assert icon_font.Cut(cache=tmp_path).get(SOURCE.name) == cut  # the next process reads it
    monkeypatch.setattr(icon_font, "icon_names", lambda _files: {"home"})  # our code names other icons
    monkeypatch.setattr(icon_font, "subset_font", lambda data, names: b"cut for " + ",".join(names).encode())
    assert icon_font.Cut(cache=tmp_path).get(SOURCE.name) == b"cut for home"
    assert len(list(tmp_path.iterdir())) == 2
