"""Tell the browser at once which of Streamlit's lazily loaded element chunks a page needs.

Streamlit's frontend loads the code of an element type (a select box, a date input, a
Plotly chart ...) only when the first such element has arrived over the websocket, a
second or more after the page was asked for; the Plotly chunk alone is 4.7 MB of
JavaScript, fetched only once the chart's data is there. A page's HTML (Streamlit's
index.html, served for every page path) therefore gets a ``Link: <...>; rel=modulepreload``
header naming the chunks that page draws on its first run, so the browser fetches and
compiles them while Streamlit's own bundle starts (measured with bench/trace_page.py).

The chunk names carry content hashes that change with every Streamlit release, so they
are found at server start in the installed frontend: index.html names its entry module,
and the entry module maps each lazily imported chunk to the chunks it needs (Vite's
``__vite__mapDeps``). Here the components go by their stable names (``PlotlyChart``,
``Selectbox`` ...). If discovery finds nothing, pages are served as Streamlit serves
them; tests/unit/test_preload.py fails if discovery breaks for the pinned Streamlit.
``PARTNERSHIP_PRELOAD=0`` switches the header off (to measure without it).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import streamlit
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC = Path(streamlit.__file__).with_name("static")
"""Streamlit's built frontend: index.html, static/js/, static/css/."""

COMMON = ("BidiComponent", "ButtonGroup", "Html", "Button")
"""Drawn by every page: our components-v2 helpers, the language switch, the style block, buttons."""

PAGES: Mapping[str, tuple[str, ...]] = {
    "overview": ("StreamlitSyntaxHighlighter", "LinkButton", "DownloadButton", "Metric", "PageLink", "Progress"),
    "step1": (),
    "step2": ("TextInput",),
    "step3": ("StreamlitSyntaxHighlighter", "LinkButton", "Checkbox", "TextInput", "Selectbox", "DateInput",
              "PageLink"),
    "step4": ("PageLink", "Selectbox", "TextInput", "DateInput", "TextArea", "Checkbox", "Radio"),
    "step5": ("Selectbox", "DownloadButton"),
    "timeline": ("PlotlyChart", "Multiselect", "Selectbox", "TextInput", "DateInput", "TextArea", "DownloadButton",
                 "Radio"),
    "history": ("Selectbox", "StreamlitSyntaxHighlighter"),
    "settings": ("StreamlitSyntaxHighlighter", "LinkButton", "DownloadButton"),
}
"""The element components (Streamlit's names) each page (its URL path) draws on a first run,
as bench/trace_page.py lists them. Only the timeline draws Plotly charts."""

_ENTRY = re.compile(r'<script\b[^>]*\btype="module"[^>]*\bsrc="\./static/js/([\w.-]+\.js)"')
_PRELOADED = re.compile(r'<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\./static/js/([\w.-]+\.js)"')
_DEP_LIST = re.compile(r"\bm\.f=\[([^\]]*)\]")
_LAZY = re.compile(r"import\(`\./([\w.-]+\.js)`\)(?:\.then\([^()]*\))?,__vite__mapDeps\(\[([\d,]*)\]\)")


@dataclass(frozen=True)
class Frontend:
    """What discovery found in one build of Streamlit's frontend."""

    preloaded: frozenset[str]
    """What index.html loads itself (paths under static/, e.g. "js/index.abc.js")."""
    lazy: Mapping[str, tuple[str, ...]]
    """A lazily imported chunk (file name) -> it and every file it needs (under static/)."""

    def chunks(self, components: Iterable[str]) -> tuple[str, ...]:
        """The files (under static/) the named components need that index.html does not
        load itself, without repeats, in a stable order. Unknown names add nothing."""
        found: dict[str, None] = {}
        for name in components:
            for file, needs in self.lazy.items():
                if _component(file) == name:
                    found.update(dict.fromkeys(x for x in needs if x not in self.preloaded))
        return tuple(found)

    def missing(self, components: Iterable[str]) -> list[str]:
        """The names among ``components`` that no lazily imported chunk has."""
        known = {_component(file) for file in self.lazy}
        return [name for name in components if name not in known]


