"""Tell the browser at once which of Streamlit's lazily loaded element chunks a page needs.

Streamlit's frontend loads the code of an element type (a select box, a date input, a
Plotly chart ...) only when the first such element has arrived over the websocket, a
second or more after the page was asked for, one wave of requests per element type met;
the Plotly chunk alone is 4.7 MB of JavaScript (served uncompressed), fetched only once
the chart's data is there. A page's HTML (Streamlit's index.html, served for every page
path) therefore names the chunks that page draws on its first run at the end of its body,
as async module scripts (``<script type="module" async src>``): the browser fetches them
after the modules the app starts with, and runs each in a task of its own as soon as it
is there, while the app connects and the page's script runs on the server. The
request tells two more things: a link's own address (``/?k=``) draws the overview, and a
browser without the name cookie is shown the name box (a text field). A chunk that came
only after its element drew the page a second time after the first paint: Lighthouse
counts that as blocking time (tests/e2e/test_deep_links_and_weight.py checks that a
first visit fetches no chunk its HTML did not name).

Measured on the 2-core test machine, with and without, interleaved (bench/trace_page.py):
neutral on the loopback (medians of 4: step 4 1.80 / 1.79 s, step 1 1.27 / 1.29 s, the
timeline 3.75 / 3.80 s; the same main-thread CPU) and within the noise with an emulated
40 ms / 50 Mbit line. With an emulated 100 ms / 20 Mbit line (CDP, two runs each, with /
without): the timeline 6.17, 5.92 / 6.83, 6.80 s, the overview 2.93, 2.80 / 2.99, 3.22 s,
step 4 3.30, 3.48 / 3.26, 3.25 s - it saves the Plotly transfer's wait on a real network.
A ``Link`` header instead (fetched before index.html's own modules) delayed
DOMContentLoaded; evaluating the Plotly module early delayed the websocket behind a 0.7 s
task: both dropped.

Run early, not only fetched: as ``<link rel="modulepreload">`` the chunks were fetched early
but run only when their first element had arrived, inside the one long task in which React
drew the page's first run. Each chunk's own run, in a short task while the page still waits
for the server, took that much out of it: Lighthouse's mobile total blocking time on the
overview, step 4 and the timeline 1,118-1,230 ms -> 517-684 ms (two rounds, the same server
and database, ``bench/bench_lighthouse.py``), performance 0.39-0.40 -> 0.43-0.47.

The chunk names carry content hashes that change with every Streamlit release, so they
are found at server start in the installed frontend: index.html names its entry module,
and the entry module maps each lazily imported chunk to the chunks it needs (Vite's
``__vite__mapDeps``). Here the components go by their stable names (``PlotlyChart``,
``Selectbox`` ...). If discovery finds nothing, pages are served as Streamlit serves
them; tests/unit/test_preload.py fails if discovery breaks for the pinned Streamlit.
``PARTNERSHIP_PRELOAD=0`` switches it off (to measure without it).

A deep link's HTML (any page but the root) also gets ``web/static/base_url.js`` inline
(``base_tag``), which names the app's root to the frontend, so that it does not probe
``<page>/_stcore/health`` and ``<page>/_stcore/host-config`` first (two 404s in the
console of every deep link, Lighthouse's "errors-in-console"). The Content-Security-Policy
allows that one script by its hash (``BASE_URL_JS``, web/headers.py).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs

import streamlit
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC = Path(streamlit.__file__).with_name("static")
"""Streamlit's built frontend: index.html, static/js/, static/css/."""
BASE_URL_JS = (Path(__file__).with_name("static") / "base_url.js").read_text(encoding="utf-8")
"""The inline script that names the app's root on a deep link (its hash is in the CSP)."""
PHONE_CSS = Path(__file__).parents[1] / "ui" / "phone.css"
"""The layout rules a first paint needs (the phone's menu in the header row, the page's top
gap, headings' sizes): read as a file, the pages load it too (``ui/style.py``)."""

COMMON = ("BidiComponent", "ButtonGroup", "Html", "Button", "PageLink")
"""Drawn by every page: our components-v2 helpers, the language switch, the style block,
buttons, the page menu's links (``ui/menu.py``)."""

ASKS_NAME = ("TextInput",)
"""Drawn on a page opened with a link by a browser that has not said its name yet (the
name box, ``shell.ask_name``): that browser's request carries no ``NAME_COOKIE``.
Fetched only after the name box had arrived, the text field's 16 files came a second
after the page and drew it a second time (a long task after the first paint, on every
page of a first visit)."""

