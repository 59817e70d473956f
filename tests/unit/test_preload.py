"""The element chunks named in a page's HTML (partnership/web/preload.py): discovery of Streamlit's hashed
chunks in the installed frontend, and the middleware that adds them to a page's HTML."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from partnership.web import asgi, headers, preload

INDEX = """<!DOCTYPE html><html><head>
<script>window.prerenderReady = false</script>
<script type="module" crossorigin src="./static/js/index.AAA.js"></script>
<link rel="modulepreload" crossorigin href="./static/js/react.BBB.js">
<link rel="stylesheet" crossorigin href="./static/css/index.CCC.css">
</head><body></body></html>"""
ENTRY = (
    "const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=[\"./Chart.X1.js\",\"./react.BBB.js\","
    "\"./big-lib.Y2.js\",\"../css/Chart.Z3.css\",\"./Select.S4.js\",\"./shared.T5.js\"])))=>i.map(i=>d[i]);"
    "var a=(0,U.lazy)(()=>H(()=>import(`./Chart.X1.js`).then(e=>e.t),__vite__mapDeps([0,1,2,3]),import.meta.url)),"
    "b=(0,U.lazy)(()=>H(()=>import(`./Select.S4.js`),__vite__mapDeps([4,5,1]),import.meta.url));"
)


def test_discovery_follows_the_entry_modules_map_of_lazy_chunks() -> None:
    front = preload.parse(INDEX, {"index.AAA.js": ENTRY}.__getitem__)
    assert front.preloaded == {"js/index.AAA.js", "js/react.BBB.js"}
    assert front.lazy["Chart.X1.js"] == ("js/Chart.X1.js", "js/react.BBB.js", "js/big-lib.Y2.js", "css/Chart.Z3.css")
    # What index.html loads itself is left out; every name once, in order.
    assert front.chunks(["Chart", "Select", "Chart"]) == (
        "js/Chart.X1.js", "js/big-lib.Y2.js", "css/Chart.Z3.css", "js/Select.S4.js", "js/shared.T5.js")
    assert front.chunks(["Nothing"]) == ()
    assert front.missing(["Chart", "Nothing"]) == ["Nothing"]
    assert preload.chunk_tags("/base", front.chunks(["Chart"])) == (
        '<script type="module" async crossorigin src="/base/static/js/Chart.X1.js"></script>'
        '<script type="module" async crossorigin src="/base/static/js/big-lib.Y2.js"></script>'
        '<link rel="preload" as="style" fetchpriority="low" crossorigin href="/base/static/css/Chart.Z3.css">')


def test_discovery_follows_a_named_chunks_own_lazy_chunks() -> None:
    """The grid's cell editors are imported by the DataFrame chunk itself, on the first key
    pressed in a cell: discovery finds them there (one level), so step 2 can preload them."""
    entry = ("const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=[\"./Grid.G1.js\",\"./react.BBB.js\"])))"
             "=>i.map(i=>d[i]);var a=(0,U.lazy)(()=>H(()=>import(`./Grid.G1.js`),__vite__mapDeps([0,1]),"
             "import.meta.url));")
    grid = ("const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=[\"./editor.E1.js\",\"./react.BBB.js\"])))"
            "=>i.map(i=>d[i]);var Ul=J.lazy(async()=>await we(()=>import(`./editor.E1.js`),__vite__mapDeps([0,1]),"
            "import.meta.url));")
    files = {"index.AAA.js": entry, "Grid.G1.js": grid}
    front = preload.parse(INDEX, files.__getitem__, nested=["Grid"])
    assert front.chunks(["Grid", "editor"]) == ("js/Grid.G1.js", "js/editor.E1.js")
    assert preload.parse(INDEX, files.__getitem__, nested=[]).missing(["editor"]) == ["editor"]
    assert "/static/js/number-overlay-editor." in preload.tags_for("", "step2").decode()  # the installed build


@pytest.mark.parametrize("index, entry", [
    ("<html><head></head></html>", ENTRY),  # no entry module
    (INDEX, "console.log('a build without a dependency map')"),
    (INDEX, ""),
])
def test_an_unknown_build_preloads_nothing(index: str, entry: str) -> None:
    front = preload.parse(index, lambda _name: entry)
    assert front.chunks(["Chart", "Select"]) == ()
    assert preload.chunk_tags("", front.chunks(["Chart"])) == ""


def test_discovery_works_for_the_installed_streamlit() -> None:
    """Fails loudly when a Streamlit upgrade changes how its frontend names its chunks:
    every component a page lists is found, and every file named exists."""
    front = preload.frontend()
    named = {*preload.COMMON, *(x for page in preload.PAGES.values() for x in page)}
    assert front.missing(sorted(named)) == []
    js = preload.STATIC / "static"
    for name in named:
        files = front.chunks([name])
        assert files, name
        assert all((js / file).is_file() for file in files), (name, files)
    plotly = front.chunks(["PlotlyChart"])
    assert plotly[0].startswith("js/PlotlyChart.") and (js / plotly[0]).stat().st_size > 1_000_000
    # Streamlit's own modules are already in index.html and are not named again.
    index = (preload.STATIC / "index.html").read_text(encoding="utf-8")
    assert not any(f'href="./static/{file}"' in index for name in named for file in front.chunks([name]))


def test_no_page_preloads_plotly() -> None:
    """The timeline is a picture (ui/charts.py): Plotly is fetched when the reader asks
    for the interactive chart, not while the page loads."""
    for page in ("", "overview", "step1", "step4", "timeline", "settings", "unknown"):
        value = preload.tags_for("", page)
        assert b"PlotlyChart." not in value and b"/static/js/BidiComponent." in value, page
    assert b"/static/js/Selectbox." in preload.tags_for("", "timeline")


def test_the_tags_go_at_the_end_of_the_head() -> None:
    html = b"<html><head><script src=a></script></head><body>x</head></body></html>"
    assert preload.inject(html, b"<link>") == (
        b"<html><head><script src=a></script><link></head><body>x</head></body></html>")
    assert preload.inject(b"<p>no head</p>", b"<link>") == b"<p>no head</p>"


@pytest.mark.parametrize("path, base, page", [
    ("/", "", ""), ("/timeline", "", "timeline"), ("/timeline/", "", "timeline"), ("/app/step4", "/app", "step4"),
    ("/app", "/app", ""), ("/appx/step4", "/app", None), ("/step4", "/app", None), ("/static/js/a.js", "", None),
    ("/favicon.png", "", None), ("/_stcore/health", "", None), ("/ps/ping", "", None),
])
def test_page_of_a_path(path: str, base: str, page: str | None) -> None:
    assert preload.page_of(path, base) == page


class Client:
    """Requests straight into an ASGI app (httpx's ASGI transport, no server)."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        async def go() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://t") as client:
                return await client.request(method, path, headers=headers)

        return asyncio.run(go())

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        return self.request("GET", path, headers)

    def post(self, path: str) -> httpx.Response:
        return self.request("POST", path)


PAGE = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>' + "<p>Streamlit</p>" * 50 + "</body></html>"


def _client(base: str = "") -> Client:
    async def html(_request: Request) -> Response:
        return HTMLResponse(PAGE)

    async def missing(_request: Request) -> Response:
        return HTMLResponse(PAGE, status_code=404)

    async def text(_request: Request) -> Response:
        return PlainTextResponse("ok")

    routes = [Route(f"{base}/", html), Route(f"{base}/timeline", html, methods=["GET", "POST"]),
              Route(f"{base}/step4", html), Route(f"{base}/gone", missing), Route(f"{base}/ps/ping", text),
              Route(f"{base}/plain", text), Route(f"{base}/static/a.html", html)]
    # Streamlit's own gzip sits inside ours (st.App puts user middleware outside), as here.
    app = Starlette(routes=routes, middleware=[Middleware(preload.PreloadLinks, base=lambda: base),
                                               Middleware(GZipMiddleware, minimum_size=100)])
    return Client(app)


def _preloads(answer: httpx.Response) -> list[str]:
    return re.findall(r'<script type="module" async crossorigin src="([^"]+)"></script>', answer.text)


def test_the_middleware_adds_the_pages_preloads_to_its_html() -> None:
    client = _client()
    timeline = client.get("/timeline")
    assert timeline.status_code == 200 and "content-encoding" not in timeline.headers  # asked for none
    assert int(timeline.headers["content-length"]) == len(timeline.content)
    links = _preloads(timeline)
    assert any(x.startswith("/static/js/Selectbox.") for x in links)
    # at the end of the body, after what was there: a chunk runs Streamlit's entry module,
    # which draws into the body's last element
    assert timeline.text.index('<script type="module" async') > timeline.text.rindex("<p>Streamlit</p>")
    assert timeline.text.endswith("</script></body></html>")
    step4 = _preloads(client.get("/step4"))
    assert any(x.startswith("/static/js/PageLink.") for x in step4)
    assert not any("Selectbox." in x for x in _preloads(client.get("/step2")))
    assert any(x.startswith("/static/js/BidiComponent.") for x in _preloads(client.get("/")))
    for untouched in (client.get("/ps/ping"), client.get("/plain"), client.get("/gone"), client.post("/timeline")):
        assert "module\" async" not in untouched.text  # not a page; not HTML; not a 200; not a GET
    other = client.get("/static/a.html")  # not a page's address: left to Streamlit as it was
    assert other.headers.get("content-encoding") == "gzip" and "module\" async" not in other.text


def test_a_browser_without_a_name_preloads_the_name_box_and_a_link_preloads_the_overview() -> None:
    """A first visit draws the name box (a text field); a browser that gave its name does
    not. Every link is the app's root with ``?k=``, which opens the overview."""
    client = _client()
    first = _preloads(client.get("/step4"))
    named = _preloads(client.get("/step4", headers={"Cookie": f"other=1; {preload.NAME_COOKIE}=Anna"}))
    assert any(x.startswith("/static/js/TextInput.") for x in first)
    assert not any("TextInput." in x for x in named) and any(x.startswith("/static/js/PageLink.") for x in named)
    link = _preloads(client.get("/?k=abc", headers={"Cookie": f"{preload.NAME_COOKIE}=Anna"}))
    assert any(x.startswith("/static/js/Metric.") for x in link)
    assert not any("Metric." in x for x in _preloads(client.get("/")))  # the start page itself


def test_a_name_is_read_from_the_cookie_header() -> None:
    assert preload.has_name(Headers({"cookie": "ps_name=Anna%20Holm"}))
    assert not preload.has_name(Headers({"cookie": "ps_name="})) and not preload.has_name(Headers({}))


@pytest.mark.parametrize("page, query, drawn", [
    ("", "k=abc", "overview"), ("", "k=abc&lang=en", "overview"), ("", "", ""), ("", "lang=en", ""),
    ("step4", "k=abc", "step4"),
])
def test_the_page_a_request_draws(page: str, query: str, drawn: str) -> None:
    assert preload.page_asked(page, query) == drawn


def test_the_middleware_honours_the_base_path() -> None:
    links = _preloads(_client("/app").get("/app/timeline"))
    assert links and all(x.startswith("/app/static/js/") for x in links)
    assert any(x.startswith("/app/static/js/Selectbox.") for x in links)


def test_the_preloads_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERSHIP_PRELOAD", "0")
    answer = _client().get("/timeline")
    assert "module\" async" not in answer.text
    assert '<script data-page="timeline">' in answer.text  # a deep link still names the app's root
    root = _client().get("/")  # the root page: only the layout rules of the first paint
    assert "module\" async" not in root.text and '<style data-ps="head">' in root.text


def test_every_page_holds_the_phone_layout_from_its_first_paint() -> None:
    """phone.css in the head, so what the first run draws does not jump when its rules come."""
    client = _client()
    css = (Path(preload.__file__).parents[1] / "ui" / "phone.css").read_text(encoding="utf-8")
    assert ".st-key-ps_menu" in css and "</" not in css
    for path in ("/", "/step4", "/timeline"):
        page = client.get(path).text
        assert f'<style data-ps="head">{css}</style>' in page
        assert page.index('<style data-ps="head">') < page.index("</head>")
        assert page.startswith('<!DOCTYPE html><html lang="da">')  # Danish first (ui/aria.py for English)
    assert '<style data-ps="head">' not in client.get("/static/a.html").text


def test_the_chunks_come_after_streamlits_root_element() -> None:
    """Each chunk imports Streamlit's entry module, which draws into ``<div id="root">`` as
    it runs: in Streamlit's real index.html the chunks are put after it."""
    index = (preload.STATIC / "index.html").read_bytes()
    page = preload.inject(index, b'<script type="module" async src="/static/js/x.js"></script>', b"</body>")
    assert page.index(b'<div id="root"></div>') < page.index(b'src="/static/js/x.js"')


def test_a_deep_link_names_the_apps_root_in_a_script_the_csp_allows() -> None:
    timeline = _client("/app").get("/app/timeline").text
    tag = f'<script data-page="timeline">{preload.BASE_URL_JS}</script>'
    assert tag in timeline and timeline.index(tag) < timeline.index("</head>")
    assert "<script data-page" not in _client("/app").get("/app/").text  # the root asks nothing else
    assert preload.base_tag('x"><img src=y>') == (
        f'<script data-page="x&quot;&gt;&lt;img src=y&gt;">{preload.BASE_URL_JS}</script>').encode()
    assert headers.script_hash(preload.BASE_URL_JS) in headers.content_security_policy()
    assert "BACKEND_BASE_URL" in preload.BASE_URL_JS


def test_the_app_installs_the_middleware() -> None:
    assert any(m.cls is preload.PreloadLinks for m in asgi.middleware())
    assert Path(preload.STATIC / "index.html").is_file()
