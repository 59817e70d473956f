"""Lighthouse (mobile preset: simulated slow 4G, 4x slower CPU) on the example project's
pages beside a bare Streamlit page. Prints a table; asserts nothing.

    .venv/bin/python bench/bench_lighthouse.py [--runs 1] [--pages overview,step4,step5,timeline]
        [--against /path/to/other/checkout] [--desktop]

Lighthouse is the npm package ``lighthouse`` 12.2.3 (13.x wants Node 22), installed once
beside this script, never into the project's package.json that the tests install:

    mkdir -p bench/.lighthouse && cd bench/.lighthouse \
      && echo '{"private":true}' > package.json && npm i -E lighthouse@12.2.3

It drives the system Chromium (``CHROME_PATH``, default /usr/bin/chromium). The app runs
from a fresh store (tests/support/streamlit_server.py, a free port, stopped by its pid)
with the example project (``partnership.demo.create_demo`` on the same store); the floor
is bench/bare_page.py on its own server; a second floor is the same page served as the
app serves its files (bench/bare_app.py: compressed, the icon font cut). Each run is a
first visit, as a volunteer's first tap on a link is: no cookie, so the page asks for the
name (the name box). The
overview is opened the way every link opens it, at the app's root (``/?k=<token>``).
Targets (issue 24): every page's performance at least the floor's, total
blocking time at most 200 ms, bytes at most 1.25x the floor's, accessibility and best
practices 1.0. ``--runs`` is a number of rounds, each running the floor and every page
once (interleaved, so the shared machine's load falls on all alike); each figure is the
median. ``--against`` runs each page also from another checkout (``git worktree add
--detach /tmp/before main``) on a second server of the same database, in the same round:
a before/after comparison. ``--desktop`` uses Lighthouse's desktop preset instead (1,350 px
wide, no CPU or network throttling): where the sidebar and the top menu are shown, and
what a volunteer at a laptop sees move while the page loads. Each report is kept
under bench/out/lighthouse/<time>/ (the failed audits are printed below the table).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from partnership.demo import create_demo  # noqa: E402
from tests.support.streamlit_server import StreamlitServer, free_port  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
OUT = ROOT / "bench" / "out" / "lighthouse" / time.strftime("%Y%m%d-%H%M%S")
BARE = ROOT / "bench" / "bare_page.py"
BARE_SERVED = ROOT / "bench" / "bare_app.py"
"""The same bare page, served as our pages' files are (compressed, the icon font cut)."""
PAGES = {"overview": "owner", "step4": "partner", "step5": "owner", "timeline": "owner"}
"""The pages measured and whose link opens each."""
ADDRESS = {"overview": ""}
"""A page's address where it is not its name: the overview is where a link lands."""
CATEGORIES = ("performance", "accessibility", "best-practices")


class Figures(NamedTuple):
    performance: float
    lcp_ms: float
    tbt_ms: float
    cls: float
    kib: float
    accessibility: float
    best_practices: float
    failed: tuple[str, ...]
    """Accessibility and best-practice audits that did not pass."""


def lighthouse(url: str, name: str, preset: tuple[str, ...] = ()) -> Figures:
    """One Lighthouse run on ``url`` (``preset``: extra flags, ``--preset=desktop``); the report
    is kept as bench/out/lighthouse/<time>/<name>.json."""
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"{name}.json"
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(CATEGORIES)}", "--chrome-flags=--headless=new --no-sandbox", *preset],
        env=env, check=True, timeout=300)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    cats, audits = report["categories"], report["audits"]
    failed = tuple(
        f"{cat}: {ref['id']}" for cat in ("accessibility", "best-practices") for ref in cats[cat]["auditRefs"]
        if ref.get("weight") and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1)
    return Figures(cats["performance"]["score"] or 0.0, audits["largest-contentful-paint"]["numericValue"],
                   audits["total-blocking-time"]["numericValue"],
                   audits["cumulative-layout-shift"]["numericValue"],
                   audits["total-byte-weight"]["numericValue"] / 1024,
                   cats["accessibility"]["score"] or 0.0, cats["best-practices"]["score"] or 0.0, failed)


