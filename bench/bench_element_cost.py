"""What one Streamlit element costs a phone-class CPU to draw, by kind. Prints a table;
asserts nothing.

    .venv/bin/python bench/bench_element_cost.py [--rounds 4] [--n 40] [--kinds markdown,text,...]

A bare page (bench/element_page.py: a title and ``n`` elements of one kind) is opened in
Chromium with the CPU slowed 4x (as Lighthouse's mobile preset simulates it), a first
visit each time; the figure is the main thread's long-task time (tasks over 50 ms, from
``PerformanceObserver``) of the whole load, the median of the rounds, minus that of the
same page with no element (``none``), divided by ``n``: the milliseconds one more such
element adds to the tasks that block a phone. Kinds are interleaved in each round, so the
machine's load falls on all alike.

Why it is here: Lighthouse's total blocking time on our pages is React drawing the page's
first run (issue 24's note); this prints how much of that each kind of element is, the
figure to look at before redrawing a page with other elements.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from bench.bench_lighthouse import bare_server  # noqa: E402
from tests.support import browser  # noqa: E402

PAGE = Path(__file__).with_name("element_page.py")
KINDS = ("none", "text", "html", "markdown", "markdown_icon", "caption", "bordered_markdown", "button", "popover")
LONG_TASKS = """window.__psLong = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__psLong.push(e.duration) })
  .observe({type: 'longtask', buffered: true});"""


def long_task_ms(chromium: Browser, url: str) -> float:
    """The long-task time of one first visit to ``url`` with the CPU slowed 4x."""
    context = chromium.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    try:
        page = context.new_page()
        page.add_init_script(LONG_TASKS)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        browser.open_page(page, url, timeout=60_000)
        browser.wait_idle(page, timeout=60_000)
        page.wait_for_timeout(1500)  # the tasks after the run (effects, the sidebar's icons)
        return float(sum(page.evaluate("window.__psLong")))
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--n", type=int, default=40, help="elements of the kind on the page")
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    kinds = ["none", *(k for k in args.kinds.split(",") if k and k != "none")]
    found: dict[str, list[float]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = bare_server(Path(tmp), PAGE)
        try:
            with sync_playwright() as pw:
                chromium = browser.launch(pw)
                for _ in range(args.rounds):
                    for kind in kinds:
                        found[kind].append(long_task_ms(chromium, f"{url}/?kind={kind}&n={args.n}"))
                chromium.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    base = statistics.median(found["none"])
    print(f"Long-task time of a first visit, CPU 4x slower, medians of {args.rounds} rounds; {args.n} elements.")
    print("| kind | long tasks | over the bare page | per element |")
    print("|---|---|---|---|")
    for kind in kinds:
        mid = statistics.median(found[kind])
        extra = mid - base
        per = "" if kind == "none" else f"{extra / args.n:.1f} ms"
        print(f"| {kind} | {mid:,.0f} ms | {extra:+,.0f} ms | {per} |")
    print("each round (ms):", {k: [round(v) for v in found[k]] for k in kinds})


if __name__ == "__main__":
    main()
