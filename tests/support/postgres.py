"""A throwaway PostgreSQL 15 cluster for tests, set up like a Supabase database.

``postgres_for(config)`` starts one cluster per pytest session (the first test that asks
starts it; ``config.add_cleanup`` stops it at the end), creates Supabase's API roles
(anon, authenticated, service_role) with Supabase's default privileges, and applies
every file in supabase/migrations in order, each in one transaction.

PostgreSQL refuses to run as root, and CI runs as root: initdb and pg_ctl then run as
user ``postgres`` through ``runuser -u postgres --``, in a temporary folder that user
owns. The server listens on 127.0.0.1 on a free port and on a Unix socket in that
folder, with fsync off. It is stopped by its own data directory (``pg_ctl stop -m
fast``, which signals the pid in postmaster.pid), never by name.

Without the PostgreSQL binaries the tests are skipped with the reason, except on CI
(``CI=true``), where they fail: a CI run must never pass by skipping them.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from partnership.store import engine

PG_BIN = Path(os.environ.get("PARTNERSHIP_PG_BIN", "/usr/lib/postgresql/15/bin"))
OS_USER = "postgres"
"""The operating-system user PostgreSQL runs as when the tests run as root."""
SUPERUSER = "supabase_admin"
"""The cluster's superuser, as on Supabase, where nobody else is one."""
MIGRATOR = "postgres"
"""Who applies the migrations and so owns every function: as on Supabase, the role
``postgres`` is not a superuser (SECURITY DEFINER functions run with its rights only)."""
AUTHENTICATOR = "authenticator"
"""The login the RPC server uses, like PostgREST: no rights of its own, may SET ROLE anon."""

# What a fresh Supabase project has before any migration of ours (simplified): the roles,
# and default privileges that hand every new table and function postgres makes in public
# to the API roles.
SUPABASE_BOOTSTRAP = """
create role postgres login createrole createdb replication bypassrls;
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit;
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
    grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
    grant all on sequences to anon, authenticated, service_role;
"""

# Per database: postgres may create its schemas and objects there.
DATABASE_GRANTS = """
grant all on database {db} to postgres;
grant all on schema public to postgres;
"""


class PostgresUnavailable(Exception):
    """The machine cannot run a throwaway PostgreSQL (binaries or user missing)."""


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def skip_or_fail(reason: str) -> None:
    """Skip the test with ``reason``; on CI fail it instead."""
    if _on_ci():
        pytest.fail(f"PostgreSQL tests cannot run on CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresCluster:
    """A running throwaway cluster. ``stop()`` shuts it down and removes its files."""

    base: Path
    port: int
    run_as: str | None
    log: Path
    stopped: bool = field(default=False)

    @property
    def data(self) -> Path:
        return self.base / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base

    def conninfo(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        return f"host={self.socket_dir} port={self.port} user={user} dbname={dbname}"

    def connect(self, dbname: str = "postgres", *, autocommit: bool = False,
                user: str = SUPERUSER) -> psycopg.Connection:
        return psycopg.connect(self.conninfo(dbname, user), autocommit=autocommit)

    @property
    def pid(self) -> int | None:
        """The postmaster's pid, from its own postmaster.pid."""
        try:
            return int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return None

    def create_database(self, name: str, *, migrate: bool = True) -> str:
        """A new database (roles are cluster-wide); with ``migrate`` the migrations applied."""
        with self.connect(autocommit=True) as conn:
            conn.execute(sql.SQL("create database {} template template0 encoding 'UTF8'").format(sql.Identifier(name)))
        with self.connect(name) as conn:
            grant_database(conn, name)
        if migrate:
            with self.connect(name, user=MIGRATOR) as conn:
                apply_migrations(conn)
        return name

    def stop(self) -> None:
        if self.stopped:
            return
        self.stopped = True
        pid = self.pid
        result = subprocess.run(
            _as(self.run_as, [str(PG_BIN / "pg_ctl"), "stop", "-D", str(self.data), "-m", "fast", "-w", "-t", "30"]),
            capture_output=True, text=True, check=False,
        )
        if result.returncode != 0 and pid is not None:
            # pg_ctl could not do it: a fast shutdown of our own postmaster by its pid.
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGINT)
            for _ in range(100):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.05)
        shutil.rmtree(self.base, ignore_errors=True)


