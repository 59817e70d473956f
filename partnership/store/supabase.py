"""The Supabase transport: the ``ps_*`` functions (partnership/store/rpc.py) called through
supabase-py's RPC over Supabase's Data API, with the publishable/anon key.

- Reads (and the idempotent heartbeat) are tried up to three times on transport
  failures and 5xx answers. Writes are repeated only when the request cannot have
  reached the database (no connection, or PostgREST could not get one).
- A write tells the commit listeners without a revision: the live hub asks for it
  (Supabase's Data API carries no notifications; the hub's batched check does).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx
from postgrest.exceptions import APIError
from supabase import Client, ClientOptions, SupabaseException, create_client

from partnership.errors import StorageError
from partnership.store.rpc import RpcStore
from partnership.store.rpc_wire import NOT_RUN, UNREACHABLE, UNSURE, transient, translate, unsendable

TRIES = 3
"""Attempts for a read (or a write that cannot have arrived) before giving up."""

BACKOFF_S = (0.25, 0.75)
"""Pause before the second and third attempt."""


class SupabaseStore(RpcStore):
    """The Store contract on a Supabase project (``url`` and its publishable/anon ``key``)."""

    backend = "supabase"

    def __init__(self, url: str, key: str, *, timeout: float = 10.0, schema: str = "public") -> None:
        self.url = url
        self._http = httpx.Client(timeout=timeout)
        try:
            self._client: Client = create_client(url, key, options=ClientOptions(
                schema=schema, httpx_client=self._http, postgrest_client_retry=False, auto_refresh_token=False,
                persist_session=False))
        except SupabaseException as exc:
            self._http.close()
            raise StorageError(f"The Supabase settings are not usable: {exc.message}") from exc
        self._client.postgrest  # noqa: B018 - create the REST client now, not racily in two threads
        self._closed = threading.Event()

    def close(self) -> None:
        """Close the HTTP connections (the store is unusable afterwards)."""
        self._closed.set()
        self._http.close()

    def _call(self, fn: str, params: dict[str, Any], *, read: bool, headers: dict[str, str] | None = None) -> Any:
        for attempt in range(1, TRIES + 1):
            try:
                call = self._client.rpc(fn, params)
                for name, value in (headers or {}).items():
                    call.request.headers[name] = value
                return call.execute().data
            except APIError as exc:
                code = exc.code or ""
                again = transient(code) if read else code in NOT_RUN
                if again and attempt < TRIES:
                    time.sleep(BACKOFF_S[attempt - 1])
                    continue
                raise translate(code, exc.message or "", exc.details, write=not read) from exc
            except httpx.TransportError as exc:
                never_sent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
                if (read or never_sent) and attempt < TRIES and not self._closed.is_set():
                    time.sleep(BACKOFF_S[attempt - 1])
                    continue
                if read or never_sent:
                    raise StorageError(UNREACHABLE) from exc
                raise StorageError(UNSURE, code="storage_unsure") from exc
            except httpx.HTTPError as exc:
                raise StorageError(UNREACHABLE) from exc
            except (TypeError, ValueError) as exc:  # UnicodeEncodeError included
                raise unsendable(exc) from exc
        raise StorageError(UNREACHABLE)  # pragma: no cover - the loop always returns or raises