def median(runs: list[Figures]) -> Figures:
    cols = list(zip(*(r[:7] for r in runs), strict=True))
    failed = tuple(dict.fromkeys(x for r in runs for x in r.failed))
    return Figures(*(statistics.median(c) for c in cols), failed)  # type: ignore[call-arg]


def bare_server(workdir: Path, script: Path = BARE) -> tuple[subprocess.Popen[bytes], str]:
    """A floor's own Streamlit server (same version and flags), healthy."""
    port = free_port()
    log = (workdir / f"{script.stem}.log").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true", "--server.port",
         str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).close()
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("the bare page's server did not start")


def demo_links(server: StreamlitServer) -> dict[str, str]:
    """The example project, created on the server's own store; role -> token."""
    return dict(create_demo(server.store, "Bench")[1])


def row(name: str, f: Figures, floor: Figures | None) -> str:
    ratio = f" ({f.kib / floor.kib:.2f}x)" if floor else ""
    return (f"| {name} | {f.performance:.2f} | {f.lcp_ms / 1000:.1f} s | {f.tbt_ms:,.0f} ms | {f.cls:.3f} | "
            f"{f.kib:,.0f} KiB{ratio} | {f.accessibility:.2f} | {f.best_practices:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=1, help="rounds (each page once per round; the median is printed)")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--against", type=Path, default=None,
                        help="another checkout (e.g. a worktree of main): its app runs on a second server of "
                             "the same database and each page is measured there too, in the same round")
    parser.add_argument("--desktop", action="store_true", help="Lighthouse's desktop preset (default: mobile)")
    args = parser.parse_args()
    preset = ("--preset=desktop",) if args.desktop else ()
    if not LIGHTHOUSE.exists():
        sys.exit(f"Lighthouse is not installed at {LIGHTHOUSE} (see this file's docstring)")
    if args.against and not (args.against / "app.py").exists():
        sys.exit(f"no app.py in {args.against}")
    pages = args.pages.split(",")
    runs: dict[str, list[Figures]] = {}
    floor_name = "bare Streamlit page (the floor)"
    served_name = "bare page, served as ours (compressed, icon font cut)"
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        proc, bare_url = bare_server(Path(tmp))
        stack.callback(proc.wait, timeout=30)
        stack.callback(proc.terminate)
        served, served_url = bare_server(Path(tmp), BARE_SERVED)
        stack.callback(served.wait, timeout=30)
        stack.callback(served.terminate)
        server = stack.enter_context(StreamlitServer(Path(tmp) / "app"))
        tokens = demo_links(server)
        servers = [("", server)]
        if args.against:
            other = StreamlitServer(Path(tmp) / "against", database=server.database, root=args.against)
            servers.append((f" [{args.against.name}]", stack.enter_context(other)))
        # Rounds: the floor and every page once per round, so a busy spell of the shared
        # machine falls on all of them alike.
        for i in range(args.runs):
            runs.setdefault(floor_name, []).append(lighthouse(bare_url + "/", f"bare-{i}", preset))
            runs.setdefault(served_name, []).append(lighthouse(served_url + "/", f"bare-served-{i}", preset))
            for page in pages:
                role = PAGES.get(page, "owner")
                for tag, srv in servers:
                    name = f"{page} ({role}){tag}"
                    slug = f"{page}{'-against' if tag else ''}-{i}"
                    url = f"{srv.url}/{ADDRESS.get(page, page)}?k={tokens[role]}"
                    runs.setdefault(name, []).append(lighthouse(url, slug, preset))
    found = {name: median(figures) for name, figures in runs.items()}
    floor = found[floor_name]
    print("| page | performance | LCP | total blocking | CLS | bytes | accessibility | best practices |")
    print("|---|---|---|---|---|---|---|---|")
    for name, figures in found.items():
        print(row(name, figures, None if figures is floor else floor))
    for name, figures in found.items():
        for audit in figures.failed:
            print(f"  {name}: {audit}")
    if args.runs > 1:
        print("each round (performance / total blocking ms):")
        for name, each in runs.items():
            print(f"  {name}: " + ", ".join(f"{f.performance:.2f}/{f.tbt_ms:.0f}" for f in each))


if __name__ == "__main__":
    main()