def _component(file: str) -> str:
    """"PlotlyChart.D9Z0_fxz.js" -> "PlotlyChart"."""
    return file.split(".", 1)[0]


def _under_static(dep: str) -> str:
    """A dependency as the entry module names it (relative to static/js/) -> under static/."""
    if dep.startswith("../"):
        return dep[3:]
    return "js/" + dep.removeprefix("./")


def parse(index_html: str, read_js: Callable[[str], str]) -> Frontend:
    """Discovery: index.html and its entry module (``read_js(file name)`` returns a file
    of static/js/). Anything unrecognised gives a frontend with nothing to preload."""
    entry = _ENTRY.search(index_html)
    if entry is None:
        return Frontend(frozenset(), {})
    preloaded = frozenset({f"js/{entry.group(1)}", *(f"js/{x}" for x in _PRELOADED.findall(index_html))})
    source = read_js(entry.group(1))
    listed = _DEP_LIST.search(source)
    if listed is None:
        return Frontend(preloaded, {})
    deps = [_under_static(x.strip().strip("\"'`")) for x in listed.group(1).split(",") if x.strip()]
    lazy: dict[str, tuple[str, ...]] = {}
    for file, indices in _LAZY.findall(source):
        needs = [deps[int(i)] for i in indices.split(",") if i and int(i) < len(deps)]
        lazy[file] = tuple(dict.fromkeys([f"js/{file}", *needs]))
    return Frontend(preloaded, lazy)


@cache
def frontend() -> Frontend:
    """The installed Streamlit's frontend (read once); nothing to preload if unreadable."""
    try:
        index = (STATIC / "index.html").read_text(encoding="utf-8")
        return parse(index, lambda name: (STATIC / "static" / "js" / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return Frontend(frozenset(), {})


def link_header(base: str, files: Iterable[str]) -> str:
    """The ``Link`` header value preloading ``files`` (under static/) from ``<base>/static/``."""
    return ", ".join(
        f"<{base}/static/{file}>; rel=preload; as=style" if file.endswith(".css")
        else f"<{base}/static/{file}>; rel=modulepreload"
        for file in files
    )


@cache
def header_for(base: str, page: str) -> str:
    """The ``Link`` header for the page at URL path ``page`` (without the base path); ""
    when there is nothing to preload."""
    return link_header(base, frontend().chunks((*COMMON, *PAGES.get(page, ()))))


def page_of(path: str, base: str) -> str | None:
    """The page a request path names ("" for the app's root), or None when it is not
    a page's address (a file, Streamlit's or our own routes)."""
    if path != base and not path.startswith(base + "/"):
        return None
    rest = path[len(base):].strip("/")
    if "/" in rest or "." in rest or rest.startswith("_"):
        return None
    return rest


class PreloadLinks:
    """Pure ASGI middleware: a page's HTML answer gets the ``Link`` header of the chunks
    that page draws. The body and every other response pass untouched."""

    def __init__(self, app: ASGIApp, base: Callable[[], str]) -> None:
        self.app = app
        self.base = base
        """``server.baseUrlPath`` as "/path" ("" at the root), read per request."""
        self.enabled = os.environ.get("PARTNERSHIP_PRELOAD", "1") != "0"
        frontend()  # discovery at server start, not on the first visitor's request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        value = ""
        if self.enabled and scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):
            base = self.base()
            page = page_of(str(scope.get("path", "")), base)
            value = header_for(base, page) if page is not None else ""
        if not value:
            await self.app(scope, receive, send)
            return

        async def send_with_link(message: Message) -> None:
            if message["type"] == "http.response.start" and message.get("status") == 200:
                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith("text/html"):
                    headers.append("Link", value)
            await send(message)

        await self.app(scope, receive, send_with_link)
