"""The cooperation agreement (step 5), generated from the joint data. Pure functions, no I/O.

``render_markdown`` writes the agreement text; ``content_hash`` is what an approval names,
so the text holds only what the parties agree on: the joint fields, the people and the
non-internal tasks with their dates. Task status and notes change while the partnership
runs and are left out, so ticking a task off does not void the approvals.

User text is escaped on the way in: it can never open a heading, list, link, code span
or raw HTML of its own. The HTML export lives in ``partnership.agreement_export``, the Word one in
``partnership.render.agreement_docx``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal

from partnership import funding, term, usertext
from partnership.i18n import fmt_date, t
from partnership.model import Side, Snapshot, Task, TaskKind, TaskStatus

State = Literal["missing", "partly", "in_place"]

ELEMENTS: tuple[str, ...] = (
    "agr.el.parties",
    "agr.el.contacts",
    "agr.el.vision",
    "agr.el.objectives",
    "agr.el.how",
    "agr.el.activities",
    "agr.el.responsible",
    "agr.el.timeline",
    "agr.el.follow_up",
    "agr.el.term",
    "agr.el.funding",
)
"""Every element of the agreement, in the order the completeness check lists them."""

_BLOCKING: dict[str, frozenset[str]] = {
    "agr.el.parties": frozenset({"missing", "partly"}),  # both organisations must be named
    "agr.el.vision": frozenset({"missing"}),
    "agr.el.objectives": frozenset({"missing"}),
    "agr.el.activities": frozenset({"missing"}),
    "agr.el.responsible": frozenset({"missing", "partly"}),  # someone from each side
    "agr.el.follow_up": frozenset({"missing"}),
    "agr.el.term": frozenset({"missing"}),
}
"""The elements that block approval, and in which states they do."""

_FIELD_ELEMENTS = {
    "agr.el.vision": "s4_vision",
    "agr.el.objectives": "s4_objectives",
    "agr.el.how": "s4_how",
    "agr.el.term": "s5_term",
    "agr.el.funding": "s4_funding",
}

_USER_BULLET = re.compile(r"^[-*+•]\s+(.*)$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- user text -------------------------------------------------------------------------


def _block(text: str, lang: str) -> list[str]:
    """Free text as Markdown lines: its own "- " lines stay a list, other lines become
    paragraphs; nothing else of Markdown or HTML survives."""
    out: list[str] = []
    in_list = False
    for raw in usertext.clean(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        bullet = _USER_BULLET.match(line)
        if bullet and bullet.group(1).strip():
            if out and not in_list:
                out.append("")
            out.append("- " + usertext.escape_line(bullet.group(1)))
            in_list = True
        else:
            if out:
                out.append("")
            out.append(usertext.escape_line(line))
            in_list = False
    return out or [f"_{t('agr.empty', lang)}_"]


# --- the agreement text ----------------------------------------------------------------


def _org(snap: Snapshot, side: Side) -> str:
    return snap.project.our_org if side is Side.ASSOCIATION else snap.project.partner_org


def _org_md(snap: Snapshot, side: Side, lang: str) -> str:
    return usertext.plain(_org(snap, side), t(f"agr.side.{side.value}", lang))


def _sorted_tasks(tasks: Iterable[Task]) -> list[Task]:
    return sorted(
        tasks,
        key=lambda x: (x.start or x.due or date.max, x.due or date.max, x.title.casefold(), x.id),
    )


COMMITMENT_KINDS: tuple[TaskKind, ...] = (TaskKind.ACTIVITY, TaskKind.TASK, TaskKind.MILESTONE)
"""The kinds listed under "Aktiviteter og tidsplan", in this order (follow-up meetings
have their own section under "Opfølgning")."""


def agreement_tasks(snap: Snapshot) -> list[Task]:
    """Every commitment in the agreement's plan: activities, tasks and milestones
    (not internal, not follow-ups).

    Plain tasks are part of the text because they are what a side has promised to do;
    they stay editable after signing (day-to-day work), and the signed version keeps the
    text as it was signed."""
    return _sorted_tasks(x for x in snap.tasks if not x.internal and x.kind in COMMITMENT_KINDS)


def follow_up_meetings(snap: Snapshot) -> list[Task]:
    """The joint follow-up meetings (internal follow-ups from step 3 are not part of it)."""
    return _sorted_tasks(x for x in snap.tasks if not x.internal and x.kind is TaskKind.FOLLOW_UP)


def when(task: Task, lang: str) -> str:
    """The task's dates in the reader's language: "1. feb. 2027–3. mar. 2027"."""
    start, due = fmt_date(task.start, lang), fmt_date(task.due, lang)
    if task.kind is TaskKind.FOLLOW_UP and (start or due):  # a meeting is on a day, not "by" one
        return t("agr.date.meeting", lang, date=due or start)
    if start and due:
        return start if start == due else t("agr.date.range", lang, start=start, due=due)
    if start:
        return t("agr.date.from", lang, start=start)
    if due:
        return t("agr.date.until", lang, due=due)
    return t("agr.date.none", lang)


def _person_lines(snap: Snapshot, side: Side, lang: str, *, working_group: bool) -> list[str]:
    people = sorted(
        (p for p in snap.people if p.shared and p.side is side and (p.working_group or not working_group)),
        key=lambda p: (p.name.casefold(), p.id),
    )
    lines = []
    for p in people:
        extra = [usertext.plain(x) for x in (p.title, p.contact) if x.strip()]
        lines.append(", ".join([f"- **{usertext.plain(p.name, '—')}**", *extra]))
    return lines or [f"_{t('agr.none_people', lang)}_"]


def _task_lines(snap: Snapshot, tasks: list[Task], lang: str, empty_key: str, *,
                with_kind: bool = True) -> list[str]:
    lines = []
    for x in tasks:
        person = snap.person(x.responsible) if x.responsible else None
        who = usertext.plain(person.name, "—") if person else t("agr.no_responsible", lang)
        parts = [
            f"- **{usertext.plain(x.title, '—')}**",
            *([t(f"agr.kind.{x.kind.value}", lang)] if with_kind else []),
            _org_md(snap, x.side, lang),
            f"{t('agr.responsible', lang)}: {who}",
            when(x, lang),
        ]
        lines.append(" · ".join(parts))
    return lines or [f"_{t(empty_key, lang)}_"]


def render_markdown(snap: Snapshot, lang: str = "da") -> str:
    """The cooperation agreement as Markdown, from the joint data only.

    The same snapshot content gives the same text whichever role reads it: internal
    fields, internal tasks, candidates, task status and notes are never part of it.
    """
    title = t("agr.title", lang)
    sections: list[list[str]] = [[f"# {title}"]]
    if snap.project.title.strip():
        sections.append([f"**{t('agr.project', lang)}:** {usertext.plain(snap.project.title)}"])
    sections.append([f"_{t('agr.nonbinding', lang)}_"])

    parties = [f"## {t('agr.h.parties', lang)}", ""]
    for side in Side:
        org = usertext.plain(_org(snap, side), f"_{t('agr.empty', lang)}_")
        parties.append(f"- **{t(f'agr.side.{side.value}', lang)}:** {org}")
    sections.append(parties)
    for side in Side:
        head = t("agr.h.contacts", lang, org=_org_md(snap, side, lang))
        sections.append([f"### {head}", "", *_person_lines(snap, side, lang, working_group=False)])

    for key, field in (("vision", "s4_vision"), ("objectives", "s4_objectives"), ("how", "s4_how")):
        sections.append([f"## {t(f'agr.h.{key}', lang)}", "", *_block(snap.field(field).value, lang)])

    sections.append([f"## {t('agr.h.activities', lang)}"])
    planned = agreement_tasks(snap)
    for kind, empty in zip(COMMITMENT_KINDS, ("agr.none_activities", "agr.none_tasks", "agr.none_milestones"),
                           strict=True):
        group = [x for x in planned if x.kind is kind]
        if group or kind is TaskKind.ACTIVITY:
            sections.append([f"### {t(f'agr.h.group.{kind.value}', lang)}", "",
                             *_task_lines(snap, group, lang, empty, with_kind=False)])

    sections.append([f"## {t('agr.h.responsible', lang)}"])
    for side in Side:
        head = t("agr.h.responsible_side", lang, org=_org_md(snap, side, lang))
        sections.append([f"### {head}", "", *_person_lines(snap, side, lang, working_group=True)])

    sections.append([f"## {t('agr.h.funding', lang)}", "", *_block(snap.field("s4_funding").value, lang)])
    if applications := funding.agreement_lines(snap, lang):  # issue 25: the applications as records
        sections.append([f"### {t('fund.agr_heading', lang)}", "", *applications])
    meetings = _task_lines(snap, follow_up_meetings(snap), lang, "agr.none_meetings", with_kind=False)
    sections.append([f"## {t('agr.h.follow_up', lang)}", "", *_block(snap.field("s5_follow_up").value, lang)])
    sections.append([f"### {t('agr.h.follow_up_meetings', lang)}", "", *meetings])
    period = term.agreement_lines(snap, lang)  # issue 25: the structured period, then the text
    terms = snap.field("s5_term").value
    body = _block(terms, lang) if _has(terms) or not period else []
    sections.append([f"## {t('agr.h.term', lang)}", "", *period, *([""] if period and body else []), *body])
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def content_hash(markdown: str) -> str:
    """SHA-256 (hex) of the text as UTF-8, line endings normalised to \\n first."""
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- completeness and balance ----------------------------------------------------------


def _has(text: str) -> bool:
    return bool(usertext.clean(text).strip())


def _of(count: int, total: int) -> State:
    if total and count == total:
        return "in_place"
    return "partly" if count else "missing"


def completeness(snap: Snapshot) -> list[tuple[str, State]]:
    """Each element of the agreement (a catalogue key) with "missing", "partly" or "in_place"."""
    states: dict[str, State] = {}
    states["agr.el.parties"] = _of(sum(_has(_org(snap, s)) for s in Side), len(Side))
    contacts = sum(any(p.shared and p.side is s and _has(p.contact) for p in snap.people) for s in Side)
    if contacts == len(Side):
        states["agr.el.contacts"] = "in_place"
    else:
        states["agr.el.contacts"] = "partly" if contacts or snap.people else "missing"
    for key, field in _FIELD_ELEMENTS.items():
        states[key] = "in_place" if _has(snap.field(field).value) else "missing"
    if snap.term.end is not None:  # issue 25: a structured period is a term in place
        states["agr.el.term"] = "in_place"
    if snap.funding:
        states["agr.el.funding"] = "in_place"

    tasks = agreement_tasks(snap)
    has_activity = any(x.kind is TaskKind.ACTIVITY for x in tasks)
    staffed = all(x.responsible and snap.person(x.responsible) for x in tasks)
    if not tasks:
        states["agr.el.activities"] = "missing"
    else:
        states["agr.el.activities"] = "in_place" if has_activity and staffed else "partly"
    states["agr.el.timeline"] = _of(sum(bool(x.start or x.due) for x in tasks), len(tasks))
    group = sum(any(p.side is s and p.working_group for p in snap.people) for s in Side)
    states["agr.el.responsible"] = _of(group, len(Side))
    plan = _has(snap.field("s5_follow_up").value)
    states["agr.el.follow_up"] = _of(plan + bool(follow_up_meetings(snap)), 2)
    return [(key, states[key]) for key in ELEMENTS]


def missing_required(snap: Snapshot) -> list[str]:
    """The elements (catalogue keys) that must be in place before the agreement can be approved."""
    return [key for key, state in completeness(snap) if state in _BLOCKING.get(key, frozenset())]


def balance(snap: Snapshot) -> dict[Side, dict[str, int]]:
    """Per side: the agreement's tasks ("tasks"), those not done ("open") and the
    working group's size ("responsible"). Internal tasks are not part of the balance."""
    result: dict[Side, dict[str, int]] = {}
    for side in Side:
        tasks = [x for x in snap.tasks if x.side is side and not x.internal]
        result[side] = {
            "tasks": len(tasks),
            "open": sum(x.status is not TaskStatus.DONE for x in tasks),
            "responsible": sum(p.side is side and p.working_group for p in snap.people),
        }
    return result