NAME_COOKIE = "ps_name"
"""The cookie in which a browser keeps the name it gave (written by ``ui/browser.py``)."""

EDITORS = ("data-grid-overlay-editor", "number-overlay-editor")
"""The grid's cell editors, which the DataFrame chunk itself imports lazily on the first key
pressed in a cell: fetched only then, they arrived after a quick Enter on a real network,
and that first digit was lost (the overlay had no input yet). Step 2's grid is typed into
at once, so its page fetches them with the grid (``NESTED``)."""

NESTED = ("DataFrame",)
"""The chunks whose own lazily imported chunks discovery follows too (one level)."""

PAGES: Mapping[str, tuple[str, ...]] = {
    "overview": ("LinkButton", "Metric", "Progress"),
    "step1": (),
    "step2": ("TextInput", "DataFrame", *EDITORS),
    "step3": ("LinkButton", "Checkbox", "TextInput", "Selectbox"),
    "step4": (),
    "step5": (),
    "timeline": ("Selectbox",),
    "history": ("Selectbox",),
    "settings": ("LinkButton",),
}
"""The element components (Streamlit's names) each page (its URL path) draws on a new
tab's first run, as bench/trace_page.py lists them (with PARTNERSHIP_PRELOAD=0). Add forms
the timeline's filters and a task card's quick status are drawn only once opened (ui/lazy.py,
a popover), and
the timeline is an SVG picture (ui/charts.py): Plotly's 4.7 MB module is fetched when
the reader asks for the interactive chart, not during the first load, where compiling it took a core of this
2-core machine from the page. The two big chunks are named exactly where a page's first
run draws them (tests/app/test_preload_pages.py): Plotly nowhere, and the code block's
highlighter nowhere (texts to copy are ``st.text`` with a copy button of ours)."""

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


def _lazy_imports(source: str) -> dict[str, tuple[str, ...]]:
    """A module's lazily imported chunks (file name) -> it and every file it needs (under
    static/), read from the module's own ``__vite__mapDeps`` list; {} without one."""
    listed = _DEP_LIST.search(source)
    if listed is None:
        return {}
    deps = [_under_static(x.strip().strip("\"'`")) for x in listed.group(1).split(",") if x.strip()]
    lazy: dict[str, tuple[str, ...]] = {}
    for file, indices in _LAZY.findall(source):
        needs = [deps[int(i)] for i in indices.split(",") if i and int(i) < len(deps)]
        lazy[file] = tuple(dict.fromkeys([f"js/{file}", *needs]))
    return lazy


def parse(index_html: str, read_js: Callable[[str], str], nested: Iterable[str] = NESTED) -> Frontend:
    """Discovery: index.html and its entry module (``read_js(file name)`` returns a file
    of static/js/), and the chunks the ``nested`` components import lazily themselves.
    Anything unrecognised gives a frontend with nothing to preload."""
    entry = _ENTRY.search(index_html)
    if entry is None:
        return Frontend(frozenset(), {})
    preloaded = frozenset({f"js/{entry.group(1)}", *(f"js/{x}" for x in _PRELOADED.findall(index_html))})
    lazy = _lazy_imports(read_js(entry.group(1)))
    follow = set(nested)
    for file in [f for f in lazy if _component(f) in follow]:
        for inner, needs in _lazy_imports(read_js(file)).items():
            lazy.setdefault(inner, needs)
    return Frontend(preloaded, lazy)


