"""A small PostgREST-compatible RPC server for tests, on loopback.

It serves ``POST /rest/v1/rpc/<function>`` the way Supabase's Data API does, as far as
the Supabase store uses it:

- the ``apikey`` header must be present (Supabase's gateway answers 401 without it) and,
  when the server is given a key (the session's server is: ``TEST_ANON_KEY``), be that
  key; an ``Authorization: Bearer`` header must carry the same key (supabase-py sends
  the anon key there; Supabase checks it as a JWT);
- it connects as ``authenticator`` (no rights of its own) and the functions are owned
  by ``postgres``, which is not a superuser - as on Supabase (tests.support.postgres);
- the JSON body's keys are the function's named arguments; they are turned into typed
  values by PostgreSQL itself (``json_to_record``), as PostgREST does, so the same
  conversion errors come back (a NUL character is 22P05, a non-number 22P02, ...);
- each call runs in its own transaction as role ``anon`` (``SET LOCAL ROLE anon``)
  with anon's statement timeout, like PostgREST impersonating the anon key's role;
- the answer is the function's result as JSON; an error is PostgREST's JSON body
  ``{"code", "message", "details", "hint"}`` with PostgREST's HTTP status for the
  SQLSTATE (P0001 400, 23505/23503 409, 42501 401, 42883/42P01 404, 40xxx 500,
  PTnnn nnn, other 400), and an unknown function is PGRST202/404.

It counts requests (``requests``, ``calls``) for the benchmark.

What it still does not do (a real Supabase project does): verify JWTs (signature, expiry,
the ``role`` claim) - a key is compared as a plain string; rate limits and request size
limits of the gateway; connection pooling through Supavisor (each request here takes a
direct connection); PostgREST's schema cache (functions are looked up per name, once);
GET/HEAD RPC calls, ``Prefer`` headers, and answers other than JSON; HTTPS.
"""

from __future__ import annotations

import json
import queue
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import psycopg
import pytest
from psycopg.pq import TransactionStatus

from partnership.store import pg_call
from tests.support.postgres import AUTHENTICATOR, postgres_for

SUPABASE_ANON_STATEMENT_TIMEOUT = "3s"
TEST_ANON_KEY = "test-anon-key"
"""The key the session's server accepts (tests and benchmarks send it as the anon key)."""


def status_for(code: str, *, authenticated: bool = False) -> int:
    """PostgREST's HTTP status for a SQLSTATE (docs.postgrest.org, "Errors")."""
    if code.startswith("PT") and code[2:].isdigit():
        return int(code[2:])
    exact = {"23503": 409, "23505": 409, "25006": 405, "53400": 500, "P0001": 400, "42883": 404, "42P01": 404,
             "42P17": 500, "42501": 403 if authenticated else 401}
    if code in exact:
        return exact[code]
    prefix = {"08": 503, "09": 500, "0L": 403, "0P": 403, "25": 500, "28": 403, "2D": 500, "38": 500, "39": 500,
              "3B": 500, "40": 500, "53": 503, "54": 500, "55": 500, "57": 500, "58": 500, "F0": 500, "HV": 500,
              "P0": 500, "XX": 500}
    return prefix.get(code[:2], 400)


class _Pool:
    """Reusable connections (a new one when none is idle); broken ones are dropped."""

    def __init__(self, conninfo: str) -> None:
        self.conninfo = conninfo
        self._idle: queue.LifoQueue[psycopg.Connection] = queue.LifoQueue()
        self._all: list[psycopg.Connection] = []
        self._lock = threading.Lock()

    def acquire(self) -> psycopg.Connection:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            conn = psycopg.connect(self.conninfo)
            with self._lock:
                self._all.append(conn)
            return conn

    def release(self, conn: psycopg.Connection) -> None:
        if conn.closed or conn.info.transaction_status != TransactionStatus.IDLE:
            conn.close()
            return
        self._idle.put(conn)

    def close(self) -> None:
        with self._lock:
            conns, self._all = self._all, []
        for conn in conns:
            conn.close()


