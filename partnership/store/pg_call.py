"""Calling a SQL function with named arguments from one JSON object, the way PostgREST
does for ``POST /rest/v1/rpc/<fn>``: PostgreSQL turns the JSON into typed values itself
(``json_to_record``), so both transports of partnership/store/rpc.py see the same
conversions and the same errors (a NUL character is 22P05, a non-number 22P02, ...).

Used by the psycopg transport (partnership/store/postgres.py) and by the tests'
PostgREST-compatible server (tests/support/rpc_server.py).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql


@dataclass(frozen=True)
class Function:
    """One SQL function's signature."""

    schema: str
    name: str
    args: dict[str, str]  # name -> SQL type, in declaration order
    required: frozenset[str]
    returns_void: bool
    returns_set: bool


class Catalog:
    """The signatures of a schema's functions, looked up once per name (thread-safe)."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], list[Function]] = {}
        self._lock = threading.Lock()

    def lookup(self, conn: psycopg.Connection[Any], schema: str, name: str) -> list[Function]:
        key = (schema, name)
        with self._lock:
            if key in self._found:
                return self._found[key]
        rows = conn.execute(
            """
            select coalesce(p.proargnames, '{}'), array(select format_type(t, null) from unnest(p.proargtypes) t),
                   p.pronargs, p.pronargdefaults, p.prorettype = 'void'::regtype, p.proretset,
                   coalesce(p.proargmodes, '{}')
            from pg_proc p join pg_namespace n on n.oid = p.pronamespace
            where n.nspname = %s and p.proname = %s and p.prokind = 'f'
            """,
            (schema, name),
        ).fetchall()
        found = []
        for argnames, argtypes, nargs, ndefaults, void, retset, modes in rows:
            if modes and any(m not in ("i", "b") for m in modes):
                continue  # OUT/TABLE arguments: not supported
            names = list(argnames[:nargs])
            found.append(Function(schema, name, dict(zip(names, argtypes, strict=True)),
                                  frozenset(names[: nargs - ndefaults]), bool(void), bool(retset)))
        with self._lock:
            self._found[key] = found
        return found

    def choose(self, conn: psycopg.Connection[Any], schema: str, name: str, params: dict[str, Any]) -> Function | None:
        """The one function ``params`` can call, or None (none, or more than one, fits)."""
        fits = [f for f in self.lookup(conn, schema, name) if f.required <= params.keys() <= f.args.keys()]
        return fits[0] if len(fits) == 1 else None


def query(fn: Function, params: dict[str, Any]) -> tuple[sql.Composed, tuple[str, ...]]:
    """The statement that calls ``fn`` with ``params`` and returns its answer as JSON text,
    and its one argument (the params as JSON), PostgREST-style."""
    names = [n for n in fn.args if n in params]
    call = sql.SQL("{}.{}({})").format(
        sql.Identifier(fn.schema), sql.Identifier(fn.name),
        sql.SQL(", ").join(sql.SQL("{} => _.{}").format(sql.Identifier(n), sql.Identifier(n)) for n in names))
    source = (sql.SQL(" from json_to_record({}::json) as _({})").format(
        sql.Placeholder(), sql.SQL(", ").join(sql.SQL("{} {}").format(sql.Identifier(n), sql.SQL(fn.args[n]))
                                              for n in names))
        if names else sql.SQL(""))
    if fn.returns_set:
        statement = sql.SQL("select coalesce(json_agg(r), '[]')::text from (select {}{}) s(r)").format(call, source)
    elif fn.returns_void:
        statement = sql.SQL("select {}{}").format(call, source)
    else:
        statement = sql.SQL("select to_json({})::text{}").format(call, source)
    body = json.dumps({n: params[n] for n in names}, ensure_ascii=False)
    return statement, ((body,) if names else ())


def run(conn: psycopg.Connection[Any], fn: Function, params: dict[str, Any], *, role: str,
        statement_timeout: str, lock_timeout: str | None = None, schema: str = "public",
        headers: dict[str, str] | None = None) -> str | None:
    """Call ``fn`` in one transaction as ``role`` (as PostgREST impersonates the key's
    role) with ``statement_timeout`` (and ``lock_timeout``: how long to wait for another
    writer); the answer as JSON text (None for void). ``headers`` (lower-case names) are
    what the function reads as ``request.headers``, as PostgREST passes a request's."""
    statement, args = query(fn, params)
    with conn.transaction():
        if headers:
            conn.execute("select set_config('request.headers', %s, true)",
                         (json.dumps({k.lower(): v for k, v in headers.items()}),))
        conn.execute(sql.SQL("set local role {}").format(sql.Identifier(role)))
        conn.execute(sql.SQL("set local statement_timeout = {}").format(sql.Literal(statement_timeout)))
        if lock_timeout is not None:
            conn.execute(sql.SQL("set local lock_timeout = {}").format(sql.Literal(lock_timeout)))
        conn.execute(sql.SQL("set local search_path = {}").format(sql.Identifier(schema)))
        row = conn.execute(statement, args).fetchone()
    if fn.returns_void:
        return None
    return row[0] if row is not None and row[0] is not None else "null"