def balance_verdict(open_per_side: Mapping[Side, int]) -> tuple[Literal["few", "even", "uneven"], Side | None]:
    """The one verdict on how the open tasks are split, used on step 5 and on the dashboard:
    "few" (fewer than three open tasks: nothing to say), "uneven" with the side holding at
    least twice as many as the other, else "even"."""
    ours, theirs = open_per_side.get(Side.ASSOCIATION, 0), open_per_side.get(Side.PARTNER, 0)
    if ours + theirs < 3:
        return "few", None
    if max(ours, theirs) >= 2 * min(ours, theirs):
        return "uneven", Side.ASSOCIATION if ours > theirs else Side.PARTNER
    return "even", None


# --- spreadsheet-safe exports ----------------------------------------------------------


def neutralise_formula(text: str) -> str:
    """``text`` with an apostrophe in front if a spreadsheet could read it as a formula
    (it starts with = + - @ tab or CR, possibly after leading white space). Their
    full-width and small forms ("＝", "＋", "－", "＠", "﹦" ...; an East Asian spreadsheet
    reads them as the ASCII ones: NFKC) and the minus sign count too."""
    if text.startswith(_FORMULA_START):
        return "'" + text
    first = unicodedata.normalize("NFKC", text.lstrip()[:1])
    if first.startswith(_FORMULA_START) or first == "\u2212":
        return "'" + text
    return text