class RpcServer:
    """``with RpcServer(conninfo) as server: SupabaseStore(server.url, "key")``."""

    def __init__(self, conninfo: str, *, role: str = "anon", schemas: tuple[str, ...] = ("public",),
                 api_key: str | None = None, statement_timeout: str = SUPABASE_ANON_STATEMENT_TIMEOUT) -> None:
        self.role = role
        self.schemas = schemas
        self.api_key = api_key
        self.statement_timeout = statement_timeout
        self._pool = _Pool(conninfo)
        self._catalog = pg_call.Catalog()
        self._count_lock = threading.Lock()
        self.requests = 0
        self.calls: Counter[str] = Counter()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name="rpc-server",
                                        daemon=True)
        self._started = False

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The "project URL" to give supabase-py (it appends /rest/v1)."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> RpcServer:
        if not self._started:
            self._thread.start()
            self._started = True
        return self

    def stop(self) -> None:
        if self._started:
            self._httpd.shutdown()
            self._thread.join(timeout=10)
            self._started = False
        self._httpd.server_close()
        self._pool.close()

    def __enter__(self) -> RpcServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset_counts(self) -> None:
        with self._count_lock:
            self.requests = 0
            self.calls.clear()

    def _count(self, name: str) -> None:
        with self._count_lock:
            self.requests += 1
            self.calls[name] += 1

    # -- calling ------------------------------------------------------------------------

    def call(self, schema: str, name: str, body: bytes,
             headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        """Run one RPC; returns the HTTP status and the JSON body. ``headers`` are the
        request's, which the function reads as ``request.headers`` (as PostgREST does)."""
        try:
            params = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (UnicodeDecodeError, ValueError) as exc:
            return 400, _error("PGRST102", "Empty or invalid json", str(exc))
        if not isinstance(params, dict):
            return 400, _error("PGRST102", "Only a JSON object body is supported here", None)
        conn = self._pool.acquire()
        try:
            candidates = [f for f in self._catalog.lookup(conn, schema, name)
                          if f.required <= params.keys() <= f.args.keys()]
            conn.rollback()
            if not candidates:
                return 404, _error(
                    "PGRST202",
                    f"Could not find the function {schema}.{name}({', '.join(sorted(params))}) in the schema cache",
                    None, "If a new function was created in the database with this name and parameters, "
                    "try reloading the schema cache.")
            if len(candidates) > 1:
                return 300, _error("PGRST203", f"Could not choose the best candidate function {schema}.{name}", None)
            return self._run(conn, candidates[0], params, body, headers)
        except psycopg.Error as exc:
            diag = exc.diag
            code = diag.sqlstate or "PGRST000"
            status = status_for(code) if diag.sqlstate else 503
            return status, _error(code, diag.message_primary or str(exc), diag.message_detail, diag.message_hint)
        finally:
            self._pool.release(conn)

    def _run(self, conn: psycopg.Connection, fn: pg_call.Function, params: dict[str, Any],
             body: bytes, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        answer = pg_call.run(conn, fn, params, role=self.role, statement_timeout=self.statement_timeout,
                             schema=self.schemas[0], headers=headers)
        if answer is None:
            return 204, b""
        return 200, answer.encode("utf-8")


def _error(code: str, message: str, details: str | None, hint: str | None = None) -> bytes:
    return json.dumps({"code": code, "message": message, "details": details, "hint": hint},
                      ensure_ascii=False).encode("utf-8")


def _handler_for(server: RpcServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms delayed-ACK stall

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            pass

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            if body:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def do_POST(self) -> None:  # noqa: N802 - stdlib name
            body = self._body()
            path = self.path.split("?", 1)[0]
            prefix = "/rest/v1/rpc/"
            server._count(path.removeprefix(prefix) if path.startswith(prefix) else path)
            key = self.headers.get("apikey")
            if not key:
                self._send(401, json.dumps({"message": "No API key found in request",
                                            "hint": "No `apikey` request header or url param was found."}).encode())
                return
            if server.api_key is not None and key != server.api_key:
                self._send(401, json.dumps({"message": "Invalid API key",
                                            "hint": "Double check your Supabase `anon` or `service_role` API key."}
                                           ).encode())
                return
            bearer = self.headers.get("Authorization")
            if server.api_key is not None and bearer is not None and bearer != f"Bearer {server.api_key}":
                self._send(401, _error("PGRST301", "No suitable key or wrong key type", None))
                return
            if not path.startswith(prefix) or "/" in path.removeprefix(prefix):
                self._send(404, _error("PGRST125", f"Invalid path specified in request URL: {path}", None))
                return
            schema = self.headers.get("Content-Profile") or server.schemas[0]
            if schema not in server.schemas:
                self._send(406, _error("PGRST106", f"The schema must be one of the following: "
                                                   f"{', '.join(server.schemas)}", None))
                return
            status, payload = server.call(schema, path.removeprefix(prefix), body,
                                          {k.lower(): v for k, v in self.headers.items()})
            self._send(status, payload)

        def _not_allowed(self) -> None:
            self._body()
            server._count(self.path.split("?", 1)[0])
            self._send(405, _error("PGRST101", "Only POST is supported by this test server", None))

        do_GET = do_PUT = do_PATCH = do_DELETE = _not_allowed  # noqa: N815

    return Handler


_SERVER = pytest.StashKey[RpcServer]()


def rpc_server_for(config: pytest.Config) -> RpcServer:
    """The session's RPC server on the session's PostgreSQL (tests.support.postgres):
    started on first use, stopped when the session ends (before the cluster)."""
    found = config.stash.get(_SERVER, None)
    if found is None:
        cluster = postgres_for(config)
        found = RpcServer(cluster.conninfo(user=AUTHENTICATOR), api_key=TEST_ANON_KEY).start()
        config.stash[_SERVER] = found
        config.add_cleanup(found.stop)
    return found
