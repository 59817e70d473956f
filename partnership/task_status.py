"""How each task status looks wherever it is shown: one row per ``TaskStatus``.

A new status is added in ``model.TaskStatus``, here, and as "agr.status.<value>" in both
languages of ``i18n/catalog_agreement.py`` (the one label every page, the timeline, the
calendar file and the agreement use); ``scripts/gen_sql.py`` then writes the database's
side. A status missing here or in the catalogue fails tests/unit/test_task_status.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnership.model import TaskStatus


@dataclass(frozen=True)
class Look:
    colour: str
    """The timeline's bars and markers (Okabe-Ito colours: calm, and told apart with the
    common colour-vision deficiencies)."""
    on_colour: str
    """Text drawn on a bar of ``colour``."""
    badge: str
    """The task list's badge: one of Streamlit's colour names."""
    rank: int
    """A bundled bar of many tasks shows the status of the lowest rank among them."""


LOOKS: dict[TaskStatus, Look] = {
    TaskStatus.PLANNED: Look("#56B4E9", "#1F2937", "gray", 2),  # sky blue
    TaskStatus.IN_PROGRESS: Look("#0072B2", "#FFFFFF", "blue", 1),  # blue
    TaskStatus.DONE: Look("#009E73", "#FFFFFF", "green", 3),  # bluish green
    TaskStatus.BLOCKED: Look("#CC79A7", "#1F2937", "red", 0),  # reddish purple
}


def label_key(status: TaskStatus | str) -> str:
    """The catalogue key of a status's name."""
    return f"agr.status.{TaskStatus(status).value}"
