"""Message catalogues: Danish (default) and English.

Each feature of the app keeps its messages in its own module ``catalog_<feature>.py``
(``catalog_start``, ``catalog_step3``, ``catalog_history``, ...) with two dicts, ``DA`` and
``EN``, holding the same keys. A key's prefix (``s3`` in ``s3.answer``) belongs to one
module, so the key says where it lives. Tests check that both languages have every key,
that no key is defined twice, and that every key is used by the code.
``t()`` looks a key up in the chosen language and formats it with ``str.format``-style
parameters. A count picks its word with a plural spec, ``{n:opgave|opgaver}``: the
first form for one, the second for any other number (Danish and English agree on that
rule), so no message says "opgave(r)".
Dates are formatted with Babel in the language's locale (Danish: 26. nov. 2026).
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from datetime import date, datetime
from functools import cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")
DEFAULT_LANG: Lang = "da"
_LOCALES = {"da": "da_DK", "en": "en_GB"}
TIMEZONE = ZoneInfo("Europe/Copenhagen")
"""Timestamps are stored in UTC and shown in Danish time, whatever the reader's language."""


@cache
def catalogues() -> dict[str, dict[str, str]]:
    """All messages per language, merged from every ``catalog_*`` module."""
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("catalog_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for lang in LANGS:
            part: dict[str, str] = getattr(module, lang.upper())
            dupes = merged[lang].keys() & part.keys()
            if dupes:
                raise RuntimeError(f"{info.name}: keys defined twice: {sorted(dupes)}")
            merged[lang].update(part)
    return merged


def count_of(value: Any) -> int | None:
    """A count as a number: an int, or a number already formatted with thousands
    separators ("1.234", "1,234"); None if it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    digits = str(value).strip().replace(".", "").replace(",", "").replace("\u00a0", "").replace(" ", "")
    return int(digits) if digits.lstrip("-").isdigit() else None


def plural(n: Any, one: str, other: str) -> str:
    """``one`` for a count of one (or minus one), ``other`` for any other count."""
    return one if count_of(n) in (1, -1) else other


class _Formatter(string.Formatter):
    """``str.format`` plus the plural spec ``{n:one|other}``."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, other = format_spec.partition("|")
            return plural(value, one, other)
        return str(super().format_field(value, format_spec))


_FORMAT = _Formatter()


def t(key: str, lang: str = DEFAULT_LANG, /, **params: Any) -> str:
    """The message ``key`` in ``lang``, formatted with ``params``.

    A missing key shows as the key itself (never an exception on a page); the catalogue
    test makes sure none is missing.
    """
    messages = catalogues().get(lang) or catalogues()[DEFAULT_LANG]
    text = messages.get(key, key)
    if params:
        try:
            return _FORMAT.vformat(text, (), params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def has(key: str) -> bool:
    return key in catalogues()[DEFAULT_LANG]


def fmt_date(value: date | None, lang: str = DEFAULT_LANG, style: str = "medium") -> str:
    """A date in the language's format: "26. nov. 2026" (da) / "26 Nov 2026" (en)."""
    if value is None:
        return ""
    return format_date(value, format=style, locale=_LOCALES.get(lang, "da_DK"))


def fmt_iso_date(value: object, lang: str = DEFAULT_LANG) -> str | None:
    """A date written as ISO text ("2026-11-26", as records are logged) in the language's
    format, or None if ``value`` is not one."""
    try:
        return fmt_date(date.fromisoformat(str(value)), lang)
    except ValueError:
        return None


def fmt_datetime(value: datetime | None, lang: str = DEFAULT_LANG) -> str:
    """A timestamp in the reader's language, e.g. "26. nov. 2026 14.05"."""
    if value is None:
        return ""
    return format_datetime(value, format="d. MMM y HH.mm" if lang == "da" else "d MMM y HH:mm",
                           tzinfo=TIMEZONE, locale=_LOCALES.get(lang, "da_DK"))
