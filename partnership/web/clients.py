"""Who is asking: the client address behind a request, for every per-client limit (the
event route ``web/events.py``, the field route ``web/fields.py``, the file route
``web/files.py`` and the creation throttle ``ui/throttle.py``).

The address is the socket's peer, unless that peer is one of the operator's trusted
proxies: then it is the address the proxy put in ``X-Forwarded-For``, read from the right
and skipping trusted proxies, so a client cannot choose it by sending the header itself.
``PARTNERSHIP_TRUSTED_PROXIES`` lists the trusted proxies (comma-separated addresses or
CIDR networks, e.g. ``127.0.0.1,10.0.0.0/8``); the default is none, so the header is never
honoured unless the operator says so.

uvicorn (Streamlit's server) would otherwise decide first: by default it trusts
``X-Forwarded-For`` from loopback (``--forwarded-allow-ips``, env ``FORWARDED_ALLOW_IPS``,
default ``127.0.0.1,::1``) and rewrites the request's client before any of our code runs,
so 40 streams with invented addresses were 40 clients. ``take_over_proxy_headers``
(called by the app's lifespan, before the first connection is accepted) replaces its
proxy-header middleware with one that trusts exactly our list; uvicorn then also reads
``X-Forwarded-Proto`` only from those proxies. Streamlit's ``st.context.ip_address`` (the
websocket's client) follows the same rule.
"""

from __future__ import annotations

import ipaddress
import logging
import os
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

ENV = "PARTNERSHIP_TRUSTED_PROXIES"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse(value: str) -> tuple[Network, ...]:
    """Trusted proxies from their setting: addresses and networks, commas between; a
    malformed entry is left out (and logged), never trusted."""
    found: list[Network] = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        try:
            found.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            log.warning("%s: %r is not an address or a network; not trusted", ENV, item)
    return tuple(found)


@lru_cache(maxsize=1)
def _configured(value: str) -> tuple[Network, ...]:
    return parse(value)


def configured() -> tuple[Network, ...]:
    """The trusted proxies this process was started with (none by default)."""
    return _configured(os.environ.get(ENV, ""))


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None, proxies: Iterable[Network]) -> bool:
    return ip is not None and any(ip.version == net.version and ip in net for net in proxies)


def address(peer: str | None, forwarded_for: str | None = None,
            proxies: Iterable[Network] | None = None) -> str | None:
    """The client's address: ``peer``, or - when ``peer`` is a trusted proxy - the right-most
    address in ``forwarded_for`` that is not a trusted proxy (the one the nearest trusted
    proxy saw). None when there is no peer."""
    trusted = tuple(configured() if proxies is None else proxies)
    if not peer:
        return None
    if not forwarded_for or not _trusted(_ip(peer), trusted):
        return peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        ip = _ip(hop)
        if ip is None:  # garbage from a hop we cannot trust: stop at the last proxy we can
            return peer
        if not _trusted(ip, trusted):
            return str(ip)
    return str(_ip(hops[0])) if hops else peer


def of_request(conn: Any) -> str:
    """The client address of a Starlette request or websocket ("?" when unknown)."""
    client = getattr(conn, "client", None)
    forwarded = ", ".join(conn.headers.getlist("x-forwarded-for")) if hasattr(conn, "headers") else ""
    return address(client.host if client else None, forwarded or None) or "?"


def take_over_proxy_headers(server: Any) -> bool:
    """Make the running uvicorn ``server`` read proxy headers only from our trusted proxies
    (see the module docstring); True when its proxy-header middleware was replaced, or it
    has none. Must run before the first connection (the lifespan's start)."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    config = getattr(server, "config", None)
    app = getattr(config, "loaded_app", None)
    if config is None or app is None:
        return False
    if not isinstance(app, ProxyHeadersMiddleware):
        return not getattr(config, "proxy_headers", False)
    config.loaded_app = ProxyHeadersMiddleware(app.app, trusted_hosts=[str(net) for net in configured()])
    return True
