"""One field's text for an open page: ``GET <base>/ps/field?k=<token>&f=<key>&l=<lang>``.

A closed field's text view (``partnership/ui/field_view.py``) asks for it when the
page's event stream says the other side saved that field, and swaps it in without a
rerun. The answer is JSON, as the page's own run draws the view:
``{"rev": n, "version": v, "html": "<p>…</p>", "meta": "Senest ændret af …"}`` - the
HTML sanitised on the server (Markdown + nh3 allow-list).

Keyed by the link token like the event stream: every request checks the token with the
store (a revoked link is refused at once), and a forged, revoked or malformed token, an
unknown field, or an internal field asked for by the partner's or viewer's link all get
the same empty 404, so nothing is learnt about any project. Requests in flight are
bounded per client address and per process (an empty 429 beyond). The snapshot is read
once per link and revision (``live_push.snapshot_now``), the HTML once per text.
"""

from __future__ import annotations

import re

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from partnership.errors import InvalidLink, PartnershipError
from partnership.i18n import LANGS
from partnership.steps import INTERNAL_KEYS, JOINT_KEYS
from partnership.store.base import hash_token
from partnership.web.events import Limits

_KEY_RE = re.compile(r"^[a-z0-9_]{1,40}$")
IN_FLIGHT = Limits(per_client=16, total=64)


def _refuse(status: int) -> Response:
    return Response(status_code=status, headers={"Cache-Control": "no-store"})


def _answer(token: str, key: str, lang: str) -> dict[str, object] | None:
    """The view's content, or None when this link may not see ``key`` (in a worker thread)."""
    from partnership.ui import field_view, live_push  # the composition root's side; late (cycle)

    hub = live_push.get_hub()
    access = hub.store.open(token)
    if key not in JOINT_KEYS and not (key in INTERNAL_KEYS and access.role.sees_internal):
        return None
    return field_view.content(live_push.snapshot_now(hub.store, access), key, lang)


async def field(request: Request) -> Response:
    """The text of one field (see the module docstring)."""
    token = request.query_params.get("k", "")
    key = request.query_params.get("f", "")
    lang = request.query_params.get("l", "")
    try:
        hash_token(token)
    except InvalidLink:
        return _refuse(404)
    if not _KEY_RE.match(key) or lang not in LANGS:
        return _refuse(404)
    client = request.client.host if request.client else "?"
    if not IN_FLIGHT.take(client):
        return _refuse(429)
    try:
        found = await run_in_threadpool(_answer, token, key, lang)
    except InvalidLink:
        return _refuse(404)
    except PartnershipError:
        return _refuse(503)
    finally:
        IN_FLIGHT.give_back(client)
    if found is None:
        return _refuse(404)
    return JSONResponse(found, headers={"Cache-Control": "no-store"})
