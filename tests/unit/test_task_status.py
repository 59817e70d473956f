"""Every task status has its look and its name in both languages (partnership/task_status.py):
a status added to ``model.TaskStatus`` and forgotten here fails, before any page draws it."""

from __future__ import annotations

import pytest

from partnership.i18n import LANGS, t
from partnership.model import TaskStatus
from partnership.render.chart_base import OVERDUE_COLOUR
from partnership.task_status import LOOKS, label_key


def test_every_status_has_a_look_of_its_own() -> None:
    assert set(LOOKS) == set(TaskStatus)
    colours = [look.colour for look in LOOKS.values()]
    assert len(set(colours) | {OVERDUE_COLOUR}) == len(TaskStatus) + 1, "each status and 'overdue' told apart"
    assert sorted(look.rank for look in LOOKS.values()) == list(range(len(TaskStatus))), "one bundled bar's order"
    assert {look.badge for look in LOOKS.values()} <= {"red", "orange", "yellow", "blue", "green", "violet", "gray",
                                                       "grey", "primary"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("status", list(TaskStatus))
def test_every_status_has_its_name(lang: str, status: TaskStatus) -> None:
    assert t(label_key(status), lang) != label_key(status)
