"""Screenshots of the example project on a 390 px phone, and what they measure.

    .venv/bin/python bench/phone_shots.py [OUT_DIR] [--pages overview,step4,step5,timeline]

For each page, a fresh phone browser (390 x 844, an iPhone's User-Agent, Plotly held
back so the timeline stays the server's picture) saves ``<page>-first.png`` (the first
screen) and ``<page>-full.png`` (the whole page), and prints the page's and the chart
box's sideways scroll, where the menu button is, and the task cards' heights. Asserts
nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from partnership.demo import create_demo  # noqa: E402
from tests.support import browser  # noqa: E402
from tests.support.streamlit_server import StreamlitServer  # noqa: E402

PHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
         "Version/17.5 Mobile/15E148 Safari/604.1")
MEASURE = """() => {
  const box = document.querySelector('.st-key-tl_chart_box');
  const menu = document.querySelector('.st-key-ps_menu button');
  const r = menu ? menu.getBoundingClientRect() : null;
  return {page: document.documentElement.scrollWidth,
          chart_box: box ? [box.scrollWidth, box.clientWidth] : null,
          menu: r ? [r.x, r.y, r.width, r.height].map(Math.round) : null,
          cards: [...document.querySelectorAll('[class*="_t_"]:has(> [class*="_tm_"])')]
                 .map(e => Math.round(e.getBoundingClientRect().height))};
}"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="phone-shots")
    parser.add_argument("--pages", default="overview,step4,step5,timeline")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, StreamlitServer(Path(tmp)) as srv, sync_playwright() as pw:
        _, tokens = create_demo(srv.store, "Anna Holm")
        chromium = browser.launch(pw)
        for path in args.pages.split(","):
            context = chromium.new_context(viewport={"width": 390, "height": 844}, user_agent=PHONE)
            context.add_cookies([{"name": "ps_name", "value": quote("Anna Holm"), "url": srv.url}])
            page = context.new_page()
            page.add_init_script("window.requestIdleCallback = () => 0;")
            browser.open_page(page, f"{srv.url}/{path}?k={tokens['owner']}")
            page.wait_for_timeout(1000)
            browser.wait_idle(page)
            page.screenshot(path=str(out / f"{path}-first.png"))
            print(path, page.evaluate(MEASURE))
            tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
            page.set_viewport_size({"width": 390, "height": min(tall + 50, 9000)})
            page.wait_for_timeout(500)
            page.screenshot(path=str(out / f"{path}-full.png"))
            context.close()
        chromium.close()
    print(f"screenshots in {out}/")


if __name__ == "__main__":
    main()
