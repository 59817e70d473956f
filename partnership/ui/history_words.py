"""What a history entry says, in the reader's words (no Streamlit calls).

The SQL functions log a record as JSON of its columns (``partnership_private.log``); a
reader sees each changed attribute by its label (``history.attr.<entity>.<name>`` or
``history.attr.<name>``) and each value as the pages show it: a date as a date, a person
or a task by name, an amount in kroner, a status or a choice by its label, a list as its
items. Text entities (a field, a meeting's minutes) are one text before and after.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from partnership import funding
from partnership.i18n import fmt_iso_date, has
from partnership.import_rules import IMPORT_ENTITY, SIGNED_ENTITY
from partnership.model import HistoryEntry, Side, Snapshot
from partnership.ui import labels, shell

ALL = "all"
ORDER = ("title", "name", "fund", "kind", "status", "responsible", "side", "amount", "start", "due",
         "deadline", "day", "time", "duration", "place", "participants", "agenda", "decisions", "task_ids",
         "active", "every_weeks", "weekday", "first_day", "until", "priority", "resources", "competences",
         "values", "fit", "contact", "first_meeting", "working_group", "internal", "note", "our_org",
         "partner_org", "website")
"""The order a record's attributes are listed in (others follow)."""
HIDDEN = ("position", "content_hash", "approved_at", "at", "id", "shared")
"""Attributes a reader is not shown: an order, a fingerprint, times the byline gives, and
what the store derives (a person's ``shared``)."""
DATES = ("start", "due", "day", "first_day", "until", "end", "deadline")
TEXT_ENTITIES = ("field", "meeting_notes")
"""Entities whose entry is one text, before and after (not JSON of a record)."""


@dataclass(frozen=True)
class Change:
    """One thing an entry changed: ``label`` is "" for a free-text field."""

    label: str
    old: str
    new: str


def data(text: str) -> dict[str, Any]:
    """An entry's record (its JSON object), or {} for anything else."""
    if not text:
        return {}
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def record_name(entry: HistoryEntry) -> str:
    """The record's own name (title, name) as the entry recorded it."""
    found = data(entry.new) or data(entry.old)
    return str(found.get("title") or found.get("name") or found.get("fund") or "")


def what(c: shell.Ctx, entry: HistoryEntry) -> str:
    """What an entry is about, in words: the field's label or the record's kind and name."""
    if entry.entity == "field":
        key = f"field.{entry.target}.label"
        return c.t(key) if has(key) else entry.target
    if entry.entity == "agreement":
        return c.t("history.kind.agreement")
    name = record_name(entry)
    kind = c.t(f"history.kind.{entry.entity}") if has(f"history.kind.{entry.entity}") else entry.entity
    if entry.entity == "task":
        task_kind = data(entry.new).get("kind") or data(entry.old).get("kind")
        if task_kind and has(f"timeline.kind.{task_kind}"):
            kind = c.t(f"timeline.kind.{task_kind}")
    if entry.entity == "meeting":  # a meeting has no name: its day tells which
        name = fmt_iso_date(data(entry.new).get("day") or data(entry.old).get("day"), c.lang) or ""
    if entry.entity in ("project", "approval", "health", IMPORT_ENTITY, SIGNED_ENTITY):
        return kind
    return f"{kind}: {name}" if name else kind


def topic_label(c: shell.Ctx, topic: str) -> str:
    if topic == ALL:
        return c.t("history.all_topics")
    kind, _, value = topic.partition(":")
    if kind == "step":
        return c.t(f"step.{value}.title")
    if kind == "field":
        return "  ↳ " + c.t(f"field.{value}.label")
    return c.t(f"history.kind.{value}") if has(f"history.kind.{value}") else value


def _date(c: shell.Ctx, value: Any) -> str:
    return fmt_iso_date(value, c.lang) or (str(value) if value else "–")


def _names(c: shell.Ctx, ids: list[Any], known: dict[str, str]) -> str:
    """Names of the records ``ids`` that this reader may see; the others only counted."""
    shown = [known[str(i)] for i in ids if str(i) in known]
    hidden = len(ids) - len(shown)
    if hidden:
        shown.append(c.t("history.others", n=hidden))
    return ", ".join(shown) or "–"


def _items(items: list[str]) -> str:
    """Written items (an agenda's points, a meeting's decisions) in one line, numbered when
    there are several: they are titles or whole sentences, so no separator reads well."""
    if len(items) == 1:
        return items[0]
    return " ".join(f"({n}) {item}" for n, item in enumerate(items, 1)) or "–"


def shown_value(c: shell.Ctx, snap: Snapshot, entity: str, name: str, value: Any) -> str:
    """A record attribute's value as a reader wants to see it."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return c.t("history.yes") if value else c.t("history.no")
    if name == "side" and value in {s.value for s in Side}:
        return labels.org_name(c, snap, Side(value))
    if name == "status":
        key = (f"agr.status.{value}" if entity == "task" else f"fund.status.{value}" if entity == "funding"
               else f"s2.status.{value}")
        return c.t(key) if has(key) else str(value)
    if name == "timer" and has(f"s2.timer_state.{value}"):
        return c.t(f"s2.timer_state.{value}")
    if name == "kind" and has(f"timeline.kind.{value}"):
        return c.t(f"timeline.kind.{value}")
    if name == "choice" and has(f"term.outcome.{value}"):
        return c.t(f"term.outcome.{value}")
    if name == "weekday" and has(f"mt.weekday.{value}"):
        return c.t(f"mt.weekday.{value}")
    if name == "responsible":
        person = snap.person(str(value))
        return person.name if person else "–"
    if name == "participants" and isinstance(value, list):
        return _names(c, value, {p.id: p.name for p in snap.people})
    if name == "task_ids" and isinstance(value, list):
        return _names(c, value, {t.id: t.title for t in snap.tasks})
    if name in DATES:
        return _date(c, value)
    if name == "amount" and isinstance(value, int):
        return funding.amount_text(value, c.lang)
    if name == "duration" and isinstance(value, int):
        return c.t("history.minutes", n=value)
    if name == "answers" and isinstance(value, dict):
        return c.t("history.answers", n=len(value))
    if isinstance(value, list):  # an agenda's points, a meeting's decisions
        return _items([str(v) for v in value])
    return str(value)


def changes(c: shell.Ctx, snap: Snapshot, entry: HistoryEntry) -> list[Change]:
    """What the entry changed, attribute by attribute (a text entity is one text)."""
    if entry.entity in TEXT_ENTITIES:
        return [Change("", entry.old, entry.new)]
    if entry.entity == "agreement":
        return []
    old, new = data(entry.old), data(entry.new)
    out = []
    names = sorted({*old, *new}, key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    for name in names:
        if name in HIDDEN:
            continue
        before, after = old.get(name), new.get(name)
        if before == after or (not old and after in (None, "", False, [])):
            continue
        specific = f"history.attr.{entry.entity}.{name}"  # a person's "title" is their role
        label = c.t(specific) if has(specific) else c.t(f"history.attr.{name}") if has(f"history.attr.{name}") else name
        out.append(Change(label, shown_value(c, snap, entry.entity, name, before) if old else "",
                          shown_value(c, snap, entry.entity, name, after)))
    return out
