"""Danish (and English) plural forms: a count picks its word (``{n:opgave|opgaver}``),
and no message hedges with "opgave(r)" or "task(s)"."""

from __future__ import annotations

import re

import pytest

from partnership.i18n import catalogues, count_of, plural, t

HEDGE = re.compile(r"\w\((?:r|er|e|n|ne|s|es)\)")
"""A word with its plural ending in brackets: "opgave(r)", "række(r)", "task(s)"."""


def test_no_message_hedges_its_plural_with_brackets() -> None:
    for lang, messages in catalogues().items():
        hedged = sorted(key for key, text in messages.items() if HEDGE.search(text))
        assert hedged == [], lang


def test_the_hedge_pattern_would_catch_the_old_messages() -> None:
    assert HEDGE.search("1 opgave(r) uden dato") and HEDGE.search("3 task(s) without a date")
    assert not HEDGE.search("Start (valgfri)") and not HEDGE.search("Word (.docx)")


@pytest.mark.parametrize(("n", "da", "en"), [
    (0, "0 opgaver uden dato vises ikke på tidslinjen", "0 tasks without a date are not shown on the timeline"),
    (1, "1 opgave uden dato vises ikke på tidslinjen", "1 task without a date is not shown on the timeline"),
    (2, "2 opgaver uden dato vises ikke på tidslinjen", "2 tasks without a date are not shown on the timeline"),
])
def test_undated_tasks_are_counted_in_the_right_form(n: int, da: str, en: str) -> None:
    assert t("timeline.undated", "da", n=n) == da
    assert t("timeline.undated", "en", n=n) == en


def test_every_counted_message_agrees_with_its_number() -> None:
    assert t("timeline.svg_label", "da", n=1, lanes=1) == "Tidslinje over 1 opgave med dato, i 1 række"
    assert t("timeline.svg_label", "da", n=5, lanes=3) == "Tidslinje over 5 opgaver med dato, i 3 rækker"
    assert t("dash.late_by", "da", n=1) == "1 dag for sent"
    assert t("dash.more", "da", n=1) == "… og 1 mere" and t("dash.more", "da", n=4) == "… og 4 flere"
    assert t("history.count", "da", shown=1, total=1) == "Viser 1 af 1 ændring"
    assert t("history.answers", "en", n=1) == "1 answer" and t("history.answers", "da", n=3) == "3 svar"
    assert t("tl.shown", "en", shown=1, total=12) == "Showing 1 of 12 tasks."


def test_a_count_formatted_with_thousands_separators_still_counts() -> None:
    assert count_of("1.234") == 1234 and count_of("1\u00a0234") == 1234 and count_of(1) == 1
    assert count_of("mange") is None and count_of(True) is None
    assert plural("1", "opgave", "opgaver") == "opgave" and plural("1.001", "opgave", "opgaver") == "opgaver"


def test_a_plain_format_spec_still_formats() -> None:
    # Only a spec with "|" picks a word; any other spec is str.format's.
    assert t("health.round", "da", n=2, date="5. dec. 2026") == "Opfølgning 2 (5. dec. 2026)"
