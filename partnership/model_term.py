"""Funding applications and the end of the agreement's term (issue 25): the records of
``Snapshot.funding`` and ``Snapshot.term``; their rules are in partnership/funding.py and
partnership/term.py. Kept beside model.py (which imports them for the snapshot)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnership.model import Side


class FundingStatus(StrEnum):
    PLANNED = "planned"
    SENT = "sent"
    GRANTED = "granted"
    REFUSED = "refused"


@dataclass(frozen=True)
class FundingApplication:
    """An application for money from a fund: ``amount`` in whole Danish kroner,
    ``responsible`` a (shared) Person id or empty."""

    id: str
    fund: str
    amount: int = 0
    deadline: date | None = None
    status: FundingStatus = FundingStatus.PLANNED
    responsible: str = ""
    note: str = ""
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None


class Outcome(StrEnum):
    """What the two sides choose together at the end of the term."""

    CONTINUE = "continue"
    RENEW = "renew"
    CLOSE = "close"


@dataclass(frozen=True)
class OutcomeChoice:
    """One side's choice, waiting for the other side's."""

    side: Side
    choice: Outcome
    note: str = ""
    name: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class Evaluation:
    """One side's evaluation at the end of the term: the health check's statements
    (key -> (rating, comment)) and what was reached against the objectives."""

    id: str
    side: Side
    name: str
    at: datetime
    answers: dict[str, tuple[str, str]]
    reached: str = ""


@dataclass(frozen=True)
class Term:
    """The agreement's period and how it ends. ``version`` counts the period's changes,
    ``outcome_version`` the choices; ``outcome`` is the last one both sides chose (None
    until then, and again once the period changes). A closed project is read-only."""

    start: date | None = None
    end: date | None = None
    version: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None
    outcome: Outcome | None = None
    outcome_at: datetime | None = None
    outcome_version: int = 0
    closed_at: datetime | None = None
    closed_note: str = ""
    choices: tuple[OutcomeChoice, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def choice_of(self, side: Side) -> OutcomeChoice | None:
        return next((c for c in self.choices if c.side is side), None)
