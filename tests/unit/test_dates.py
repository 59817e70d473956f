"""Dates typed the Danish way (partnership/dates.py), and the rule that a follow-up names
who is responsible (partnership/validation.task_responsible)."""

from __future__ import annotations

from datetime import date

import pytest

from partnership import dates, validation
from partnership.errors import ValidationError

CHRISTMAS_EVE = date(2026, 12, 24)


@pytest.mark.parametrize("typed", [
    "24.12.2026", "24122026", "24/12-2026", "24-12-2026", "24.12.26", "241226", "24/12/2026", "24 12 2026",
    "24. 12. 2026", " 24.12.2026 ", "24.12.2026.", "2026-12-24", "24. dec. 2026", "24. december 2026",
    "24 December 2026", "24 dec 26",
])
def test_a_date_typed_the_danish_way_is_read(typed: str) -> None:
    assert dates.parse(typed) == CHRISTMAS_EVE


@pytest.mark.parametrize(("typed", "meant"), [
    ("1.2.2027", date(2027, 2, 1)),
    ("01022027", date(2027, 2, 1)),
    ("29.02.2028", date(2028, 2, 29)),  # a leap year
    ("31.1.27", date(2027, 1, 31)),
    ("1. marts 2027", date(2027, 3, 1)),
    ("5. maj 2027", date(2027, 5, 5)),
    ("17. okt. 2027", date(2027, 10, 17)),
    ("01.01.1900", date(1900, 1, 1)),
    ("31.12.2200", date(2200, 12, 31)),
])
def test_day_month_and_year_are_read_in_that_order(typed: str, meant: date) -> None:
    assert dates.parse(typed) == meant


@pytest.mark.parametrize("typed", ["", "   ", "."])
def test_a_blank_field_is_no_date(typed: str) -> None:
    assert dates.parse(typed) is None


@pytest.mark.parametrize("typed", ["31.02.2026", "30.02.2028", "29.02.2027", "31.04.2027", "32.01.2027",
                                   "00.01.2027", "13.13.2026", "24.00.2026", "31022026"])
def test_a_day_that_is_not_in_the_calendar_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        dates.parse(typed, what="Frist")
    assert caught.value.code == "date_no_such_day"
    assert caught.value.params == {"what": "Frist", "typed": typed, "example": "24.12.2026"}


@pytest.mark.parametrize("typed", ["20122026x", "2412", "24.12", "24122", "2412202", "abc", "24. foo 2026",
                                   "24..12.2026", "24.12.202", "i morgen", "12/24/2026/1", "2026-12"])
def test_text_that_is_not_a_date_is_refused_and_named(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        dates.parse(typed, what="Start")
    assert caught.value.code == "date_unreadable"
    assert caught.value.params["typed"] == typed.strip()


@pytest.mark.parametrize("typed", ["24.12.1899", "24.12.2201", "24.12.0026", "24.12.9999"])
def test_a_year_outside_the_stored_range_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        dates.parse(typed)
    assert caught.value.code == "date_range"


def test_two_digit_years_are_this_century() -> None:
    assert dates.parse("01.01.00") == date(2000, 1, 1)
    assert dates.parse("31.12.99") == date(2099, 12, 31)


def test_a_date_is_shown_as_the_field_reads_it_back() -> None:
    assert dates.show(date(2027, 2, 1)) == "01.02.2027"
    assert dates.show(None) == ""
    for day in (date(2026, 1, 1), date(2028, 2, 29), CHRISTMAS_EVE, date(1900, 1, 1), date(2200, 12, 31)):
        assert dates.parse(dates.show(day)) == day


def test_the_messages_of_a_refused_date_exist_in_both_languages() -> None:
    from partnership.i18n import catalogues

    for code in ("date_unreadable", "date_no_such_day", "responsible_required"):
        for lang in ("da", "en"):
            assert f"err.{code}" in catalogues()[lang]


# -- the responsible person ------------------------------------------------------------------


def test_a_new_follow_up_without_a_responsible_person_is_refused() -> None:
    for nobody in ("", "   ", None):
        with pytest.raises(ValidationError) as caught:
            validation.task_responsible("follow_up", nobody)
        assert caught.value.code == "responsible_required"
        assert caught.value.params == {"what": "task.responsible"}
    validation.task_responsible("follow_up", "p1")


@pytest.mark.parametrize("kind", ["task", "activity", "milestone"])
def test_other_kinds_may_wait_for_a_responsible_person(kind: str) -> None:
    validation.task_responsible(kind, "")


def test_a_change_is_checked_when_it_sets_the_kind_or_the_person() -> None:
    with pytest.raises(ValidationError):
        validation.task_responsible("follow_up", "", changing={"kind"})  # a task becomes a follow-up
    with pytest.raises(ValidationError):
        validation.task_responsible("follow_up", "", changing=["responsible", "title"])  # the person removed
    # An older follow-up saved without one can still be marked done or noted on.
    validation.task_responsible("follow_up", "", changing={"status", "note"})


def test_an_unknown_kind_is_refused_as_a_choice() -> None:
    with pytest.raises(ValidationError) as caught:
        validation.task_responsible("meeting", "p1")
    assert caught.value.code == "bad_choice"
