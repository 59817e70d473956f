"""Every file the app offers for download: its name on the route (``what``), who may
have it, its type and file name, and what goes into it. Pure functions of a snapshot.

The same files come from three places, built by ``partnership.render.files``: the pages'
download links (served by ``GET <base>/ps/file``, ``partnership/web/files.py``, so any
replica answers), and the CLI (``python -m partnership agreement|calendar``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from partnership import agreement, signature
from partnership.i18n import t
from partnership.model import Approval, Role, Snapshot, Task
from partnership.slug import slug

AGREEMENT_FORMATS = ("md", "html", "docx", "pdf")
"""The agreement's formats, in the order the pages offer them."""

MIME = {
    "agreement.md": "text/markdown; charset=utf-8",
    "agreement.html": "text/html; charset=utf-8",
    "agreement.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "agreement.pdf": "application/pdf",
    "tasks.csv": "text/csv; charset=utf-8",
    "calendar.ics": "text/calendar; charset=utf-8",
    "export.json": "application/json",
    "link.txt": "text/plain; charset=utf-8",
    "meeting.html": "text/html; charset=utf-8",
}
"""Each file (``what``) and its Content-Type."""

OWNER_ONLY = frozenset({"export.json", "link.txt"})
"""Files only the owner's link gets: the JSON export (everything the owner may see,
internal steps included, as on the settings page) and the owner's own link. The others
hold only what every role reads anyway: the agreement, the joint tasks."""


def allowed(role: Role, what: str) -> bool:
    """Whether a link of ``role`` may fetch the file ``what`` (False for an unknown one)."""
    return what in MIME and (what not in OWNER_ONLY or role is Role.OWNER)


def calendar_tasks(snap: Snapshot) -> list[Task]:
    """What the calendar files hold: the partnership's dated tasks (never the
    association's internal ones, so a file can be passed on to the partner)."""
    return [x for x in snap.tasks if not x.internal and (x.start is not None or x.due is not None)]


def agreement_stem(snap: Snapshot, lang: str, suffix: str = "") -> str:
    """"samarbejdsaftale-lektiecafé" (plus "-2026-11-30" for a signed version)."""
    return "-".join(x for x in (t("s5.file", lang), slug(snap.project.title), suffix) if x)


def file_name(snap: Snapshot, what: str, lang: str, *, suffix: str = "", person_id: str | None = None) -> str:
    """The file's name as saved: letters of any script, digits and hyphens only."""
    if what.startswith("agreement."):
        return f"{agreement_stem(snap, lang, suffix)}.{what.split('.', 1)[1]}"
    if what == "tasks.csv":
        return "-".join(x for x in (t("s5.file_tasks", lang), slug(snap.project.title)) if x) + ".csv"
    if what == "calendar.ics":
        stem = slug(snap.project.title) or "partnerskab"
        if person_id is not None:
            person = snap.person(person_id)
            stem = f"{stem}-{(slug(person.name) if person else '') or 'person'}"
        return f"{stem}.ics"
    if what == "export.json":
        return export_name(snap.project.title)
    if what == "meeting.html":  # a meeting's pack: suffix is the meeting's day
        return "-".join(x for x in (t("mt.pack_file", lang), slug(snap.project.title), suffix) if x) + ".html"
    return "partnerskab-link.txt"


def export_name(title: str) -> str:
    """The JSON export's name ("partnerskab-lektiecafé.json")."""
    return f"partnerskab-{slug(title) or 'eksport'}.json"


@dataclass(frozen=True)
class AgreementDocument:
    """The agreement as a finished document, in the forms the formats take.

    ``document`` (Markdown, Word): the text, the signature block and the fingerprint
    note in italics. ``signed`` (HTML, PDF): the text and the signature block; those
    print the fingerprint in small type at the end (``fingerprint``)."""

    title: str
    fingerprint: str
    document: str
    signed: str


def agreement_document(snap: Snapshot, markdown: str, lang: str,
                       approvals: Iterable[Approval] | None = None) -> AgreementDocument:
    """The agreement ``markdown`` (the current text, or a signed version's) with the
    signature block from ``approvals`` (by default the snapshot's)."""
    title = f"{t('agr.title', lang)} – {snap.project.title}".strip(" –")
    fingerprint = agreement.content_hash(markdown)
    given = list(snap.approvals if approvals is None else approvals)
    return AgreementDocument(
        title=title,
        fingerprint=fingerprint,
        document=signature.with_signatures(markdown, snap, fingerprint, lang, given),
        signed=markdown.rstrip("\n") + "\n\n" + signature.signature_markdown(snap, fingerprint, lang, given),
    )