@cache
def frontend() -> Frontend:
    """The installed Streamlit's frontend (read once); nothing to preload if unreadable."""
    try:
        index = (STATIC / "index.html").read_text(encoding="utf-8")
        return parse(index, lambda name: (STATIC / "static" / "js" / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return Frontend(frozenset(), {})


def chunk_tags(base: str, files: Iterable[str]) -> str:
    """Tags loading ``files`` (under static/) from ``<base>/static/``: a module as an async
    module script (fetched at low priority, like every async script, and run in a task of
    its own as soon as it is there, while the page waits for the server), a style sheet
    preloaded at low priority."""
    return "".join(
        f'<link rel="preload" as="style" fetchpriority="low" crossorigin href="{base}/static/{file}">'
        if file.endswith(".css")
        else f'<script type="module" async crossorigin src="{base}/static/{file}"></script>'
        for file in files
    )


@cache
def tags_for(base: str, page: str, named: bool = True) -> bytes:
    """What goes before ``</body>`` of the page at URL path ``page`` (without the base path):
    b"" when there is nothing to preload. ``named``: the browser has said its name (no
    name box)."""
    wanted = (*COMMON, *PAGES.get(page, ()), *(() if named else ASKS_NAME))
    return chunk_tags(base, frontend().chunks(wanted)).encode("utf-8")


def page_asked(path_page: str, query: str) -> str:
    """The page a request draws: a link (``/?k=<token>``, the address every link has)
    opens the overview; any other address its own page."""
    if not path_page and "k" in parse_qs(query):
        return "overview"
    return path_page


def has_name(headers: Headers) -> bool:
    """Whether the request's browser keeps a name (``NAME_COOKIE``)."""
    return bool(cookie_parser(headers.get("cookie", "")).get(NAME_COOKIE))


@cache
def base_tag(page: str) -> bytes:
    """The inline script naming the app's root for a deep link to ``page`` (b"" for the
    root page, whose address is the root: the frontend asks nothing else there)."""
    if not page:
        return b""
    return f'<script data-page="{html.escape(page, quote=True)}">{BASE_URL_JS}</script>'.encode()


@cache
def head_style() -> bytes:
    """``phone.css`` as a style block for every page's head. Injected by the page's first
    run only (``ui/style.py``), it came a frame after Streamlit had drawn the page's first
    elements: the phone's menu jumped from the page into the header row and the page moved
    up under it (Lighthouse's layout shift, 0.1-0.3 on every page). The CSP allows inline
    styles; the run's own copy stays (the same rules twice change nothing)."""
    try:
        css = PHONE_CSS.read_text(encoding="utf-8")
    except OSError:
        return b""
    css = css.replace("</", "<\\/")  # nothing in it may close the style block
    return f'<style data-ps="head">{css}</style>'.encode()


def page_of(path: str, base: str) -> str | None:
    """The page a request path names ("" for the app's root), or None when it is not
    a page's address (a file, Streamlit's or our own routes)."""
    if path != base and not path.startswith(base + "/"):
        return None
    rest = path[len(base):].strip("/")
    if "/" in rest or "." in rest or rest.startswith("_"):
        return None
    return rest


def inject(body: bytes, tags: bytes, before: bytes = b"</head>") -> bytes:
    """``tags`` before the first ``before`` of ``body`` (unchanged without one)."""
    at = body.find(before)
    return body if at < 0 else body[:at] + tags + body[at:]


class PreloadLinks:
    """Pure ASGI middleware: a page's HTML (a GET of a page path answered 200 with
    text/html) gets at the end of its head the layout rules of the first paint
    (``head_style``) and on a deep link the script naming the app's root (``base_tag``),
    and at the end of its body the page's chunks (``chunk_tags``), fetched right after the
    modules the app starts with. At the end of the body, not in the head: a chunk imports
    Streamlit's entry module, which draws into ``<div id="root">`` (the body's last element)
    as it runs; a chunk that ran before the parser had reached it (from the cache, on a slow
    parse) would have left the page blank.
    The request of a page asks for no compression (the page is 9 KB), so the body can be
    amended; every other request and response passes untouched."""

    def __init__(self, app: ASGIApp, base: Callable[[], str]) -> None:
        self.app = app
        self.base = base
        """``server.baseUrlPath`` as "/path" ("" at the root), read per request."""
        self.enabled = os.environ.get("PARTNERSHIP_PRELOAD", "1") != "0"
        frontend()  # discovery at server start, not on the first visitor's request

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        tags = chunks = b""
        if scope["type"] == "http" and scope.get("method") == "GET":
            base = self.base()
            page = page_of(str(scope.get("path", "")), base)
            if page is not None:
                drawn = page_asked(page, scope.get("query_string", b"").decode("latin-1"))
                named = has_name(Headers(scope=scope))
                tags = head_style() + base_tag(page)
                chunks = tags_for(base, drawn, named) if self.enabled else b""
        if not (tags or chunks):
            await self.app(scope, receive, send)
            return
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        start: Message | None = None
        body: list[bytes] = []

        async def amend(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if message.get("status") == 200 and headers.get("content-type", "").startswith("text/html") \
                        and "content-encoding" not in headers:
                    start = message  # held until the whole body is there
                    return
            elif message["type"] == "http.response.body" and start is not None:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                # Streamlit's index.html says lang="en"; the app's pages are Danish first
                # (ui/aria.py sets the reader's language once the page runs).
                whole = inject(inject(b"".join(body), tags), chunks, b"</body>")
                whole = whole.replace(b'<html lang="en">', b'<html lang="da">', 1)
                MutableHeaders(scope=start)["content-length"] = str(len(whole))
                await send(start)
                await send({"type": "http.response.body", "body": whole})
                return
            await send(message)

        await self.app(scope, receive, amend)
