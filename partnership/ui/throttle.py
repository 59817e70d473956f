"""Per-client throttling of what creates projects (create, example, import): one browser
may create ``limits.CLIENT_CREATE_LIMIT`` projects per ``limits.CLIENT_CREATE_WINDOW_S``
seconds in this server process. The database keeps its own buckets as well - per caller
(this client, sent as ``caller=``), per source address and for everybody - which also
cover other processes and the API (``ValidationError`` code ``rate_limited``).

The client is the address the request came from (``st.context.ip_address``, through
``web.clients.address``: a forwarded address counts only from a trusted proxy); without
one (Streamlit gives none on localhost, and AppTest has none) the browser session."""

from __future__ import annotations

import uuid

import streamlit as st

from partnership import limits
from partnership.ui import shell
from partnership.web import clients

CREATIONS = limits.RateLimiter(limits.CLIENT_CREATE_LIMIT, limits.CLIENT_CREATE_WINDOW_S)


def client() -> str:
    """Who is asking: the client address, else this browser session."""
    peer = getattr(st.context, "ip_address", None)
    headers = getattr(st.context, "headers", None)
    forwarded = headers.get("X-Forwarded-For") if headers is not None else None
    address = clients.address(peer if isinstance(peer, str) else None, forwarded)
    if address:
        return f"ip:{address}"
    return f"session:{st.session_state.setdefault('throttle_session', uuid.uuid4().hex)}"


def allow_creation(c: shell.Ctx) -> bool:
    """Whether this client may create a project now; else the message is shown."""
    if CREATIONS.allow(client()):
        return True
    st.error(c.t("err.rate_limited"), icon=":material/hourglass_top:")
    return False


def import_too_large(c: shell.Ctx, size: int) -> bool:
    """Whether an upload of ``size`` bytes is over the import limit (then the message is shown)."""
    if size <= limits.MAX_IMPORT_BYTES:
        return False

    def mb(n: int) -> str:
        text = f"{n / 1024 / 1024:.1f} MB"
        return text.replace(".", ",") if c.lang == "da" else text

    st.error(c.t("err.file_too_large", size=mb(size), limit=mb(limits.MAX_IMPORT_BYTES)))
    return True
