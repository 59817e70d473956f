"""Funding applications (issue 25): the sums on the dashboard, the deadlines on the
timeline, the lines in the agreement's funding section, and the form's own checks.

Pure: records in, plain data out; no I/O. The store holds the rules
(supabase/migrations/20261206000200_funding_term.sql); ``check`` says the same before a
form asks it, so a refusal names the field and keeps what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from partnership import usertext
from partnership.errors import ValidationError
from partnership.i18n import fmt_date, t
from partnership.model import Side, Snapshot, Task, TaskKind, TaskStatus
from partnership.model_term import FundingApplication, FundingStatus

MAX_FUND = 200
MAX_NOTE = 1_000
MAX_AMOUNT = 1_000_000_000
TIMELINE_PREFIX = "funding:"
"""The id prefix of an application's deadline drawn as a milestone on the timeline."""

_AMOUNT = re.compile(r"^(?:kr\.?|dkk)?\s*(\d{1,3}(?:[. \u00a0]\d{3})+|\d+)(?:,-|,00)?\s*(?:kr\.?|dkk|,-)?$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Sums:
    """Whole kroner: ``planned`` not yet sent, ``applied`` sent or answered (sent,
    granted or refused), ``granted``, and ``pending`` sent and waiting for an answer."""

    planned: int = 0
    applied: int = 0
    granted: int = 0
    pending: int = 0
    count: int = 0


def sums(applications: Iterable[FundingApplication]) -> Sums:
    planned = applied = granted = pending = count = 0
    for a in applications:
        count += 1
        if a.status is FundingStatus.PLANNED:
            planned += a.amount
        else:
            applied += a.amount
        if a.status is FundingStatus.GRANTED:
            granted += a.amount
        if a.status is FundingStatus.SENT:
            pending += a.amount
    return Sums(planned, applied, granted, pending, count)


def parse_amount(text: str) -> int:
    """Kroner as a Dane types them: "25000", "25.000", "25 000", "25.000 kr.", "25.000,-".
    Blank is 0. Anything else - decimals, a minus, letters - is ``bad_amount``."""
    typed = usertext.clean(text).strip()
    if not typed:
        return 0
    found = _AMOUNT.match(typed)
    if not found:
        raise ValidationError(f"not an amount: {typed!r}", code="bad_amount", what="funding.amount")
    value = int(re.sub(r"\D", "", found.group(1)))
    if value > MAX_AMOUNT:
        raise ValidationError("amount too large", code="bad_amount", what="funding.amount")
    return value


def amount_text(amount: int, lang: str) -> str:
    """"25.000 kr." in Danish, "DKK 25,000" in English."""
    if lang == "en":
        return f"DKK {amount:,}"
    return f"{amount:,}".replace(",", ".") + " kr."


def amount_in_range(amount: object) -> int:
    """Whole kroner from 0 to MAX_AMOUNT (an import's check; a form reads ``parse_amount``)."""
    if isinstance(amount, bool) or not isinstance(amount, int) or not 0 <= amount <= MAX_AMOUNT:
        raise ValidationError("amount out of range", code="bad_amount", what="funding.amount")
    return amount


def check(fund: str, note: str) -> None:
    """The form's checks before the store is asked (the database says the same)."""
    if not usertext.clean(fund).strip():
        raise ValidationError("fund is required", code="required", what="funding.fund")
    if len(fund) > MAX_FUND:
        raise ValidationError("fund too long", code="too_long", what="funding.fund", limit=MAX_FUND, length=len(fund))
    if len(note) > MAX_NOTE:
        raise ValidationError("note too long", code="too_long", what="funding.note", limit=MAX_NOTE, length=len(note))


def ordered(applications: Iterable[FundingApplication]) -> list[FundingApplication]:
    """By deadline (none last), then fund: the store's order."""
    return sorted(applications, key=lambda a: (a.deadline is None, a.deadline, a.fund.casefold(), a.id))


# -- the timeline ---------------------------------------------------------------------------


def timeline_tasks(snap: Snapshot, lang: str) -> list[Task]:
    """Each application with a deadline as a milestone on the timeline ("Ansøgningsfrist:
    <fund>"), in the lane of its responsible person (or the association's). Done once it
    is sent or answered; a planned one past its deadline shows as overdue. Their ids start
    with ``TIMELINE_PREFIX``: they are no task of the store."""
    out = []
    for a in ordered(snap.funding):
        if a.deadline is None:
            continue
        person = snap.person(a.responsible) if a.responsible else None
        out.append(Task(
            id=TIMELINE_PREFIX + a.id, title=t("fund.timeline_title", lang, fund=a.fund), kind=TaskKind.MILESTONE,
            responsible=person.id if person else "", side=person.side if person else Side.ASSOCIATION,
            due=a.deadline, status=TaskStatus.PLANNED if a.status is FundingStatus.PLANNED else TaskStatus.DONE,
            note=a.note, version=a.version, updated_by=a.updated_by, updated_at=a.updated_at))
    return out


# -- the agreement --------------------------------------------------------------------------


def agreement_lines(snap: Snapshot, lang: str) -> list[str]:
    """The applications as Markdown list lines for the agreement's funding section: fund,
    amount, deadline and who is responsible (status and notes change while the
    partnership runs and are left out, as for tasks). Empty when there are none."""
    lines = []
    for a in ordered(snap.funding):
        person = snap.person(a.responsible) if a.responsible else None
        who = usertext.plain(person.name, "—") if person else t("agr.no_responsible", lang)
        deadline = t("fund.agr_deadline", lang, date=fmt_date(a.deadline, lang)) if a.deadline else \
            t("fund.agr_no_deadline", lang)
        lines.append(" · ".join([f"- **{usertext.plain(a.fund, '—')}**", amount_text(a.amount, lang), deadline,
                                 f"{t('agr.responsible', lang)}: {who}"]))
    return lines
