"""The weekly digest: what changed in a partnership in the last 7 days, as a plain-text
mail in the subscriber's language (pure, no I/O).

The database chooses the entries (``partnership_private.mail_outbox``: the project's
history as the subscriber's side may read it, newest first, at most 30) and decides when
a digest is due (at most once a week per person); this module only words it.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from partnership.i18n import TIMEZONE, fmt_date, fmt_iso_date, has, t
from partnership.reminders import Change, DueMail, Mail, one_line

WEEK = timedelta(days=7)

NAMED = ("candidate", "person", "task", "funding", "meeting")
"""Entities whose entries name their record (a title, a name, a fund; a meeting by its day)."""


def _json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def what(change: Change, lang: str) -> str:
    """What an entry is about: the field's label, or the kind of record and its name."""
    if change.entity == "field":
        key = f"field.{change.target}.label"
        return t(key, lang) if has(key) else change.target
    kind = t(f"history.kind.{change.entity}", lang) if has(f"history.kind.{change.entity}") else change.entity
    if change.entity in NAMED:
        data = _json(change.new) or _json(change.old)
        name = one_line(str(data.get("title") or data.get("name") or data.get("fund") or ""))
        if change.entity == "meeting":  # a meeting has no name: its day tells which
            name = fmt_iso_date(data.get("day"), lang) or ""
        return f"{kind}: {name}" if name else kind
    return kind


def verb(change: Change, lang: str) -> str:
    """Added, changed or removed (the history keeps the old and the new value)."""
    if change.entity in NAMED and not change.old:
        return t("remind.digest.added", lang)
    if change.entity in NAMED and not change.new:
        return t("remind.digest.removed", lang)
    return t("remind.digest.changed", lang)


def line(change: Change, lang: str) -> str:
    day = fmt_date(change.at.astimezone(TIMEZONE).date(), lang)
    return t("remind.digest.line", lang, day=day, actor=one_line(change.actor), verb=verb(change, lang),
             what=what(change, lang))


def compose(item: DueMail, unsubscribe_url: str) -> Mail:
    """The digest for ``item`` (kind "digest")."""
    lang = item.lang
    project = one_line(item.project)
    since = fmt_date(item.day - WEEK, lang, "long")
    params = {"project": project, "person": one_line(item.person), "since": since,
              "n": len(item.changes) + item.more}
    lines = [t("remind.greeting", lang, **params), "", t("remind.digest.body", lang, **params), ""]
    lines += [line(change, lang) for change in item.changes]
    if item.more:
        lines.append(t("remind.digest.more", lang, n=item.more))
    lines += ["", t("remind.open", lang, **params), "", "-- ", t("remind.digest.why", lang, **params),
              t("remind.unsubscribe", lang, url=unsubscribe_url)]
    return Mail(item.email, one_line(t("remind.digest.subject", lang, **params)), "\n".join(lines) + "\n",
                unsubscribe_url, lang)
