"""How long pages take to settle in Chromium: the example project (first load after a
server start included), and projects with 1,000 and 5,000 tasks on the timeline and
step 4. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_browser.py [--sizes 1000,5000] [--pages timeline,step4] [--repeat 5]

"Settled": the script has finished, no skeleton is left and (on the timeline) the chart
is shown - its SVG picture (partnership/ui/charts.py); the time from a click on
"Interaktiv tidslinje" until the Plotly chart has taken its place is printed beside it. Each
page is opened in a fresh browser context, as a new visitor would; the example's pages
``--repeat`` times in turns (the server's very first load is the overview's first), with
the median and each time printed, since a single load on this shared machine can be off by
a third.
Targets: any page of the example within 1.5 s (first load included); 1,000 tasks within
3 s, 5,000 within 6 s.

First it measures the floor: a bare Streamlit page (a title and a line of text, same
Streamlit, same flags) opened the same way, so that what our pages add can be told from
what Streamlit's own start in a fresh browser context costs on this machine.

Beside each time: the CPU time of the page's main thread until it settled (Chromium's
``ThreadTime``). It moves far less than the wall time when other work shares the machine,
so it tells a change apart from the load; bench/trace_page.py shows where either goes.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from partnership.demo import create_demo  # noqa: E402
from partnership.store.base import Store  # noqa: E402
from tests.support import browser  # noqa: E402
from tests.support.streamlit_server import StreamlitServer, free_port  # noqa: E402

BARE = 'import streamlit as st\nst.title("Hej")\nst.write("En side uden noget andet.")\n'

PAGES = ["overview", "step1", "step2", "step3", "step4", "step5", "timeline", "history", "settings"]


def big_project(store: Store, n: int) -> str:
    owner, tokens = store.create_project(f"{n} opgaver", "Foreningen", "Bench")
    people = [store.add_person(owner, {"name": f"Person {i}", "side": "association" if i % 2 else "partner"},
                               "Bench").id for i in range(20)]
    start = date.today() - timedelta(days=200)
    for i in range(n):
        store.add_task(owner, {"title": f"Opgave {i}", "kind": ["activity", "task", "follow_up", "milestone"][i % 4],
                               "responsible": people[i % 20], "side": "association" if i % 2 else "partner",
                               "start": start + timedelta(days=i % 400), "due": start + timedelta(days=i % 400 + 20)},
                       "Bench")
    return tokens["owner"]


CHART = ".st-key-tl_picture svg.tl-svg, .st-key-tl_chart .main-svg"
"""The timeline's chart is on the page: its SVG picture (a new tab's first view,
partnership/ui/charts.py) or the Plotly chart."""
PLOTLY = ".st-key-tl_chart .main-svg"


def open_settled(page: Page, url: str, page_name: str, timeout_s: float) -> float:
    """Open ``url`` in ``page`` and wait until it settled (the script has finished, no
    skeleton is left and, on the timeline, the chart is shown); the seconds it took."""
    t0 = time.perf_counter()
    page.goto(url, timeout=timeout_s * 1000)
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_s * 1000)
    # The first moment all hold at once (polled every animation frame): a tab that goes on
    # to swap the timeline's picture for Plotly has settled before that swap.
    page.wait_for_function(
        """([idle, chart]) => !!document.querySelector(idle) && !document.querySelector('[data-testid="stSkeleton"]')
                              && (!chart || !!document.querySelector(chart))""",
        arg=[browser.IDLE, CHART if page_name == "timeline" else ""], timeout=timeout_s * 1000)
    return time.perf_counter() - t0


class Load(NamedTuple):
    seconds: float
    """Until the page settled."""
    cpu: float
    """CPU seconds of the page's main thread until then."""
    plotly: float = float("nan")
    """On the timeline: seconds from the click on "Interaktiv tidslinje" until the Plotly
    chart had taken the picture's place."""


def settle_cpu(chromium: Browser, url: str, page_name: str, timeout_s: float) -> Load:
    """Open the page in a fresh browser context and measure its load."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    try:
        t0 = time.perf_counter()
        seconds = open_settled(page, url, page_name, timeout_s)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        cpu = float(metrics.get("ThreadTime", float("nan")))
        if page_name != "timeline":
            return Load(seconds, cpu)
        t0 = time.perf_counter()
        page.locator(".st-key-tl_interactive button").click()  # Plotly only when asked for (ui/charts.py)
        page.wait_for_selector(PLOTLY, timeout=timeout_s * 1000)
        return Load(seconds, cpu, time.perf_counter() - t0)
    except Exception as exc:  # noqa: BLE001 - a figure, not a failure
        print(f"      ({type(exc).__name__}: not settled within {timeout_s:.0f} s)")
        return Load(float("inf"), float("nan"))
    finally:
        context.close()


def floor(chromium: Browser, timeout_s: float, times: int = 5) -> list[Load]:
    """Settle times of a bare Streamlit page on its own server (stopped by its process id)."""
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "bare.py"
        app.write_text(BARE, encoding="utf-8")
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true", "--server.port",
             str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).close()
                    break
                except OSError:
                    time.sleep(0.2)
            return [settle_cpu(chromium, f"http://127.0.0.1:{port}/", "bare", timeout_s) for _ in range(times)]
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def report(page: str, runs: list[Load]) -> None:
    """One line: the median time and main-thread CPU, each time, and when Plotly took over."""
    line = (f"   /{page:<9} {statistics.median(x.seconds for x in runs):6.2f} s   (main thread "
            f"{statistics.median(x.cpu for x in runs):.2f} s CPU)")
    if len(runs) > 1:
        line += "   each: " + " ".join(f"{x.seconds:.2f}" for x in runs)
    if page == "timeline":
        line += f"   the Plotly chart {statistics.median(x.plotly for x in runs):.2f} s after the click"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--pages", default="timeline,step4")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--repeat", type=int, default=5, help="loads of each page of the example")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, StreamlitServer(Path(tmp)) as server, sync_playwright() as pw:
        chromium = browser.launch(pw)
        bare = floor(chromium, args.timeout)
        print("-- the floor: a bare Streamlit page")
        report("bare", bare)
        _, tokens = create_demo(server.store, "Bench")
        print(f"-- the example project (fresh server: the first page is the first load); each page "
              f"{args.repeat} times, in turns: the median, and each time")
        found: dict[str, list[Load]] = {page: [] for page in PAGES}
        for _ in range(args.repeat):  # in turns, so that a busy moment of the machine hits all pages alike
            for page in PAGES:
                found[page].append(settle_cpu(chromium, f"{server.url}/{page}?k={tokens['owner']}&n=Bench", page,
                                              args.timeout))
        for page, runs in found.items():
            report(page, runs)
        for size in [int(x) for x in args.sizes.split(",") if x]:
            token = big_project(server.store, size)
            print(f"-- {size} tasks")
            for page in args.pages.split(","):
                report(page, [settle_cpu(chromium, f"{server.url}/{page}?k={token}&n=Bench", page, args.timeout)])
        chromium.close()


if __name__ == "__main__":
    main()
