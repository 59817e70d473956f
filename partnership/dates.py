"""Dates as people type them in Denmark, and back.

``parse`` reads what a person typed into a date field: day first, as Danes write it
("24.12.2026", "24122026", "24/12-2026", "24-12-2026", "24.12.26", "24. dec. 2026"),
and also an ISO date ("2026-12-24") as pasted from elsewhere. It never guesses: text it
cannot read, or a day that does not exist (31.02.2026), raises ``ValidationError`` with
a code the page turns into a sentence, so the form can refuse and keep what was typed.
``show`` writes a date the way the field shows it ("24.12.2026").
"""

from __future__ import annotations

import re
from datetime import date

from partnership.errors import ValidationError
from partnership.validation import YEAR_MAX, YEAR_MIN

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate((
        ("januar", "january", "jan"),
        ("februar", "february", "feb"),
        ("marts", "march", "mar"),
        ("april", "apr"),
        ("maj", "may"),
        ("juni", "june", "jun"),
        ("juli", "july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("oktober", "october", "okt", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ), start=1)
    for name in names
}
"""Month names a person may type, Danish and English, whole or shortened."""

_NUMERIC = re.compile(r"(\d{1,2})\s*[./\- ]\s*(\d{1,2})\s*[./\- ]\s*(\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{2}|\d{4})")
_WORDS = re.compile(r"(\d{1,2})\.?\s*([^\W\d_]+)\.?\s*(\d{2}|\d{4})")

EXAMPLE = "24.12.2026"
"""How the field shows a date, and the example its messages give."""


def parse(text: str, *, what: str = "date") -> date | None:
    """The date in ``text``, or None when it is blank.

    Raises ``ValidationError`` with code ``date_unreadable`` (not a date as typed),
    ``date_no_such_day`` (31.02.2026, 29.02.2027, month 13) or ``date_range`` (a year
    outside ``YEAR_MIN``..``YEAR_MAX``); ``what`` names the field and ``typed`` holds
    the text.
    """
    typed = " ".join(text.split()).rstrip(".")
    if not typed:
        return None
    parts = _split(typed.casefold())
    if parts is None:
        raise ValidationError(f"{what}: {typed!r} is not a date", code="date_unreadable", what=what,
                              typed=typed, example=EXAMPLE)
    day, month, digits = parts
    year = int(digits) + (2000 if len(digits) == 2 else 0)  # "24.12.26": this century, as meant
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValidationError(f"{what}: {year} is outside {YEAR_MIN}-{YEAR_MAX}", code="date_range",
                              what=what, low=YEAR_MIN, high=YEAR_MAX)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"{what}: {typed!r} is no day in the calendar", code="date_no_such_day",
                              what=what, typed=typed, example=EXAMPLE) from None


def _split(typed: str) -> tuple[int, int, str] | None:
    """(day, month, the year's digits) as written, before any check of the calendar."""
    if found := _ISO.fullmatch(typed):
        return int(found[3]), int(found[2]), found[1]
    if found := _NUMERIC.fullmatch(typed) or _DIGITS.fullmatch(typed):
        return int(found[1]), int(found[2]), found[3]
    if (found := _WORDS.fullmatch(typed)) and found[2] in MONTHS:
        return int(found[1]), MONTHS[found[2]], found[3]
    return None


def show(value: date | None) -> str:
    """``value`` as the field shows it: "24.12.2026" ("" for None)."""
    return "" if value is None else f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
