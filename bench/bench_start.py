"""How long ``make run`` takes to start: ``streamlit run app.py`` as the Makefile runs it,
on a data folder of its own (``PARTNERSHIP_DATA_DIR``, and ``PARTNERSHIP_DB`` for a
checkout from before issue 22), until ``/_stcore/health`` answers, and until a first
visitor's start page has finished its run in Chromium (the page's first run opens the
store: the embedded PostgreSQL starts, and on a fresh folder is made and migrated, there).
Prints figures; asserts nothing.

    .venv/bin/python bench/bench_start.py [--runs 5] [--root DIR] [--vs OTHER_DIR]

"fresh": a new, empty data folder each run; "existing": a folder a first start (not
counted) has made, with one project in it. The servers run with ``--server.headless
true`` (no browser to open, no e-mail prompt) on a free loopback port, and are stopped
by their own pid, each run's before the next one starts. ``--root`` serves another
checkout (its own .venv and app.py; e.g. the commit before the PostgreSQL engine) with
the same harness; ``--vs`` starts another checkout in turns with it. The machine is
shared: quote medians, and compare checkouts measured in turns (``--vs``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support import browser  # noqa: E402
from tests.support.streamlit_server import free_port  # noqa: E402


def app_env(data: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of ``make run`` with its data in ``data`` (either engine)."""
    env = {**os.environ, "PARTNERSHIP_DATA_DIR": str(data / "pg"), "PARTNERSHIP_DB": str(data / "partnership.db"),
           "STREAMLIT_LOGGER_LEVEL": "warning"}
    for key in ("PARTNERSHIP_DATABASE_URL", "SUPABASE_URL", "SUPABASE_KEY", "PARTNERSHIP_BASE_URL"):
        env.pop(key, None)
    env.update(extra or {})
    return env


def data_folder(parent: Path, name: str) -> Path:
    """A data folder the embedded engine's system user may enter (as root it runs the
    server as another user)."""
    folder = parent / name
    folder.mkdir()
    os.chmod(parent, 0o755)
    os.chmod(folder, 0o777)
    return folder


def launch(root: Path, env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """``make run``'s command (plus --server.headless true), in its own process group."""
    cmd = [str(root / ".venv/bin/streamlit"), "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.headless", "true"]
    with log.open("ab") as out:
        return subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def wait_healthy(proc: subprocess.Popen[bytes], port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.02)
    raise RuntimeError(f"not healthy within {timeout:.0f} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the process we started (by its pid) as Ctrl-C does in ``make run`` (SIGINT: the
    embedded engine is stopped at exit; under SIGTERM Streamlit dies without its exit
    handlers and the engine stays up) and wait for it."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def stop_engine(data: Path) -> bool:
    """Stop an embedded engine left running on ``data`` (by the pid in its postmaster.pid);
    True if one was left."""
    pidfile = data / "pg" / "postmaster.pid"
    try:
        pid = int(pidfile.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGINT)  # PostgreSQL's fast shutdown
    deadline = time.monotonic() + 30
    while pidfile.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return True


@contextlib.contextmanager
def app(root: Path, env: dict[str, str], log: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    port = free_port()
    proc = launch(root, env, port, log)
    try:
        wait_healthy(proc, port)
        yield proc, port
    finally:
        stop(proc)


def one_start(chromium: object, root: Path, data: Path, log: Path) -> tuple[float, float]:
    """Seconds until healthy, and until the start page's first run had finished."""
    port = free_port()
    started = time.perf_counter()
    proc = launch(root, app_env(data), port, log)
    try:
        wait_healthy(proc, port)
        healthy = time.perf_counter() - started
        context = chromium.new_context()  # type: ignore[attr-defined]
        try:
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/", timeout=120_000)
            page.wait_for_selector('[data-testid="stApp"]', timeout=120_000)
            browser.wait_idle(page, timeout=120_000)
            if page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count():
                print("      (the start page shows an error)")
            first = time.perf_counter() - started
        finally:
            context.close()
        return healthy, first
    finally:
        stop(proc)
        if stop_engine(data):
            print("      (the app left its embedded engine running; stopped)")


def line(label: str, values: list[float]) -> str:
    return (f"{label:<38} median {statistics.median(values):6.2f} s   (min {min(values):.2f}, max {max(values):.2f};"
            f" each: {' '.join(f'{v:.2f}' for v in values)})")


def make_existing(root: Path, data: Path, log: Path) -> None:
    """A first start on ``data`` (the engine's cluster made and migrated, or the SQLite
    file), and one project in it."""
    code = ("from partnership.store import open_store; s = open_store(); "
            "s.create_project('Start', 'Foreningen', 'Bench'); getattr(s, 'close', lambda: None)()")
    with log.open("ab") as out:
        subprocess.run([str(root / ".venv/bin/python"), "-c", code], cwd=root, env=app_env(data), stdout=out,
                       stderr=subprocess.STDOUT, check=True, timeout=300)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to start (default: this one)")
    parser.add_argument("--vs", type=Path, action="append", default=[],
                        help="another checkout, started in turns with --root (so a busy moment hits all alike)")
    args = parser.parse_args()
    roots = [r.resolve() for r in (args.root, *args.vs)]
    from playwright.sync_api import sync_playwright

    for root in roots:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
        print(f"{root} ({commit.stdout.strip()})")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the start")
    tmp = Path(tempfile.mkdtemp(prefix="bench-start-"))
    try:
        with sync_playwright() as pw:
            chromium = browser.launch(pw)
            log = tmp / "streamlit.log"
            existing = {}
            for k, root in enumerate(roots):
                existing[root] = data_folder(tmp, f"existing{k}")
                make_existing(root, existing[root], log)
                one_start(chromium, root, existing[root], log)  # a first start on it, not counted
            fresh: dict[Path, list[tuple[float, float]]] = {root: [] for root in roots}
            again: dict[Path, list[tuple[float, float]]] = {root: [] for root in roots}
            for n in range(args.runs):  # in turns, so a busy moment hits each alike
                for k, root in enumerate(roots):
                    fresh[root].append(one_start(chromium, root, data_folder(tmp, f"fresh{n}_{k}"), log))
                    again[root].append(one_start(chromium, root, existing[root], log))
            chromium.close()
        for root in roots:
            print(f"-- {root}")
            print(line("fresh folder: healthy", [h for h, _ in fresh[root]]))
            print(line("fresh folder: first page run done", [f for _, f in fresh[root]]))
            print(line("existing folder: healthy", [h for h, _ in again[root]]))
            print(line("existing folder: first page run done", [f for _, f in again[root]]))
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

if __name__ == "__main__":
    main()
