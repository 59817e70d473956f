"""The end of the agreement's term (issue 25): when to remind, what the pages say about
the period and the two sides' choices, and the period's line in the agreement.

Pure; the rules live in the store (supabase/migrations/20261206000200_funding_term.sql):
the period is set before signing, each side chooses an outcome once signed, and the
outcome takes effect when both chose the same. A closed project is read-only there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from partnership.i18n import fmt_date, t
from partnership.model import Side, Snapshot
from partnership.model_term import Outcome, Term

REMIND_DAYS = 60
"""The overview's notice shows from this many days before the period ends."""

Stage = Literal["none", "running", "ending", "ended", "decided", "closed"]


@dataclass(frozen=True)
class Notice:
    """Where the term stands on ``today``: ``days`` left (negative once ended)."""

    stage: Stage
    days: int = 0


def notice(term: Term, today: date, *, remind_days: int = REMIND_DAYS) -> Notice:
    """"closed"; "decided" once both sides chose for this period; "ended"; "ending"
    within ``remind_days`` of the end; "running" before that; "none" without an end."""
    if term.closed:
        return Notice("closed")
    if term.end is None:
        return Notice("none")
    days = (term.end - today).days
    if term.outcome is not None:
        return Notice("decided", days)
    if days < 0:
        return Notice("ended", days)
    return Notice("ending" if days <= remind_days else "running", days)


def period_text(term: Term, lang: str) -> str:
    """"1. jan. 2027–31. dec. 2027", "til 31. dec. 2027", or "" without an end."""
    if term.end is None:
        return ""
    end = fmt_date(term.end, lang)
    if term.start is None:
        return t("term.until", lang, end=end)
    return t("term.range", lang, start=fmt_date(term.start, lang), end=end)


def agreement_lines(snap: Snapshot, lang: str) -> list[str]:
    """The period as a line of the agreement's section on the term (none without one)."""
    text = period_text(snap.term, lang)
    return [f"**{t('term.agr_period', lang)}:** {text}"] if text else []


def waiting_for(term: Term) -> Side | None:
    """The side whose choice is missing while the other has chosen (None otherwise)."""
    chosen = {c.side for c in term.choices}
    if len(chosen) != 1:
        return None
    return Side.PARTNER if Side.ASSOCIATION in chosen else Side.ASSOCIATION


OUTCOMES: tuple[Outcome, ...] = (Outcome.CONTINUE, Outcome.RENEW, Outcome.CLOSE)
