"""Downloads from any replica: ``GET <base>/ps/file?k=<token>&what=<file>&l=<lang>``,
with ``v=<signed version id>`` for a signed agreement and ``p=<person id>`` for one
person's calendar.

Streamlit's download buttons keep their file in the process that drew the page, so
behind a round-robin balancer the click often reached another replica and got a 404.
The pages link here instead, and whichever process answers reads the store with the
link's rights: every request checks the token with the store (a rotated link is refused
at once), reads one snapshot, and builds the file (``partnership.render.files``).

``what`` is one of ``partnership.downloads.MIME``: ``agreement.md|html|docx|pdf``,
``tasks.csv``, ``calendar.ics`` for every role (they hold only what every role reads on
step 5 and the timeline), ``export.json`` and ``link.txt`` for the owner's link only
(``downloads.OWNER_ONLY``, as the settings page). A forged, revoked or malformed token,
an unknown file, language, version or person, or a file the role may not have all get
the same empty 404, so nothing is learnt about any project. The answer is the file with
its Content-Type and ``Content-Disposition: attachment`` (a name of letters, digits,
hyphens and a dot, in the RFC 5987 form for non-ASCII letters), never cached. Requests
admitted at once are bounded per client address and per process (an empty 429 beyond),
and only ``WORKERS`` build files at the same time.
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from partnership import downloads, meetings, process
from partnership.errors import Forbidden, InvalidLink, PartnershipError
from partnership.i18n import DEFAULT_LANG, LANGS
from partnership.signature import approvals_from_history
from partnership.store.base import hash_token
from partnership.web import clients
from partnership.web.events import Limits, Workers, refuse

if TYPE_CHECKING:
    from partnership.render.files import File

_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
IN_FLIGHT = Limits(per_client=16, total=128)
"""Requests admitted at once (waiting included)."""
WORKERS = 2
"""Files built at the same time (a large PDF or Word file takes a good part of a core)."""
_semaphore = Workers(WORKERS)


def disposition(name: str) -> str:
    """``attachment`` with an ASCII name for old clients and the exact one (RFC 5987)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-.") or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def app_address(request: Request) -> str:
    """The app's address for the owner's link file, as the pages build links:
    PARTNERSHIP_BASE_URL when set, else the address this request came to."""
    from partnership.web import asgi  # it lists this module's route

    override = os.environ.get("PARTNERSHIP_BASE_URL", "").strip()
    if override:
        return override.rstrip("/")
    return f"{request.url.scheme}://{request.url.netloc}{asgi.base_path()}"


def build(token: str, what: str, lang: str, version_id: str, person_id: str, address: str,
          meeting_id: str = "") -> File | None:
    """The file, or None when this link may not have it (runs in a worker thread)."""
    # Late: the writers (fpdf2, python-docx, icalendar: about 0.5 s to import) load at the first download,
    # not at every server start.
    from partnership.render import files

    store = process.store()
    access = store.open(token)
    if not downloads.allowed(access.role, what):
        return None
    snap = store.snapshot(access)
    if what.startswith("agreement."):
        fmt = what.split(".", 1)[1]
        if not version_id:
            return files.agreement_file(snap, fmt, lang)
        version = next((v for v in snap.signed_versions if v.id == version_id), None)
        if version is None:
            return None
        seen = {a.id for a in snap.approvals}
        past = [a for a in approvals_from_history(store.history(access)) if a.id not in seen]
        return files.agreement_file(snap, fmt, lang, version=version, approvals=[*snap.approvals, *past])
    if what == "calendar.ics":
        book, emails = meetings.gather(store, access)
        if person_id and person_id not in {x.responsible for x in downloads.calendar_tasks(snap)} and not (
                meetings.participants_of(book, person_id) and snap.person(person_id) is not None):
            return None
        return files.calendar_file(snap, lang, person_id or None, book=book, emails=emails)
    if what == "tasks.csv":
        return files.tasks_file(snap, lang)
    if what == "meeting.html":
        book = store.meetings(access)
        meeting = book.get(meeting_id)
        return files.meeting_pack_file(snap, book, meeting, lang) if meeting is not None else None
    if what == "export.json":
        return files.export_file(snap, store.export_project(access))
    return files.link_file(snap, lang, f"{address}/?k={token}")


async def file(request: Request) -> Response:
    """One download (see the module docstring)."""
    q = request.query_params
    token, what, lang = q.get("k", ""), q.get("what", ""), q.get("l", DEFAULT_LANG)
    version_id, person_id, meeting_id = q.get("v", ""), q.get("p", ""), q.get("m", "")
    try:
        hash_token(token)
    except InvalidLink:
        return refuse(404)
    if what not in downloads.MIME or lang not in LANGS:
        return refuse(404)
    if any(x and not _ID_RE.match(x) for x in (version_id, person_id, meeting_id)):
        return refuse(404)
    if (version_id and not what.startswith("agreement.")) or (person_id and what != "calendar.ics"):
        return refuse(404)
    if bool(meeting_id) != (what == "meeting.html"):
        return refuse(404)
    client = clients.of_request(request)
    if not IN_FLIGHT.take(client):
        return refuse(429)
    try:
        async with _semaphore():
            found = await run_in_threadpool(build, token, what, lang, version_id, person_id, app_address(request),
                                            meeting_id)
    except (InvalidLink, Forbidden):
        return refuse(404)
    except PartnershipError:
        return refuse(503)
    finally:
        IN_FLIGHT.give_back(client)
    if found is None:
        return refuse(404)
    return Response(found.data, media_type=found.mime, headers={
        "Content-Disposition": disposition(found.name), "Cache-Control": "no-store"})
