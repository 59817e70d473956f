"""The icon font, cut down to the icons the app can draw (an st.App middleware).

Streamlit draws every ``:material/<name>:`` icon with one font, Material Symbols Rounded,
whose file holds all 4,000-odd icons: 374,740 bytes of woff2 that every first visit
fetches, at the highest priority, as soon as the page draws its first icon (the
sidebar's "»"). On Lighthouse's slow 4G that is two seconds of the line, shared with the
page's own code. The app draws some 150 of those icons: the ones Streamlit's frontend
names (the sidebar's arrows, a popover's chevron, ...) and ours. This middleware answers
the font's address with a font of those icons alone (about 16 KB): the same glyphs and
ligatures, so a page looks the same.

Which icons: every ``:material/<name>:`` written in Streamlit's frontend bundle
(``static/js/*.js``) and in our code (``partnership/``, ``app_pages/``, ``main.py``),
found when the font is first asked for (``icon_names``). The font is cut with fontTools
(``subset_font``, about 2 s of CPU), once per process and font file, on a worker thread;
``warm`` starts that when the app starts, and the cut is kept in this user's cache
(``CACHE``) under a digest of the font and the names, for the next process. If anything
goes wrong (no fontTools, a font without the ligature table this relies on), the request
goes on to Streamlit's whole font.

Caching: Streamlit serves the font for a year, immutable, under its own digest. The cut
font changes when our code names a new icon, under the same address, so it is served
with ``Cache-Control: no-cache`` and an ``ETag`` of its bytes: a browser that has it asks
again and gets a 304 of no body, and a new icon is never missing from an old copy.

A name that is not in the cut font would be drawn as its letters ("rocket_launch"):
``tests/e2e/test_deep_links_and_weight.py`` checks, in Chromium, that each icon on the
timeline (at a phone's and a laptop's width, its filters open) is drawn as one glyph.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import anyio
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from partnership.web.preload import STATIC  # Streamlit's frontend: static/js and static/media under it

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
"""The project: where our icon names are written."""
OURS = ("partnership/**/*.py", "app_pages/*.py", "main.py")
"""Our files that may name an icon (``:material/<name>:``)."""
FONT = re.compile(r"/static/media/(MaterialSymbols-[A-Za-z]+\.[A-Za-z0-9_-]+\.woff2)$")
"""The address of the icon font under the base path (Streamlit names it by digest)."""
ICON = re.compile(r":material/([a-z0-9_]+):")
LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
"""What an icon's name is typed with: the ligatures' components, kept."""


def icon_names(files: Iterable[Path]) -> set[str]:
    """Every icon ``files`` name as ``:material/<name>:``."""
    found: set[str] = set()
    for file in files:
        found |= set(ICON.findall(file.read_text(encoding="utf-8", errors="ignore")))
    return found


def app_files() -> list[Path]:
    """Streamlit's frontend code and ours: the files whose icons a page can draw."""
    ours = (path for pattern in OURS for path in sorted(ROOT.glob(pattern)))
    return [*sorted((STATIC / "static" / "js").glob("*.js")), *ours]


def ligatures(font: Any) -> dict[str, str]:
    """The icon names a font draws as one glyph: name -> glyph (from its ligature table)."""
    cmap = font.getBestCmap()
    letter = {glyph: chr(code) for code, glyph in cmap.items()}
    found: dict[str, str] = {}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for table in lookup.SubTable:
            if table.LookupType == 7:  # an extension: the real table is inside
                table = table.ExtSubTable
            if table.LookupType != 4:  # not a ligature table
                continue
            for first, rules in table.ligatures.items():
                for rule in rules:
                    glyphs = [first, *rule.Component]
                    if all(g in letter for g in glyphs):
                        found["".join(letter[g] for g in glyphs)] = rule.LigGlyph
    return found


def subset_font(data: bytes, names: Iterable[str]) -> bytes:
    """The woff2 font ``data`` with only the icons ``names`` (and the letters they are typed
    with); a name the font does not have is left out, as Streamlit's whole font would."""
    from fontTools import subset  # noqa: PLC0415 - only the process that cuts the font pays its import
    from fontTools.ttLib import TTFont  # noqa: PLC0415

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)  # the same bytes (and ETag) from any process
    drawn = ligatures(font)
    keep = sorted({drawn[name] for name in names if name in drawn})
    options = subset.Options()
    options.layout_closure = False  # else every ligature of the kept letters - all 4,000 icons - stays
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.flavor = "woff2"
    cutter = subset.Subsetter(options)
    cutter.populate(glyphs=keep, text=LETTERS + " ")
    cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "partnership" / "icon-font"
"""Where a cut font is kept between processes (this user's cache), under a digest of the
whole font and the names: cutting takes 2 s of CPU, and each test module starts a server."""


class Cut:
    """The cut fonts, by font file name; each cut once per process (thread-safe), and
    kept in ``cache`` (a folder; None: not kept) for the next process."""

    def __init__(self, cache: Path | None = CACHE) -> None:
        self.fonts: dict[str, bytes | None] = {}
        self.lock = threading.Lock()
        self.cache = cache

    def get(self, name: str) -> bytes | None:
        """The cut font for Streamlit's font file ``name``; None if there is no such file
        or it could not be cut (the request then goes to Streamlit)."""
        with self.lock:
            if name not in self.fonts:
                self.fonts[name] = self._cut(name)
            return self.fonts[name]

    def _cut(self, name: str) -> bytes | None:
        source = STATIC / "static" / "media" / name
        if not source.is_file():
            return None
        data, names = source.read_bytes(), icon_names(app_files())
        kept = None
        if self.cache is not None:
            key = hashlib.blake2b(data + "\n".join(sorted(names)).encode(), digest_size=16).hexdigest()
            kept = self.cache / f"{key}.woff2"
            with contextlib.suppress(OSError):
                return kept.read_bytes()
        try:
            cut = subset_font(data, names)
        except Exception:  # noqa: BLE001 - any failure: Streamlit's whole font still works
            log.warning("could not cut the icon font %s; serving it whole", name, exc_info=True)
            return None
        if kept is not None:
            try:  # written whole, then renamed: another process never reads half a font
                kept.parent.mkdir(parents=True, exist_ok=True)
                part = kept.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
                part.write_bytes(cut)
                part.replace(kept)
            except OSError:
                log.info("could not keep the cut icon font in %s", kept.parent, exc_info=True)
        return cut


CUT = Cut()


def warm() -> None:
    """Cut Streamlit's icon fonts on a background thread, so the first visitor does not wait."""
    def run() -> None:
        for source in sorted((STATIC / "static" / "media").glob("MaterialSymbols-*.woff2")):
            CUT.get(source.name)

    threading.Thread(target=run, name="icon-font", daemon=True).start()


def etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


class IconFont:
    """Pure ASGI middleware (see the module's docstring)."""

    def __init__(self, app: ASGIApp, cut: Cut | None = None) -> None:
        self.app = app
        self.cut = cut or CUT

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = FONT.search(str(scope.get("path", ""))) if scope["type"] == "http" else None
        if found is None or scope.get("method") not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        body = await anyio.to_thread.run_sync(self.cut.get, found.group(1))
        if body is None:
            await self.app(scope, receive, send)
            return
        tag = etag(body)
        fresh = tag in [v.strip() for v in Headers(scope=scope).get("if-none-match", "").split(",")]
        headers = [(b"content-type", b"font/woff2"), (b"cache-control", b"no-cache"), (b"etag", tag.encode())]
        if fresh:
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope.get("method") == "HEAD" else body})
