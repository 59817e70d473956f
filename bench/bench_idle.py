"""Store calls while nobody writes: two app processes (``streamlit run app.py`` as
``make run`` starts it) on one data folder, a step-4 tab open on each, counted in each
process for ``--seconds`` after 3 s of quiet. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_idle.py [--runs 3] [--tabs 1] [--seconds 10] [--root DIR]

The calls are counted inside the app processes by bench/store_calls/sitecustomize.py
(PYTHONPATH): every public method of every Store class, once per outermost call - the
same count on any checkout, so ``--root`` (another checkout, e.g. the commit before the
PostgreSQL engine, whose two processes shared one SQLite file) is counted alike. Target
(issue 22): no revision checks while nobody writes (presence heartbeats remain, one
batched call per process every 5 s while a tab is open).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_start import app, app_env, data_folder, stop_engine  # noqa: E402
from tests.support import browser  # noqa: E402

COUNTER = Path(__file__).resolve().parent / "store_calls"
FIELD = ".st-key-f_s4_vision"


def calls_env(prefix: str) -> dict[str, str]:
    """Environment that makes an app process count its store calls into ``prefix``.*.json."""
    path = os.environ.get("PYTHONPATH", "")
    return {"PS_BENCH_CALLS": prefix, "PYTHONPATH": f"{COUNTER}{os.pathsep}{path}" if path else str(COUNTER)}


def read_calls(prefix: str) -> Counter[str]:
    """The calls counted so far by every process writing to ``prefix``, by method."""
    found: Counter[str] = Counter()
    folder, name = Path(prefix).parent, Path(prefix).name
    for path in folder.glob(f"{name}.*.json"):
        with contextlib.suppress(OSError, ValueError):
            found.update(json.loads(path.read_text(encoding="utf-8")))
    return found


def create_project(root: Path, env: dict[str, str]) -> dict[str, str]:
    """A project made through the checkout's own ``open_store()``; its tokens."""
    code = ("import json; from partnership.store import open_store; s = open_store(); "
            "_, t = s.create_project('Tomgang', 'Boldklubben', 'Anna'); print(json.dumps(t)); "
            "getattr(s, 'close', lambda: None)()")
    out = subprocess.run([str(root / ".venv/bin/python"), "-c", code], cwd=root, env=env, capture_output=True,
                         text=True, check=True, timeout=300)
    tokens: dict[str, str] = json.loads(out.stdout.strip().splitlines()[-1])
    return tokens


def one_run(pw: object, root: Path, tabs: int, seconds: float) -> Counter[str]:
    """Calls per method in ``seconds`` of quiet, summed over both processes."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-idle-"))
    try:
        data = data_folder(tmp, "data")
        prefix = str(tmp / "calls")
        tokens = create_project(root, app_env(data))
        env = app_env(data, calls_env(prefix))
        chromium = browser.launch(pw)  # type: ignore[arg-type]
        try:
            with app(root, env, tmp / "one.log") as (_, one), app(root, env, tmp / "two.log") as (_, two):
                for port in (one, two):
                    for n in range(tabs):
                        page = chromium.new_context(viewport={"width": 1280, "height": 1200}).new_page()
                        who = ("owner", "Anna") if n % 2 == 0 else ("partner", "Ole")
                        browser.open_page(page, f"http://127.0.0.1:{port}/step4?k={tokens[who[0]]}&n={who[1]}",
                                          FIELD, timeout=60_000)
                time.sleep(3)
                before = read_calls(prefix)
                started = time.perf_counter()
                time.sleep(seconds)
                elapsed = time.perf_counter() - started
                found = read_calls(prefix)
                found.subtract(before)
                return Counter({name: n / elapsed * seconds for name, n in found.items() if n})
        finally:
            chromium.close()
            stop_engine(data)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tabs", type=int, default=1, help="step-4 tabs open on each process")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to start (default: this one)")
    args = parser.parse_args()
    root = args.root.resolve()
    from playwright.sync_api import sync_playwright

    print(f"{root}; two processes, {args.tabs} tab(s) on each, {args.seconds:.0f} s of quiet; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    totals = []
    with sync_playwright() as pw:
        for n in range(args.runs):
            found = one_run(pw, root, args.tabs, args.seconds)
            total = sum(found.values())
            totals.append(total)
            print(f"  run {n + 1}: {total:.1f} store calls in {args.seconds:.0f} s "
                  f"({total / args.seconds:.2f} per second): "
                  + ", ".join(f"{name} {count:.0f}" for name, count in sorted(found.items())), flush=True)
    print(f"median {statistics.median(totals):.1f} store calls in {args.seconds:.0f} s of quiet "
          f"({statistics.median(totals) / args.seconds:.2f} per second, both processes together)")


if __name__ == "__main__":
    main()