def to_csv_rows(snap: Snapshot, lang: str = "da", *, include_internal: bool = False, delimiter: str = ",") -> str:
    """The task table as CSV text (header first), every cell formula-neutralised.

    Internal tasks are left out unless ``include_internal`` (and then marked in a column).
    Dates are ISO (2027-02-01) so a spreadsheet reads them as dates.
    """
    columns = ["title", "kind", "responsible", "side", "start", "due", "status", "note"]
    if include_internal:
        columns.append("internal")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([neutralise_formula(t(f"agr.csv.{c}", lang)) for c in columns])
    for x in _sorted_tasks(x for x in snap.tasks if include_internal or not x.internal):
        person = snap.person(x.responsible) if x.responsible else None
        org = _org(snap, x.side).strip() or t(f"agr.side.{x.side.value}", lang)
        row = [
            x.title,
            t(f"agr.kind.{x.kind.value}", lang),
            person.name if person else "",
            org,
            x.start.isoformat() if x.start else "",
            x.due.isoformat() if x.due else "",
            t(f"agr.status.{x.status.value}", lang),
            x.note,
        ]
        if include_internal:
            row.append(t("agr.yes" if x.internal else "agr.no", lang))
        writer.writerow([neutralise_formula(usertext.clean(cell)) for cell in row])
    return out.getvalue()
