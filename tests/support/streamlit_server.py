"""A real Streamlit server for browser tests and benchmarks.

``StreamlitServer`` runs ``streamlit run app.py`` on a free loopback port with a database
of its own in the tests' embedded PostgreSQL (``PARTNERSHIP_DATABASE_URL``; or the one
given, which another server may share), waits until ``/_stcore/health`` answers, and
stops the process it started (by its own pid) and waits for it to exit, so the port can
be reused. Tests and benchmarks create projects through the store API on the same
database (``server.store``, ``server.database``).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

import psycopg

from partnership.store.postgres import PostgresStore
from tests.support.engine import shared

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class StreamlitServer:
    """``with StreamlitServer(tmp_dir) as server:`` - ``server.url``, ``server.store``."""

    def __init__(self, workdir: Path, poll_s: float = 1.0, startup_timeout: float = 30.0,
                 extra_args: tuple[str, ...] = (), base_path: str = "", env: dict[str, str] | None = None,
                 database: str | None = None, root: Path | None = None) -> None:
        self.workdir = Path(workdir)
        self.root = Path(root) if root else ROOT
        """The checkout whose app.py is served (another worktree's, to compare two versions)."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.database = database or shared().fresh_database("app")
        """The database's URL (another server may share it: two app processes, one database)."""
        self.poll_s = poll_s
        self.startup_timeout = startup_timeout
        self.extra_args = extra_args
        self.base_path = base_path.strip("/")
        """Served under ``/<base_path>`` (``--server.baseUrlPath``) when set."""
        self.env = dict(env or {})
        """Extra environment for the server (e.g. PARTNERSHIP_LIVE_EVENTS=0)."""
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.workdir / "streamlit.log"
        self.store = PostgresStore(self.database)
        self.fresh = True
        """True until a browser has opened a page of this server process."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}" + (f"/{self.base_path}" if self.base_path else "")

    def start(self, port: int | None = None) -> StreamlitServer:
        """Start the server on ``port`` (a free one when None) and wait until it is healthy."""
        self.port = port or free_port()
        env = {
            **os.environ,
            "PARTNERSHIP_DATABASE_URL": self.database,
            "PARTNERSHIP_POLL_S": str(self.poll_s),
        }
        # Links are built from the address the browser used, never from a setting.
        env.pop("PARTNERSHIP_BASE_URL", None)
        env["PARTNERSHIP_REMIND_EVERY"] = "0"  # the app's own reminder runs: off unless a test's env turns it on
        for key in ("SUPABASE_URL", "SUPABASE_KEY"):
            env.pop(key, None)  # the database the test writes to, unless self.env names Supabase
        env.update(self.env)
        cmd = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
            *(("--server.baseUrlPath", self.base_path) if self.base_path else ()),
            *self.extra_args,
        ]
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        log.close()
        self._wait_healthy()
        self.fresh = True
        return self

    def _wait_healthy(self) -> None:
        assert self.proc is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy in {self.startup_timeout} s:\n{self.log()}")

    def stop(self) -> None:
        """Stop the process this object started and wait until it has exited."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    def sql(self, statement: str, params: tuple[object, ...] = ()) -> None:
        """Run a statement on the server's database as its owner (to break it, or to store
        what the app never would)."""
        with psycopg.connect(self.database, autocommit=True) as conn:
            conn.execute(statement, params)  # type: ignore[call-overload]

    def kill(self) -> None:
        """Kill the process this object started with SIGKILL (a crash: no shutdown of any
        kind) and wait until it has gone."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)

    def cpu_seconds(self) -> float:
        """CPU time (user + system) the server process has used so far."""
        assert self.proc is not None
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def restart(self, same_port: bool = False) -> StreamlitServer:
        """Stop and start again (on the same port when ``same_port``: the open pages
        reconnect by themselves, as after a redeploy)."""
        port = self.port
        self.stop()
        return self.start(port if same_port else None)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
        self.store.close()
