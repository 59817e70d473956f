"""The event stream of one open page: ``GET <base>/ps/events?k=<token>&s=<session>&l=<lang>``.

Server-Sent Events (``text/event-stream``), keyed by the link token - never by the
project id. The stream answers only for a valid, unrevoked token; anything else
(forged, revoked, malformed, unknown) gets the same empty 404 at once, without asking
the store for a malformed one, so nothing is learnt about any project. It sends:

- ``data: {"type": "state", "rev": n, "here": [...], "changes": [...]}`` at once and
  whenever the project's revision or its presence changes (from the process's live
  hub); when the revision moved on, with ``"views"``: the new content of the field views
  those changes touch (``field_view.pushed``, in the page's language ``l``), so that the
  tab need not fetch it;
- ``data: {"type": "gone"}`` and then closes, when the link was revoked or the project
  deleted;
- a comment line every ``KEEPALIVE_S`` so that dead connections are noticed.

Streams are bounded: ``PARTNERSHIP_STREAMS_PER_CLIENT`` per client address (default
64) and ``PARTNERSHIP_STREAMS_MAX`` per process (default 1000); beyond that the answer
is an empty 429. ``PARTNERSHIP_LIVE_EVENTS=0`` leaves the route out (the pages then
fall back to polling by themselves, as on a host that does not route custom paths).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from partnership import process
from partnership.errors import InvalidLink, PartnershipError
from partnership.i18n import DEFAULT_LANG, LANGS
from partnership.live.current import shared
from partnership.live.hub import Hub
from partnership.model import Access
from partnership.render import field_view
from partnership.store.base import hash_token
from partnership.web import clients

KEEPALIVE_S = 15.0
_SESSION_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def enabled() -> bool:
    """Whether the event route is served (PARTNERSHIP_LIVE_EVENTS, default on)."""
    return os.environ.get("PARTNERSHIP_LIVE_EVENTS", "1").strip().lower() not in ("0", "false", "no", "off")


def _limit(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, str(default))))
    except ValueError:
        return default


class Limits:
    """Open streams per client address and in all; ``take`` refuses beyond the bounds."""

    def __init__(self, per_client: int, total: int) -> None:
        self.per_client = per_client
        self.total = total
        self._lock = threading.Lock()
        self._by_client: dict[str, int] = {}
        self._open = 0

    def take(self, client: str) -> bool:
        with self._lock:
            if self._open >= self.total or self._by_client.get(client, 0) >= self.per_client:
                return False
            self._open += 1
            self._by_client[client] = self._by_client.get(client, 0) + 1
            return True

    def give_back(self, client: str) -> None:
        with self._lock:
            self._open -= 1
            left = self._by_client.get(client, 1) - 1
            if left > 0:
                self._by_client[client] = left
            else:
                self._by_client.pop(client, None)

    def open(self) -> int:
        with self._lock:
            return self._open


class Workers:
    """At most ``count`` requests doing their store work at once (one semaphore per event
    loop: a semaphore belongs to the loop it was made on)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._by_loop: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}

    def __call__(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        found = self._by_loop.get(loop)
        if found is None:
            found = self._by_loop[loop] = asyncio.Semaphore(self.count)
        return found


def refuse(status: int) -> Response:
    """The routes' one refusal: an empty answer that no cache keeps."""
    return Response(status_code=status, headers={"Cache-Control": "no-store"})


LIMITS = Limits(_limit("PARTNERSHIP_STREAMS_PER_CLIENT", 64), _limit("PARTNERSHIP_STREAMS_MAX", 1000))


def _make_hub() -> Hub:
    """The process's hub when a stream arrives before any page has run (a restarted
    server with pages still open): made as a page run would make it."""
    return process.hub()


_closers: set[Callable[[], None]] = set()  # one per open stream, called on the event loop
_watcher: asyncio.Task[None] | None = None


def _server_exiting() -> Callable[[], bool] | None:
    """Whether the server is shutting down, when it can be told: uvicorn's SIGTERM
    handler is its Server's bound ``handle_exit``, whose ``should_exit`` it sets."""
    server = getattr(signal.getsignal(signal.SIGTERM), "__self__", None)
    if server is None or not hasattr(server, "should_exit"):
        return None
    return lambda: bool(server.should_exit)


async def _end_streams_on_shutdown() -> None:
    """uvicorn waits for open responses before it stops, and an event stream never
    ends by itself: end them all when a shutdown starts (the pages reconnect later)."""
    exiting = _server_exiting()
    if exiting is None:
        return
    while _closers:
        if exiting():
            for close in list(_closers):
                close()
            return
        await asyncio.sleep(0.5)


def _watch_shutdown() -> None:
    global _watcher
    if _watcher is None or _watcher.done():
        _watcher = asyncio.get_running_loop().create_task(_end_streams_on_shutdown())


def _frame(event: dict[str, Any]) -> str:
    return f"data: {json.dumps(event, ensure_ascii=False, separators=(',', ':'))}\n\n"


async def events(request: Request) -> Response:
    """The stream for one page (see the module docstring)."""
    token = request.query_params.get("k", "")
    session_id = request.query_params.get("s", "")
    lang = request.query_params.get("l", DEFAULT_LANG)
    if lang not in LANGS:
        return refuse(404)
    try:
        hash_token(token)
    except InvalidLink:
        return refuse(404)
    if not _SESSION_RE.match(session_id):
        return refuse(404)
    found = shared()
    hub: Hub = found if found is not None else await run_in_threadpool(_make_hub)
    client = clients.of_request(request)
    if not LIMITS.take(client):
        return refuse(429)
    released = False

    def release() -> None:
        nonlocal released
        if not released:
            released = True
            LIMITS.give_back(client)

    try:
        access = await run_in_threadpool(hub.store.open, token)
        known = hub.revision(access.project_id)
        revision = known if known is not None else await run_in_threadpool(hub.store.revision, access)
    except InvalidLink:
        release()
        return refuse(404)
    except PartnershipError:
        release()
        return refuse(503)
    return StreamingResponse(
        _stream(hub, access, session_id, revision, release, lang), media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}, background=BackgroundTask(release))


