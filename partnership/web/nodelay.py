"""Answers without Nagle's 40 ms wait.

Streamlit's server binds its listening socket itself (``socket.socket(family,
SOCK_STREAM)``, protocol number 0), and asyncio only switches Nagle's algorithm off
(TCP_NODELAY) for sockets whose protocol is IPPROTO_TCP - so on every reused keep-alive
connection, a response written as headers and then a body waits for the browser's
delayed ACK of the headers: measured here, 1-2 ms on a new connection, 44 ms on each
request after it (the health check, our routes, every JS chunk of a page load on the
browser's six connections, and each field view's fetch after a save).

``lifespan`` switches it off on the listening socket as soon as the server has one;
Linux hands the option on to every connection accepted from it. Where the server cannot
be found (another host, a mounted app), nothing changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import AsyncIterator
from typing import Any

from partnership.web import clients

log = logging.getLogger(__name__)

WAIT_S = 30.0


def _uvicorn_server() -> Any | None:
    """The running uvicorn Server: its SIGTERM handler is the server's bound ``handle_exit``."""
    server = getattr(signal.getsignal(signal.SIGTERM), "__self__", None)
    return server if server is not None and hasattr(server, "should_exit") else None


def set_nodelay(sockets: list[Any]) -> int:
    """TCP_NODELAY on each TCP socket of ``sockets``; how many were set."""
    done = 0
    for sock in sockets:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                done += 1
            except OSError:  # not a TCP socket after all: leave it
                continue
    return done


async def _when_listening() -> None:
    """Wait (a little) for the server's listening sockets, then set the option on them."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_S
    while loop.time() < deadline:
        server = _uvicorn_server()
        if server is None:
            return
        found = [s for listener in getattr(server, "servers", []) for s in listener.sockets]
        if found:  # made right after the lifespan has started
            log.debug("TCP_NODELAY on %d listening sockets", set_nodelay(found))
            return
        await asyncio.sleep(0.005)


@contextlib.asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """st.App's lifespan hook: starts the wait, never holds up the start. It also has
    uvicorn trust proxy headers only from ``PARTNERSHIP_TRUSTED_PROXIES`` (``web.clients``),
    before the first connection is accepted."""
    server = _uvicorn_server()
    if server is None or not clients.take_over_proxy_headers(server):
        log.warning("could not restrict the server's proxy headers to %s; X-Forwarded-For may be honoured "
                    "from loopback (start uvicorn with --forwarded-allow-ips)", clients.ENV)
    task = asyncio.get_running_loop().create_task(_when_listening())
    try:
        yield None
    finally:
        task.cancel()
