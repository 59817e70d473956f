"""The modulepreload ``Link`` header (partnership/web/preload.py): discovery of Streamlit's
hashed chunks in the installed frontend, and the middleware that adds the header."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from partnership.web import asgi, preload

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
    assert preload.link_header("/base", front.chunks(["Chart"])) == (
        "</base/static/js/Chart.X1.js>; rel=modulepreload, </base/static/js/big-lib.Y2.js>; rel=modulepreload, "
        "</base/static/css/Chart.Z3.css>; rel=preload; as=style")


@pytest.mark.parametrize("index, entry", [
    ("<html><head></head></html>", ENTRY),  # no entry module
    (INDEX, "console.log('a build without a dependency map')"),
    (INDEX, ""),
])
def test_an_unknown_build_preloads_nothing(index: str, entry: str) -> None:
    front = preload.parse(index, lambda _name: entry)
    assert front.chunks(["Chart", "Select"]) == ()
    assert preload.link_header("", front.chunks(["Chart"])) == ""


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


def test_only_the_timeline_preloads_plotly() -> None:
    assert "PlotlyChart." in preload.header_for("", "timeline")
    for page in ("", "overview", "step1", "step4", "settings", "unknown"):
        value = preload.header_for("", page)
        assert "PlotlyChart." not in value and "BidiComponent." in value, page


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

    def request(self, method: str, path: str) -> httpx.Response:
        async def go() -> httpx.Response:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://t") as client:
                return await client.request(method, path)

        return asyncio.run(go())

    def get(self, path: str) -> httpx.Response:
        return self.request("GET", path)

    def post(self, path: str) -> httpx.Response:
        return self.request("POST", path)


def _client(base: str = "") -> Client:
    async def html(_request: Request) -> Response:
        return HTMLResponse("<html></html>")

    async def missing(_request: Request) -> Response:
        return HTMLResponse("<html></html>", status_code=404)

    async def text(_request: Request) -> Response:
        return PlainTextResponse("ok")

    routes = [Route(f"{base}/", html), Route(f"{base}/timeline", html, methods=["GET", "POST"]),
              Route(f"{base}/step4", html),
              Route(f"{base}/gone", missing), Route(f"{base}/ps/ping", text), Route(f"{base}/plain", text)]
    app = Starlette(routes=routes, middleware=[Middleware(preload.PreloadLinks, base=lambda: base)])
    return Client(app)


def test_the_middleware_adds_the_pages_link_header_to_its_html() -> None:
    client = _client()
    timeline = client.get("/timeline").headers.get("link", "")
    assert "rel=modulepreload" in timeline and "</static/js/PlotlyChart." in timeline
    step4 = client.get("/step4").headers.get("link", "")
    assert "</static/js/DateInput." in step4 and "PlotlyChart" not in step4
    assert "</static/js/BidiComponent." in client.get("/").headers.get("link", "")
    assert "link" not in client.get("/ps/ping").headers  # not a page
    assert "link" not in client.get("/plain").headers  # a page path, but not HTML
    assert "link" not in client.get("/gone").headers  # not a 200
    assert "link" not in client.post("/timeline").headers  # a page, but no GET


def test_the_middleware_honours_the_base_path() -> None:
    value = _client("/app").get("/app/timeline").headers.get("link", "")
    assert value.startswith("</app/static/js/") and "</app/static/js/PlotlyChart." in value


def test_the_header_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERSHIP_PRELOAD", "0")
    assert "link" not in _client().get("/timeline").headers


def test_the_app_installs_the_middleware() -> None:
    assert any(m.cls is preload.PreloadLinks for m in asgi.middleware())
    assert Path(preload.STATIC / "index.html").is_file()
