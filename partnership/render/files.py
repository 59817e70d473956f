"""The bytes of every download (``partnership.downloads`` says which files there are and
who may have them): the agreement in four formats, the tasks as CSV, the calendar, the
JSON export and the owner's link. Pure: a snapshot in, a ``File`` out; the caller reads
the store (the route ``partnership/web/files.py``, the CLI)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from partnership import agreement, downloads, meeting_calendar, meetings, signature
from partnership.agreement_export import to_html
from partnership.i18n import t
from partnership.meetings import Meeting, Meetings
from partnership.model import AgreementVersion, Approval, Snapshot
from partnership.render import agreement_docx, agreement_pdf, calendar_ics


@dataclass(frozen=True)
class File:
    """A finished download: its name as saved, its Content-Type, its bytes."""

    name: str
    mime: str
    data: bytes


def agreement_file(snap: Snapshot, fmt: str, lang: str, *, version: AgreementVersion | None = None,
                   approvals: Iterable[Approval] | None = None) -> File:
    """The agreement as ``fmt`` (md, html, docx, pdf): the signed ``version`` as it was
    signed; without one, the text signed now (``signature.signed_version``) or, before
    signing, the current text in ``lang``; each with its signature block (from
    ``approvals``, by default the snapshot's) and its fingerprint."""
    if fmt not in downloads.AGREEMENT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    suffix = version.signed_at.strftime("%Y-%m-%d") if version is not None else ""  # one of several versions
    version = version or signature.signed_version(snap)
    markdown = version.markdown if version is not None else agreement.render_markdown(snap, lang)
    doc = downloads.agreement_document(snap, markdown, lang, approvals)
    if fmt == "md":
        data = doc.document.encode("utf-8")
    elif fmt == "html":
        data = to_html(doc.signed, doc.title, lang, fingerprint=doc.fingerprint).encode("utf-8")
    elif fmt == "docx":
        data = agreement_docx.to_docx(doc.document)
    else:
        data = agreement_pdf.to_pdf(doc.signed, doc.title, lang, fingerprint=doc.fingerprint)
    what = f"agreement.{fmt}"
    return File(downloads.file_name(snap, what, lang, suffix=suffix), downloads.MIME[what], data)


def tasks_file(snap: Snapshot, lang: str) -> File:
    """The joint tasks as CSV (semicolons for Danish spreadsheets, a BOM so they read UTF-8)."""
    delimiter = ";" if lang == "da" else ","
    data = agreement.to_csv_rows(snap, lang, delimiter=delimiter).encode("utf-8-sig")
    return File(downloads.file_name(snap, "tasks.csv", lang), downloads.MIME["tasks.csv"], data)


def calendar_file(snap: Snapshot, lang: str, person_id: str | None = None, *, book: Meetings | None = None,
                  emails: Mapping[str, str] | None = None) -> File:
    """The partnership's calendar, or the tasks ``person_id`` is responsible for; with
    ``book``, the follow-up meetings too (and the ones ``person_id`` takes part in),
    ATTENDEE addresses from ``emails`` (person id -> the opted-in address)."""
    extra = meeting_calendar.meeting_events(book, snap.people, project_id=snap.project.id,
                                            project_title=snap.project.title, lang=lang, emails=emails,
                                            person_id=person_id) if book is not None else []
    data = calendar_ics.tasks_to_ics(downloads.calendar_tasks(snap), snap.people, project_title=snap.project.title,
                                     person_id=person_id, lang=lang, our_org=snap.project.our_org,
                                     partner_org=snap.project.partner_org, extra=extra)
    return File(downloads.file_name(snap, "calendar.ics", lang, person_id=person_id),
                downloads.MIME["calendar.ics"], data)


def export_file(snap: Snapshot, exported: dict[str, Any]) -> File:
    """The project's JSON export (``Store.export_project``), as the settings page offers it."""
    data = json.dumps(exported, ensure_ascii=False, indent=2).encode("utf-8")
    return File(downloads.file_name(snap, "export.json", "da"), downloads.MIME["export.json"], data)


def link_file(snap: Snapshot, lang: str, url: str) -> File:
    """The owner's link in a small text file, to keep."""
    data = (t("links.file_text", lang, url=url) + "\n").encode("utf-8")
    return File(downloads.file_name(snap, "link.txt", lang), downloads.MIME["link.txt"], data)


def meeting_pack_file(snap: Snapshot, book: Meetings, meeting: Meeting, lang: str) -> File:
    """One meeting's pack (agenda, the follow-up plan, the open tasks, the minutes so far)
    as a print-ready HTML page, laid out like the agreement's."""
    text = meetings.pack_markdown(snap, book, meeting, lang)
    data = to_html(text, meetings.pack_title(snap, meeting, lang), lang).encode("utf-8")
    return File(downloads.file_name(snap, "meeting.html", lang, suffix=meeting.day.isoformat()),
                downloads.MIME["meeting.html"], data)
