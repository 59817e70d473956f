"""Nagle's algorithm off on the server's listening socket (partnership/web/nodelay.py):
with it on, every request on a reused keep-alive connection waited 44 ms for the
client's delayed ACK."""

from __future__ import annotations

import asyncio
import socket

import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from partnership.web import nodelay


def _listener() -> socket.socket:
    """A listening socket bound as Streamlit binds its own: protocol number 0, which is
    why asyncio leaves Nagle on for the connections it accepts."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.setblocking(False)
    return sock


def _nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_linux_hands_the_listeners_option_on_to_each_accepted_connection() -> None:
    with _listener() as plain, _listener() as set_off:
        assert nodelay.set_nodelay([set_off]) == 1
        for listener, expected in ((plain, 0), (set_off, 1)):
            listener.setblocking(True)
            with socket.create_connection(listener.getsockname()):
                accepted, _ = listener.accept()
                with accepted:
                    assert accepted.proto == 0  # so asyncio does not set it by itself
                    assert _nodelay(accepted) == expected


def test_the_lifespan_switches_nagle_off_on_a_real_uvicorn_servers_listener() -> None:
    async def ok(_request: object) -> PlainTextResponse:
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/", ok)], lifespan=nodelay.lifespan)
    sock = _listener()

    async def run() -> int:
        server = uvicorn.Server(uvicorn.Config(app, lifespan="on", log_level="warning"))
        serving = asyncio.create_task(server.serve(sockets=[sock]))
        for _ in range(500):
            if server.started:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)  # the lifespan's task looks every 5 ms
        found = _nodelay(sock)
        server.should_exit = True
        await serving
        return found

    try:
        assert _nodelay(sock) == 0
        assert asyncio.run(run()) == 1
    finally:
        sock.close()


def test_without_a_uvicorn_server_nothing_happens() -> None:
    async def run() -> None:
        async with nodelay.lifespan(None):
            await asyncio.sleep(0.05)

    asyncio.run(run())  # no server behind the SIGTERM handler: returns at once, raises nothing
    assert nodelay._uvicorn_server() is None
