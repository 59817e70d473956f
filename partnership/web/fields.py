"""One field's text for an open page: ``GET <base>/ps/field?k=<token>&f=<key>&l=<lang>``
(``<key>`` a field key, or a line view's name such as ``missing_4``).

A closed field's text view (``partnership/ui/field_view.py``) asks for it when the
page's event stream says the other side saved that field, and swaps it in without a
rerun. The answer is JSON, as the page's own run draws the view:
``{"rev": n, "version": v, "html": "<p>…</p>", "meta": "Senest ændret af …"}`` - the
HTML sanitised on the server (Markdown + nh3 allow-list) - or for a line view
``{"rev": n, "text": "Mangler i trin 4: …"}`` (plain text).

Keyed by the link token like the event stream: every request checks the token with the
store (a revoked link is refused at once), and a forged, revoked or malformed token, an
unknown field, or an internal field asked for by the partner's or viewer's link all get
the same empty 404, so nothing is learnt about any project. Requests admitted are
bounded per client address and per process (an empty 429 beyond; the view asks again a
little later), and only ``WORKERS`` of them work at once. The snapshot is read once per
link and revision (``process.snapshot_now``), the HTML once per text.
"""

from __future__ import annotations

import re

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from partnership import process
from partnership.errors import InvalidLink, PartnershipError
from partnership.i18n import LANGS
from partnership.render import field_view
from partnership.steps import INTERNAL_KEYS, JOINT_KEYS
from partnership.store.base import hash_token
from partnership.web import clients
from partnership.web.events import Limits, Workers, refuse

_KEY_RE = re.compile(r"^[a-z0-9_]{1,40}$")
IN_FLIGHT = Limits(per_client=256, total=1024)
"""Requests admitted at once (waiting included). Fifty tabs behind one address (a whole
office) all ask right after the same save, so the bound per address is generous; the
work itself is bounded by ``WORKERS``."""
WORKERS = 4
"""Requests whose store work runs at once; the others wait their turn (a few ms each)."""
_semaphore = Workers(WORKERS)


def _answer(token: str, key: str, lang: str) -> dict[str, object] | None:
    """The view's content, or None when this link may not see ``key`` (in a worker thread)."""
    hub = process.hub()
    access = hub.store.open(token)
    if key in field_view.LINES:  # a joint step's line: every role sees that step
        return field_view.line_content(process.snapshot_now(hub.store, access, hub), key, lang)
    if key not in JOINT_KEYS and not (key in INTERNAL_KEYS and access.role.sees_internal):
        return None
    return field_view.content(process.snapshot_now(hub.store, access, hub), key, lang)


async def field(request: Request) -> Response:
    """The text of one field (see the module docstring)."""
    token = request.query_params.get("k", "")
    key = request.query_params.get("f", "")
    lang = request.query_params.get("l", "")
    try:
        hash_token(token)
    except InvalidLink:
        return refuse(404)
    if not _KEY_RE.match(key) or lang not in LANGS:
        return refuse(404)
    client = clients.of_request(request)
    if not IN_FLIGHT.take(client):
        return refuse(429)
    try:
        async with _semaphore():
            found = await run_in_threadpool(_answer, token, key, lang)
    except InvalidLink:
        return refuse(404)
    except PartnershipError:
        return refuse(503)
    finally:
        IN_FLIGHT.give_back(client)
    if found is None:
        return refuse(404)
    return JSONResponse(found, headers={"Cache-Control": "no-store"})
