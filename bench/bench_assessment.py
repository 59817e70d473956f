"""Issue 26's aim for step 2's fast assessment: one person rates 8 candidates in under 2
minutes on a laptop. Drives the grid (``st.data_editor``, key ``s2_grid``) in Chromium by
keyboard - a click on the first row, then for each rating the arrow keys to its cell (each
step checked in the grid's accessible table), the digit and Enter, waiting for the page's
run after every edit - then "Gem vurderingerne". Prints the wall time until the page says
they are saved (the page's share, an upper bound: the robot waits for the page after every
key), the key presses made, and an estimate for a person: the page's time plus one second
for each of the key presses a person needs (a digit and Tab or Enter per rating, one click,
the save). Every digit is typed once, and Enter follows when the cell's editor shows it:
the store must hold every rating (the grid's cell editors come with the page,
partnership/web/preload.py, so a fresh page's first digit is kept; tests/e2e/test_room.py
types one at a person's pace on a slow network); asserts no time.

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
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

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
    try:
        page.wait_for_function("(n) => window.__psRuns > n", arg=before, timeout=5_000)
    except PlaywrightTimeout:  # the run was over before the observer saw it start: idle is enough
        pass
    browser.wait_idle(page)


SELECTED = """() => {
  const rows = Array.from(document.querySelectorAll('.st-key-s2_grid table tr'));
  for (let r = 0; r < rows.length; r++) {
    const cells = Array.from(rows[r].children);
    const c = cells.findIndex((cell) => cell.getAttribute("aria-selected") === "true");
    if (c >= 0) return [r, c];
  }
  return null;
}"""
SCORE_COLUMNS = (2, 3, 4, 5)  # Nr., Navn, then the four ratings
CELL = """([row, col]) => {
  const tr = document.querySelectorAll('.st-key-s2_grid table tr')[row];
  return tr ? tr.children[col].innerText.trim() : null;
}"""


def go(page: Page, row: int, col: int) -> int:
    """Move the grid's selection to (row, col) with the arrow keys, checking each step in the
    grid's accessible table (the grid is a canvas, and its column widths change as values
    come in); returns the key presses made."""
    presses = 0
    for _ in range(40):
        at = page.evaluate(SELECTED)
        if at == [row, col]:
            return presses
        key = ("ArrowDown" if at[0] < row else "ArrowUp") if at[0] != row else (
            "ArrowRight" if at[1] < col else "ArrowLeft")
        page.keyboard.press(key)
        presses += 1
        page.wait_for_function(f"(was) => JSON.stringify(({SELECTED})()) !== was", arg=f"[{at[0]},{at[1]}]",
                               timeout=browser.TIMEOUT_MS)
    raise AssertionError(f"could not reach cell {row},{col}")


def rate(page: Page, rows: int) -> tuple[int, float]:
    """Every rating by keyboard, as a person does: a click on the first row, then per cell
    the arrow keys to it, the digit and Enter; returns the key presses and clicks made,
    and when the first was."""
    page.evaluate(COUNT_RUNS)
    box = page.locator(f"{GRID} [data-testid='stDataFrameResizable']").bounding_box()
    assert box is not None
    start = time.perf_counter()
    page.mouse.click(box["x"] + 20, box["y"] + ROW_PX * 1.5)  # row 1, its number
    page.wait_for_function(f"() => ({SELECTED})() !== null", timeout=browser.TIMEOUT_MS)
    presses = 1
    for row in range(rows):
        for col, value in zip(SCORE_COLUMNS, ratings(row), strict=True):
            presses += go(page, row + 1, col) + 2
            page.keyboard.type(str(value))
            # Enter once the cell's editor shows the digit, as a person sees it: a robot's
            # Enter a millisecond after the digit can beat the editor's first drawing.
            page.wait_for_function("(v) => document.querySelector('input.gdg-input')?.value === v", arg=str(value),
                                   timeout=browser.TIMEOUT_MS)
            commit(page, "Enter")
            shown = page.evaluate(CELL, [row + 1, col])
            assert shown == str(value), f"the grid dropped the digit {value} typed into {row + 1},{col}: {shown!r}"
    return presses, start


def run_once(server: StreamlitServer, page: Page, rows: int) -> tuple[float, int]:
    owner = project(server.store, rows)
    browser.open_page(page, f"{server.url}/step2?k={quote(owner.token)}", f"{GRID} canvas")
    page.locator(GRID).scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # a person reads the page first; its first follow-up runs are over by then
    browser.wait_idle(page)
    presses, start = rate(page, rows)
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
            print(f"run {n + 1}: {args.rows} candidates rated and saved in {took:.1f} s ({presses} key presses,"
                  " every digit typed once)")
        median = statistics.median(times)
        person = args.rows * len(SCORE_COLUMNS) * 2 + 2
        print(f"median {median:.1f} s of the page's time; with {person} key presses at one a second, a person "
              f"needs about {median + person:.0f} s (aim: under 120 s)")
        chromium.close()


if __name__ == "__main__":
    main()
