"""How much a first load draws: Streamlit elements (``[data-testid]``), DOM nodes and the
layout shift seen until the page settled, per page of the example project, at a phone's
width (390 px) and a desktop's (1400 px). Prints a table; asserts nothing.

    .venv/bin/python bench/bench_elements.py [--pages overview,step4,step5,timeline]

Lighthouse (bench/bench_lighthouse.py) scores what the drawing costs under a phone-class
CPU, but its figures move with the machine's load; the element count is what drives
React's work on a first load, and it does not move with the load, so it is the figure to
track between changes. The most frequent element kinds are printed under the table.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from bench.bench_lighthouse import PAGES, demo_links  # noqa: E402
from tests.support import browser  # noqa: E402
from tests.support.streamlit_server import StreamlitServer  # noqa: E402

OBSERVE_SHIFTS = """
window.__psShift = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__psShift += e.value;
}).observe({type: 'layout-shift', buffered: true});
"""

COUNT = """() => ({
  testids: [...document.querySelectorAll('[data-testid]')].map(e => e.dataset.testid),
  nodes: document.querySelectorAll('*').length,
  shift: window.__psShift || 0,
})"""


def first_load(chromium: Browser, url: str, width: int) -> dict[str, Any]:
    context = chromium.new_context(viewport={"width": width, "height": 844 if width < 700 else 900})
    context.add_cookies([{"name": "ps_name", "value": "Bench", "url": url}])
    page = context.new_page()
    page.add_init_script(OBSERVE_SHIFTS)
    try:
        browser.open_page(page, url, timeout=60_000)
        page.wait_for_timeout(1500)  # late shifts (fonts, components) count too
        found: dict[str, Any] = page.evaluate(COUNT)
        return found
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    rows = []
    kinds: dict[str, collections.Counter[str]] = {}
    with tempfile.TemporaryDirectory() as tmp, StreamlitServer(Path(tmp) / "app") as server, \
            sync_playwright() as pw:
        tokens = demo_links(server)
        chromium = browser.launch(pw)
        for name in args.pages.split(","):
            url = f"{server.url}/{name}?k={tokens[PAGES.get(name, 'owner')]}"
            first_load(chromium, url, 390)  # warm the server's first run of the page
            phone = first_load(chromium, url, 390)
            wide = first_load(chromium, url, 1400)
            kinds[name] = collections.Counter(phone["testids"])
            rows.append(f"| {name} | {len(phone['testids'])} | {phone['nodes']} | {phone['shift']:.3f} | "
                        f"{len(wide['testids'])} | {wide['nodes']} | {wide['shift']:.3f} |")
        chromium.close()
    print("| page | elements 390 px | DOM nodes 390 px | CLS 390 px | elements 1400 px | DOM nodes 1400 px "
          "| CLS 1400 px |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    for name, counter in kinds.items():
        print(f"  {name}: " + ", ".join(f"{k} {n}" for k, n in counter.most_common(12)))


if __name__ == "__main__":
    main()
