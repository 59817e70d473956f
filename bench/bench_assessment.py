"""Issue 26's aim for step 2's fast assessment: one person rates 8 candidates in under 2
minutes on a laptop. Drives the grid (``st.data_editor``, key ``s2_grid``) in Chromium
with the keyboard as a person would - click the first row, then per candidate four ratings
with Tab between them, Enter and three steps left to the next row - then "Gem
vurderingerne", and prints the wall time until the page says they are saved, the number
of key presses, and an estimate for a person at one key press per second (the app's time
plus that). Checks that the store holds every rating; asserts no time.

    .venv/bin/python bench/bench_assessment.py [--rows 8] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from partnership.model import Access  # noqa: E402
from partnership.store.base import Store  # noqa: E402
from tests.support import browser  # noqa: E402
from tests.support.engine import shared  # noqa: E402
from tests.support.streamlit_server import StreamlitServer  # noqa: E402

GRID = ".st-key-s2_grid"
ROW_PX = 35  # glide-data-grid's row and header height in Streamlit


def project(store: Store, rows: int) -> Access:
    owner, _ = store.create_project("Vurdering", "Boldklubben Øst", "Anna")
    for n in range(rows):
        store.add_candidate(owner, f"Forslag {n + 1}", "Anna")
    return owner


def ratings(row: int) -> list[int]:
    return [(row + k) % 5 + 1 for k in range(4)]


COUNT_RUNS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__psRuns = 0;
  new MutationObserver(() => {
    if (app.getAttribute("data-test-script-state") === "notRunning") window.__psRuns += 1;
  }).observe(app, {attributes: true, attributeFilter: ["data-test-script-state"]});
}"""


def commit(page: Page, key: str) -> None:
    """Press a key that commits a cell, and wait for the run the edit causes: each edit of
    the grid reruns the page, and a key typed before that run has drawn is lost (as it
    would be for a person typing faster than the page answers)."""
    before = page.evaluate("() => window.__psRuns")
    page.keyboard.press(key)
    page.wait_for_function("(n) => window.__psRuns > n", arg=before, timeout=browser.TIMEOUT_MS)


def rate(page: Page, rows: int) -> int:
    """Every rating by keyboard; returns the key presses made (clicks included)."""
    page.evaluate(COUNT_RUNS)
    box = page.locator(f"{GRID} [data-testid='stDataFrameResizable']").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 20, box["y"] + ROW_PX + ROW_PX / 2)  # row 1, the position column
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # past the name, onto "Ressourcer"
    presses = 3
    for row in range(rows):
        for k, value in enumerate(ratings(row)):
            page.keyboard.type(str(value))
            commit(page, "Tab" if k < 3 else "Enter")
            presses += 2
        if row < rows - 1:
            for _ in range(3):
                page.keyboard.press("ArrowLeft")
            presses += 3
    return presses


def run_once(server: StreamlitServer, page: Page, rows: int) -> tuple[float, int]:
    owner = project(server.store, rows)
    browser.open_page(page, f"{server.url}/step2?k={quote(owner.token)}", f"{GRID} canvas")
    start = time.perf_counter()
    presses = rate(page, rows)
    save = page.locator(".st-key-s2_grid_save button")
    page.wait_for_function("(sel) => { const b = document.querySelector(sel); return !!b && !b.disabled; }",
                           arg=".st-key-s2_grid_save button", timeout=browser.TIMEOUT_MS)
    save.click()
    browser.wait_text(page, f"Vurderingerne er gemt ({rows} forslag)", timeout=60_000)
    took = time.perf_counter() - start
    stored = [[c.resources, c.competences, c.values, c.fit] for c in server.store.snapshot(owner).candidates]
    assert stored == [ratings(r) for r in range(rows)], stored
    return took, presses + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, StreamlitServer(Path(tmp),
                                                               database=shared().fresh_database("bench")) as server, \
            sync_playwright() as pw:
        chromium = browser.launch(pw)
        times = []
        for n in range(args.repeat):
            context = chromium.new_context(viewport={"width": 1440, "height": 1000})
            context.set_default_timeout(browser.TIMEOUT_MS)
            context.add_cookies([{"name": "ps_name", "value": "Anna", "url": server.url}])
            took, presses = run_once(server, context.new_page(), args.rows)
            context.close()
            times.append(took)
            print(f"run {n + 1}: {args.rows} candidates rated and saved in {took:.1f} s ({presses} key presses)")
        median = statistics.median(times)
        print(f"median {median:.1f} s of the app's time; at one key press a second a person needs about "
              f"{median + presses:.0f} s (aim: under 120 s)")
        chromium.close()


if __name__ == "__main__":
    main()
