"""The partnership health check: a few statements each side rates green, amber or red
at a follow-up meeting, with an optional comment.

The statement texts live in the message catalogue (``health.statement.<key>``); this
module holds the keys, checks answers, finds where the two sides see things
differently, and groups checks into follow-up rounds. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from partnership.errors import ValidationError
from partnership.i18n import fmt_date, t
from partnership.model import HealthCheck, Side
from partnership.validation import text

STATEMENTS: tuple[str, ...] = (
    "shared_goals",
    "tasks_as_agreed",
    "communication",
    "mutual_benefit",
    "equal_ownership",
    "resources_ok",
)
RATINGS: tuple[str, ...] = ("green", "amber", "red")
SCORES: dict[str, int] = {"green": 2, "amber": 1, "red": 0}
MAX_COMMENT = 2_000
ROUND_DAYS = 14


def statement_text(key: str, lang: str = "da") -> str:
    return t(f"health.statement.{key}", lang)


def validate_answers(answers: object) -> dict[str, tuple[str, str]]:
    """Checked answers: statement key -> (rating, comment), in STATEMENTS order.

    Each value is ``(rating, comment)`` (tuple or list) or just the rating. A side may
    leave statements out, but must answer at least one. Raises ``ValidationError``:
    ``bad_choice`` for an unknown statement or rating, ``too_long`` for a comment over
    MAX_COMMENT characters, ``not_text`` for a comment that is not text, ``required``
    for no answers at all.
    """
    if not isinstance(answers, Mapping):
        raise ValidationError("answers: not a mapping", code="bad_choice", what="health.answers")
    if not answers:
        raise ValidationError("answers: none given", code="required", what="health.answers")
    out: dict[str, tuple[str, str]] = {}
    for key, value in answers.items():
        if key not in STATEMENTS:
            raise ValidationError(f"unknown statement {key!r}", code="bad_choice", what=f"health.{key}")
        if isinstance(value, str):
            rating, comment = value, ""
        elif isinstance(value, tuple | list) and len(value) in (1, 2):
            rating, comment = value[0], value[1] if len(value) == 2 else ""
        else:
            raise ValidationError(f"{key}: not (rating, comment)", code="bad_choice", what=f"health.{key}")
        if not isinstance(rating, str) or rating.strip().lower() not in RATINGS:
            raise ValidationError(
                f"{key}: rating {rating!r} is not allowed", code="bad_choice", what=f"health.{key}"
            )
        comment = "" if comment is None else comment
        out[key] = (rating.strip().lower(), text(comment, what=f"health.{key}", limit=MAX_COMMENT).strip())
    return {key: out[key] for key in STATEMENTS if key in out}


def latest_by_side(checks: Iterable[HealthCheck]) -> dict[Side, HealthCheck]:
    """The most recent check of each side that has answered."""
    latest: dict[Side, HealthCheck] = {}
    for check in checks:
        if check.side not in latest or check.at >= latest[check.side].at:
            latest[check.side] = check
    return latest


@dataclass(frozen=True)
class Difference:
    """A statement the two sides rated differently in their latest checks.

    ``gap`` is 1 (green/amber or amber/red) or 2 (green/red).
    """

    statement: str
    association: str
    partner: str
    gap: int
    association_comment: str = ""
    partner_comment: str = ""


def _order(key: str) -> int:
    return STATEMENTS.index(key) if key in STATEMENTS else len(STATEMENTS)


def compare(checks: Iterable[HealthCheck]) -> list[Difference]:
    """Where the latest check of each side differs, largest gap first, then in statement
    order. Empty unless both sides have answered; statements only one side rated (or
    with an unknown rating) are left out."""
    latest = latest_by_side(checks)
    ours, theirs = latest.get(Side.ASSOCIATION), latest.get(Side.PARTNER)
    if ours is None or theirs is None:
        return []
    found: list[Difference] = []
    for key, (rating_a, comment_a) in ours.answers.items():
        if key not in theirs.answers:
            continue
        rating_p, comment_p = theirs.answers[key]
        if rating_a not in SCORES or rating_p not in SCORES or rating_a == rating_p:
            continue
        found.append(
            Difference(
                statement=key,
                association=rating_a,
                partner=rating_p,
                gap=abs(SCORES[rating_a] - SCORES[rating_p]),
                association_comment=comment_a,
                partner_comment=comment_p,
            )
        )
    return sorted(found, key=lambda d: (-d.gap, _order(d.statement), d.statement))


@dataclass(frozen=True)
class Round:
    """The checks of one follow-up (``number`` from 1), oldest first."""

    number: int
    start: date
    end: date
    checks: tuple[HealthCheck, ...]

    @property
    def by_side(self) -> dict[Side, HealthCheck]:
        return latest_by_side(self.checks)

    @property
    def differences(self) -> list[Difference]:
        return compare(self.checks)

    @property
    def complete(self) -> bool:
        """Both sides answered in this round."""
        return len(self.by_side) == len(Side)

    def label(self, lang: str = "da") -> str:
        return t("health.round", lang, n=self.number, date=fmt_date(self.start, lang))


def rounds(checks: Sequence[HealthCheck], *, within_days: int = ROUND_DAYS) -> list[Round]:
    """Checks grouped into follow-up rounds: a round takes every check made within
    ``within_days`` days of its first check; the next check after that opens a new one."""
    ordered = sorted(checks, key=lambda c: c.at)
    groups: list[list[HealthCheck]] = []
    for check in ordered:
        if groups and check.at.date() - groups[-1][0].at.date() <= timedelta(days=within_days):
            groups[-1].append(check)
        else:
            groups.append([check])
    return [
        Round(number=n, start=g[0].at.date(), end=g[-1].at.date(), checks=tuple(g))
        for n, g in enumerate(groups, start=1)
    ]


def average_score(check: HealthCheck) -> float | None:
    """The mean of the check's ratings (green 2, amber 1, red 0), None if none rated."""
    scores = [SCORES[rating] for rating, _ in check.answers.values() if rating in SCORES]
    return sum(scores) / len(scores) if scores else None
