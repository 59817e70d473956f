"""Reminders and notices by e-mail, as plain data (pure, no I/O).

A person receives mail only after opting in (``Store.mail_subscribe``: the consent is kept
in the store). ``python -m partnership remind`` asks the database what is due
(``partnership.store.outbox``), turns each item into a mail with ``compose`` in the
recipient's language, sends it (``partnership.mail.smtp``) and records it as sent. What a
mail says is decided here:

- ``due``: a task the person is responsible for is due within the window;
- ``meeting``: a joint follow-up meeting (a follow-up task) is within the window;
- ``meeting_record``: a meeting record (``partnership.meetings``, not cancelled) is within
  the window: day, time and place (a follow-up task on the same day is the same meeting,
  so the database sends only this one);
- ``approved`` / ``reopened``: the other side approved (perhaps signing) or reopened the
  agreement;
- ``digest``: the weekly digest of what changed (``reminders_digest``), for those who chose it.

Nothing goes to an address before its owner confirmed it (double opt-in: the confirmation
mail is ``reminders_confirm``).

Every mail ends with the unsubscribe link, which works without the project's link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from partnership.i18n import LANGS, fmt_date, t

DEFAULT_DAYS = 3
"""A reminder goes this many days before a deadline or meeting (``remind --days``)."""

KINDS = ("due", "meeting", "approved", "reopened", "digest", "term", "meeting_record")

_EMAIL = re.compile(r'^[^@\s<>(),;:"\[\]\\]+@[^@\s<>(),;:"\[\]\\]+\.[^@\s<>(),;:"\[\]\\.]+$')


def looks_like_email(text: str) -> bool:
    """A first check for the form (the store decides): one line, one "@", a dot after it."""
    value = text.strip()
    return len(value) <= 254 and bool(_EMAIL.match(value)) and value.isprintable()


@dataclass(frozen=True)
class Subscription:
    """A person's consent to mail: which address, which language, given by whom and when."""

    id: str
    person_id: str
    email: str
    lang: str
    consented_at: datetime
    consented_by: str
    consented_role: str
    digest: bool = False
    confirmed_at: datetime | None = None
    """When the person followed the confirmation link (None: nothing is sent yet)."""
    confirm_until: datetime | None = None
    """Until when the confirmation link works (7 days after the opt-in)."""


@dataclass(frozen=True)
class Change:
    """One history entry in a digest, as the subscriber's side may read it."""

    entity: str
    target: str
    actor: str
    at: datetime
    old: str = ""
    new: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Change:
        return cls(str(data["entity"]), str(data["target"]), str(data["actor"]),
                   datetime.fromisoformat(str(data["at"])), str(data.get("old") or ""), str(data.get("new") or ""))


@dataclass(frozen=True)
class DueMail:
    """One mail the database says is due (``partnership_private.mail_due``)."""

    key: str
    subscription: str
    email: str
    lang: str
    person: str
    person_side: str
    project: str
    our_org: str
    partner_org: str
    kind: str
    what: str
    day: date
    actor: str = ""
    side: str = ""
    signed: bool = False
    note: str = ""
    changes: tuple[Change, ...] = ()
    """A digest's history entries, newest first (``partnership_private.mail_outbox``)."""
    more: int = 0
    """A digest's entries left out of ``changes``."""
    time: str = ""
    """A meeting record's time of day, "HH:MM" in Danish time."""
    place: str = ""
    """A meeting record's place or video link."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DueMail:
        """From the database's JSON; an unknown kind or language is a ValueError."""
        changes = tuple(Change.from_json(c) for c in data.get("changes") or ())
        item = cls(**{**data, "day": date.fromisoformat(str(data["day"])), "signed": bool(data.get("signed")),
                      "changes": changes, "more": int(data.get("more") or 0)})
        if item.kind not in KINDS or item.lang not in LANGS:
            raise ValueError(f"unexpected mail: {item.kind} in {item.lang}")
        return item


@dataclass(frozen=True)
class Mail:
    """A mail to send: address, subject and plain text (the unsubscribe link included)."""

    to: str
    subject: str
    text: str
    unsubscribe: str
    lang: str


def one_line(text: str) -> str:
    """Typed text fit for a subject or a line of its own (no line breaks, no controls)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def compose(item: DueMail, unsubscribe_url: str, today: date) -> Mail:
    """The mail for ``item`` in the subscriber's language. The text is plain text: typed
    titles cannot act as markup, and are kept on one line."""
    if item.kind == "digest":
        from partnership import reminders_digest  # it builds on this module

        return reminders_digest.compose(item, unsubscribe_url)
    lang = item.lang
    project = one_line(item.project)
    what = one_line(item.what)
    day = fmt_date(item.day, lang, "long")
    days = (item.day - today).days
    when = t("remind.when.today", lang) if days <= 0 else (
        t("remind.when.tomorrow", lang) if days == 1 else t("remind.when.days", lang, n=days))
    other = one_line(item.partner_org if item.side == "partner" else item.our_org) or t(
        f"remind.side.{item.side or 'association'}", lang)
    clock = item.time.replace(":", ".") if lang == "da" else item.time
    params = {"project": project, "what": what, "day": day, "when": when, "actor": one_line(item.actor),
              "other": other, "person": one_line(item.person), "time": clock}
    kind = item.kind
    subject = t(f"remind.{kind}.subject", lang, **params)
    lines = [t("remind.greeting", lang, **params), "", t(f"remind.{kind}.body", lang, **params)]
    if kind == "approved" and item.signed:
        lines.append(t("remind.approved.signed", lang, **params))
    if kind == "meeting_record" and item.place.strip():
        lines.append(t("remind.meeting_record.place", lang, place=one_line(item.place)))
    if kind in ("due", "meeting") and item.note.strip():
        lines += ["", t("remind.note", lang), *(f"  {one_line(line)}" for line in item.note.splitlines()[:10])]
    lines += ["", t("remind.open", lang, **params), "", "-- ", t("remind.why", lang, **params),
              t("remind.unsubscribe", lang, url=unsubscribe_url)]
    return Mail(item.email, one_line(subject), "\n".join(lines) + "\n", unsubscribe_url, lang)


def mailto(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (the pages' way when the server sends no mail)."""
    from urllib.parse import quote

    return f"mailto:{quote(address, safe='@')}?subject={quote(subject)}&body={quote(body)}"
