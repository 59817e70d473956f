"""How long does step 4 take to draw when the joint fields hold 20,000 hostile characters?

    .venv/bin/python bench/bench_hostile_render.py [--rounds 5] [--root DIR]

Two joint fields get the full 20,000 characters: one of KaTeX formulas ("$x^2$ ..."),
one of deeply nested quotes ("> > > ..."); a third one holds a mix of links, images and
raw HTML. The partner opens step 4 in real Chromium; the time from navigation until the
script is idle and all four field containers are visible is measured, per round, in a
fresh browser context. Prints median and max.

``--root`` serves another checkout of the app (e.g. the commit before the usertext rule,
unpacked with ``git archive <commit> | tar -x -C DIR``) to measure before and after with
the same data and browser. The figures depend on the machine's load: run both back to back.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import browser  # noqa: E402
from tests.support import streamlit_server as servers  # noqa: E402

KATEX = ("$x^2 + \\frac{a}{b}$ " * 1000)[:20_000]
QUOTES = ("> " * 10_000)[:19_990] + "dybt nede"
MIXED = ("[Log ind igen](http://evil.example/phish) ![i](http://evil.example/x.png) <b>fed</b> " * 300)[:20_000]
FIELDS = (".st-key-f_s4_vision", ".st-key-f_s4_objectives", ".st-key-f_s4_how", ".st-key-f_s4_funding")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve")
    args = parser.parse_args()
    servers.ROOT = args.root.resolve()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, servers.StreamlitServer(Path(tmp), poll_s=5.0) as server:
        store = server.store
        owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
        store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
        store.set_field(owner, "s4_vision", KATEX, 0, "Anna")
        store.set_field(owner, "s4_objectives", QUOTES, 0, "Anna")
        store.set_field(owner, "s4_how", MIXED, 0, "Anna")
        url = f"{server.url}/step4?k={tokens['partner']}&n=Ole"
        times: list[float] = []
        with sync_playwright() as pw:
            chromium = browser.launch(pw)
            for n in range(args.rounds + 1):
                context = chromium.new_context(viewport={"width": 1280, "height": 1400})
                page = context.new_page()
                started = time.perf_counter()
                browser.open_page(page, url, timeout=120_000)
                for selector in FIELDS:
                    page.wait_for_selector(selector, state="visible", timeout=120_000)
                elapsed = time.perf_counter() - started
                context.close()
                if n:  # the first round warms the server up
                    times.append(elapsed)
                    print(f"round {n}: {elapsed:.2f} s", flush=True)
            chromium.close()
    print(f"step 4 with 3 x 20,000 hostile characters ({args.root}): "
          f"median {statistics.median(times):.2f} s, max {max(times):.2f} s over {len(times)} rounds")


if __name__ == "__main__":
    main()
