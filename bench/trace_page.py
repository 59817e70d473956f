"""Where a page's first load in Chromium spends its time: a per-page breakdown.

    .venv/bin/python bench/trace_page.py [--pages overview,timeline] [--tasks 1000] [--repeat 1]

For each page (fresh browser context, as bench_browser.py): navigation timings, every
websocket frame from the server (time and size), every script/style the page fetched
(start, end, size; the ones index.html does not name are Streamlit's lazy element
chunks), long tasks on the main thread, and the settle time. Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from bench.bench_browser import big_project, open_settled  # noqa: E402
from partnership.demo import create_demo  # noqa: E402
from tests.support import browser  # noqa: E402
from tests.support.streamlit_server import StreamlitServer  # noqa: E402

OBSERVE = """
window.__lt = [];
new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lt.push([e.startTime, e.duration]); })
  .observe({type: 'longtask', buffered: true});
"""


def trace(chromium: Browser, url: str, page_name: str, timeout_s: float = 60) -> dict[str, Any]:
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(OBSERVE)
    page = context.new_page()
    frames: list[tuple[float, int]] = []
    sent: list[tuple[float, int]] = []
    t0 = time.perf_counter()

    def on_ws(ws: Any) -> None:
        ws.on("framereceived", lambda payload: frames.append((time.perf_counter() - t0, len(payload))))
        ws.on("framesent", lambda payload: sent.append((time.perf_counter() - t0, len(payload))))

    page.on("websocket", on_ws)
    try:
        t0 = time.perf_counter()  # the websocket frames are timed from here too
        settled = open_settled(page, url, page_name, timeout_s)
        found: dict[str, Any] = page.evaluate("""() => ({
            nav: performance.getEntriesByType('navigation').map(e => ({ttfb: e.responseStart,
                  dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd}))[0],
            res: performance.getEntriesByType('resource').map(e => [e.name.split('/').pop(), e.initiatorType,
                  e.startTime, e.responseEnd, e.transferSize, e.decodedBodySize]),
            lt: window.__lt, now: performance.now()})""")
        found["settled"] = settled
        found["frames"] = frames
        found["sent"] = sent
        return found
    finally:
        context.close()


def report(name: str, found: dict[str, Any], preloaded: set[str]) -> None:
    nav = found["nav"]
    print(f"== /{name}: settled {found['settled']:.2f} s (page clock {found['now'] / 1000:.2f} s); "
          f"ttfb {nav['ttfb']:.0f} ms, DOMContentLoaded {nav['dcl']:.0f} ms, load {nav['load']:.0f} ms")
    frames = found["frames"]
    if frames:
        print(f"   ws frames: {len(frames)}, first {frames[0][0] * 1000:.0f} ms, last {frames[-1][0] * 1000:.0f} ms, "
              f"{sum(n for _, n in frames) / 1024:.0f} KiB; big: "
              + ", ".join(f"{t * 1000:.0f}ms:{n // 1024}K" for t, n in frames if n > 20_000))
    print("   sent: " + ", ".join(f"{t * 1000:.0f}ms:{n}B" for t, n in found["sent"]))
    lazy = [r for r in found["res"] if r[0].endswith(".js") and r[0] not in preloaded]
    for r in sorted(lazy, key=lambda r: r[2]):
        print(f"   lazy {r[0]:<45} {r[2]:6.0f} -> {r[3]:6.0f} ms  {r[5] / 1024:7.0f} KiB")
    other = [r for r in found["res"] if not r[0].endswith(".js")]
    for r in sorted(other, key=lambda r: r[2]):
        print(f"   res  {r[0][:45]:<45} {r[2]:6.0f} -> {r[3]:6.0f} ms  {r[5] / 1024:7.0f} KiB ({r[1]})")
    lt = found["lt"]
    print(f"   long tasks: {len(lt)}, {sum(d for _, d in lt):.0f} ms in all: "
          + ", ".join(f"{s:.0f}+{d:.0f}" for s, d in lt))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default="overview,step1,step2,step3,step4,step5,timeline,history,settings")
    parser.add_argument("--tasks", type=int, default=0, help="also trace timeline and step4 of a project this big")
    args = parser.parse_args()
    import re

    import streamlit

    index = (Path(streamlit.__file__).with_name("static") / "index.html").read_text(encoding="utf-8")
    preloaded = {m.split("/")[-1] for m in re.findall(r'(?:src|href)="([^"]+\.js)"', index)}
    with tempfile.TemporaryDirectory() as tmp, StreamlitServer(Path(tmp)) as server, sync_playwright() as pw:
        chromium = browser.launch(pw)
        _, tokens = create_demo(server.store, "Bench")
        for name in args.pages.split(","):
            report(name, trace(chromium, f"{server.url}/{name}?k={tokens['owner']}&n=Bench", name), preloaded)
        if args.tasks:
            token = big_project(server.store, args.tasks)
            for name in ("timeline", "step4"):
                report(f"{name} ({args.tasks} tasks)",
                       trace(chromium, f"{server.url}/{name}?k={token}&n=Bench", name), preloaded)
        chromium.close()


if __name__ == "__main__":
    main()
