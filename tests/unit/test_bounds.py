"""Dates are bounded (years 1900-2200) and a task far out never breaks the timeline."""

from __future__ import annotations

from datetime import date

import pytest

from partnership import validation
from partnership.errors import ValidationError
from partnership.model import Role, Task
from partnership.render import calendar_ics, timeline_chart
from partnership.steps import editing_visible_to
from partnership.ui.messages import describe


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01", date(9999, 12, 31)])
def test_dates_outside_the_years_are_refused_with_a_message(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        validation.task_changes({"due": value})
    assert caught.value.code == "date_range"
    assert "1900" in describe(caught.value, "da") and "2200" in describe(caught.value, "en")


@pytest.mark.parametrize("value", ["1900-01-01", "2200-12-31", date(2027, 3, 1)])
def test_dates_inside_the_years_are_kept(value: object) -> None:
    assert validation.task_changes({"due": value})["due"] in (date(1900, 1, 1), date(2200, 12, 31), date(2027, 3, 1))


FAR = [Task("far", "Langt ude", start=date(1, 1, 1), due=date(9999, 12, 31)),
       Task("near", "Snart", due=date(2027, 1, 1))]


def test_a_task_far_in_the_future_is_left_off_the_timeline_not_a_crash() -> None:
    figure = timeline_chart.timeline_figure(FAR, [], today=date(2026, 11, 30),
                                            period=(date(1, 1, 1), date(9999, 12, 31)))
    ids = [cd for trace in figure.data for cd in (trace.customdata or [])]
    assert "near" in str(ids) and "far" not in str(ids)


def test_a_task_far_in_the_future_is_left_out_of_the_calendar() -> None:
    ics = calendar_ics.tasks_to_ics(FAR, [], project_title="P").decode()
    assert "Snart" in ics and "Langt ude" not in ics


@pytest.mark.parametrize("role", [Role.PARTNER, Role.VIEWER, "partner", "viewer"])
def test_partner_and_viewer_see_only_that_an_internal_field_is_edited(role: Role | str) -> None:
    for internal in ("s1_vision_fit", "s1_idea", "s3_email", "re_cand_abc", "re_project_names", "anything_else"):
        assert editing_visible_to(role, internal) == "internal"
    for joint in ("s4_vision", "s5_term", "re_s4task_x", ""):
        assert editing_visible_to(role, joint) == joint


def test_the_owner_sees_every_key() -> None:
    for key in ("s1_vision_fit", "re_cand_abc", "s4_vision", ""):
        assert editing_visible_to(Role.OWNER, key) == key