def _with_views(hub: Hub, access: Access, lang: str, event: dict[str, Any], after: int) -> dict[str, Any]:
    """``event`` with the new content of the field views its changes since ``after`` touch
    (``field_view.pushed``), read once per link and revision - in a worker thread."""
    scopes = [scope for rev, scope in event.get("changes", ()) if rev > after and scope]
    if not scopes:
        return event
    try:
        views = field_view.pushed(process.snapshot_now(hub.store, access, hub), scopes, lang)
    except PartnershipError:  # the views fetch it themselves, or the page says what is wrong
        return event
    return {**event, "views": views} if views else event


async def _stream(hub: Hub, access: Access, session_id: str, revision: int,
                  release: Callable[[], None], lang: str = DEFAULT_LANG) -> AsyncIterator[str]:
    loop = asyncio.get_running_loop()
    ready = asyncio.Event()
    pending: list[dict[str, Any]] = []

    def put(event: dict[str, Any]) -> None:  # on the event loop
        if pending and pending[-1]["type"] in ("gone", "bye"):
            return
        pending[:] = [event]  # only the newest state matters
        ready.set()

    def deliver(event: dict[str, Any]) -> None:  # from any thread
        loop.call_soon_threadsafe(put, event)

    def bye() -> None:
        put({"type": "bye"})

    sub = None
    sent = revision  # the newest revision whose views' content this stream has sent (or the page has)
    _closers.add(bye)
    try:
        _watch_shutdown()
        yield "retry: 2000\n\n"
        sub = hub.subscribe(access, session_id, deliver, revision)
        while True:
            try:
                await asyncio.wait_for(ready.wait(), KEEPALIVE_S)
            except TimeoutError:
                yield ": keepalive\n\n"
                continue
            ready.clear()
            event, pending[:] = pending[0], []
            if event["type"] == "bye":  # the server is stopping
                return
            if event["type"] == "state" and isinstance(event.get("rev"), int) and event["rev"] > sent:
                event, sent = await run_in_threadpool(_with_views, hub, access, lang, event, sent), event["rev"]
            yield _frame(event)
            if event["type"] == "gone":
                return
    finally:
        _closers.discard(bye)
        if sub is not None:
            hub.unsubscribe(sub)
        release()