def _as(user: str | None, argv: Sequence[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *argv] if user else list(argv)


def _check_machine() -> str | None:
    """The user to run PostgreSQL as (None: ourselves). PostgresUnavailable if impossible."""
    for tool in ("initdb", "pg_ctl", "postgres"):
        if not (PG_BIN / tool).is_file():
            raise PostgresUnavailable(f"PostgreSQL 15 server binaries not found in {PG_BIN} "
                                      "(Debian: apt-get install postgresql-15)")
    if os.geteuid() != 0:
        return None
    if shutil.which("runuser") is None:
        raise PostgresUnavailable("running as root, but runuser (util-linux) is missing")
    try:
        pwd.getpwnam(OS_USER)
    except KeyError:
        raise PostgresUnavailable("running as root, but there is no user 'postgres' to run PostgreSQL as") from None
    return OS_USER


def start_cluster(*, attempts: int = 3) -> PostgresCluster:
    """initdb and start a cluster on a free port. PostgresUnavailable if the machine can't."""
    run_as = _check_machine()
    base = Path(tempfile.mkdtemp(prefix="partnership-pg-", dir="/tmp" if run_as else None))
    if run_as:
        account = pwd.getpwnam(run_as)
        os.chown(base, account.pw_uid, account.pw_gid)
    os.chmod(base, 0o700)
    log = base / "server.log"
    try:
        _initdb(base / "data", run_as)
        last = ""
        for _ in range(attempts):
            port = _free_port()
            # synchronous_commit stays on (as on Supabase): a commit is durable when it answers.
            options = (f"-c fsync=off -c full_page_writes=off "
                       f"-c listen_addresses=127.0.0.1 -c port={port} -k {base} -c max_connections=60")
            result = subprocess.run(
                _as(run_as, [str(PG_BIN / "pg_ctl"), "start", "-D", str(base / "data"), "-l", str(log), "-w",
                             "-t", "60", "-o", options]),
                capture_output=True, text=True, check=False,
            )
            if result.returncode == 0:
                cluster = PostgresCluster(base, port, run_as, log)
                atexit.register(cluster.stop)
                return cluster
            last = result.stdout + result.stderr + (log.read_text() if log.exists() else "")
        raise RuntimeError(f"PostgreSQL did not start:\n{last}")
    except BaseException:
        shutil.rmtree(base, ignore_errors=True)
        raise


def _initdb(data: Path, run_as: str | None) -> None:
    base_cmd = [str(PG_BIN / "initdb"), "-D", str(data), "--auth=trust", "--no-sync", "-U", SUPERUSER,
                "--encoding=UTF8"]
    result = None
    for locale in (["--locale=C.UTF-8"], ["--no-locale"]):
        result = subprocess.run(_as(run_as, [*base_cmd, *locale]), capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return
        shutil.rmtree(data, ignore_errors=True)
    assert result is not None
    raise RuntimeError(f"initdb failed:\n{result.stdout}{result.stderr}")


def migration_files() -> list[Path]:
    return engine.migration_files()


def bootstrap_supabase_roles(conn: psycopg.Connection) -> None:
    """Create the roles once per cluster (roles are cluster-wide), and let postgres work
    in the connected database."""
    exists = conn.execute("select 1 from pg_roles where rolname = 'anon'").fetchone()
    if exists is None:
        conn.execute(SUPABASE_BOOTSTRAP)
    conn.commit()
    grant_database(conn, str(conn.info.dbname))


def grant_database(conn: psycopg.Connection, name: str) -> None:
    conn.execute(sql.SQL(DATABASE_GRANTS).format(db=sql.Identifier(name)))
    conn.commit()


def relax_creation_rate(conn: psycopg.Connection) -> None:
    """The test databases create hundreds of projects a minute: lift the creation rate
    limit there (tests/store/test_limits.py checks it in a database of its own)."""
    conn.execute("update partnership_private.limit_settings set value = 1000000"
                 " where name in ('create_per_minute', 'create_per_caller', 'create_per_source')")
    conn.commit()


def apply_migrations(conn: psycopg.Connection) -> None:
    """Every migration file in order, each in one transaction (as `supabase db push` does)."""
    for path in migration_files():
        with conn.transaction():
            conn.execute(path.read_bytes())
    conn.commit()


_CLUSTER = pytest.StashKey["PostgresCluster | BaseException"]()


def postgres_for(config: pytest.Config) -> PostgresCluster:
    """The session's cluster: started on first use with the migrations applied, stopped
    when the session ends. Skips (fails on CI) when PostgreSQL is unavailable."""
    found = config.stash.get(_CLUSTER, None)
    if found is None:
        try:
            cluster = start_cluster()
        except PostgresUnavailable as exc:
            config.stash[_CLUSTER] = exc
            skip_or_fail(str(exc))
            raise  # pragma: no cover - skip_or_fail raises
        config.add_cleanup(cluster.stop)
        try:
            with cluster.connect() as conn:
                bootstrap_supabase_roles(conn)
            with cluster.connect(user=MIGRATOR) as conn:
                apply_migrations(conn)
                relax_creation_rate(conn)
        except BaseException as exc:
            config.stash[_CLUSTER] = exc
            raise
        config.stash[_CLUSTER] = cluster
        return cluster
    if isinstance(found, PostgresUnavailable):
        skip_or_fail(str(found))
    if isinstance(found, BaseException):
        raise RuntimeError(f"the test PostgreSQL could not be set up: {found!r}") from found
    return found


@contextlib.contextmanager
def cluster_for_script() -> Iterator[PostgresCluster]:
    """A cluster with the migrations applied, for scripts (bench/) outside pytest."""
    cluster = start_cluster()
    try:
        with cluster.connect() as conn:
            bootstrap_supabase_roles(conn)
        with cluster.connect(user=MIGRATOR) as conn:
            apply_migrations(conn)
            relax_creation_rate(conn)
        yield cluster
    finally:
        cluster.stop()
