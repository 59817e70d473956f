"""What the link that read a snapshot may do now: ``Snapshot.may``.

The store's SQL functions decide every write; the snapshot says what they would allow
(``may_json`` in supabase/migrations/20261206000900_may.sql, computed from the same
predicates they refuse with), and the pages draw their controls from it instead of
deciding again. The default allows nothing (a snapshot built by hand, a demo, an import).
Kept beside model.py, which imports it for the snapshot."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from partnership.model import Side, TaskKind


def _no_tasks() -> Mapping[str, frozenset[str]]:
    return MappingProxyType({})


@dataclass(frozen=True)
class May:
    """Each capability as the store would answer it now, for this link and this project."""

    fields: frozenset[str] = frozenset()  # field keys it may write
    task_kinds: tuple[TaskKind, ...] = ()  # the kinds a new task may have; none: it adds no task
    internal_tasks: bool = False  # a new task (or a change) may make a task internal
    task_fields: Mapping[str, frozenset[str]] = field(default_factory=_no_tasks)  # task id -> fields it may change
    people: frozenset[Side] = frozenset()  # the sides it may add and change people on
    approve: bool = False  # approve the agreement for its side
    reopen: bool = False  # reopen the signed agreement
    term: bool = False  # set the agreement's period
    outcome: bool = False  # choose the outcome of the term
    candidates: bool = False  # step 2 and 3's candidates
    project: bool = False  # the project's title and organisations
    erase_person: bool = False
    timer: bool = False  # step 2's shared timer
    agenda: bool = False  # Møde 1's agenda
    funding: bool = False
    meetings: bool = False
    evaluate: bool = False  # the end-of-term evaluation
    health: bool = False  # a health check
    links: bool = False  # the project's links and who sees them
    delete: bool = False  # the project itself

    @property
    def add_tasks(self) -> bool:
        return bool(self.task_kinds)

    def task(self, task_id: str) -> frozenset[str]:
        """The fields it may change on the task ``task_id`` (none for a task it does not see)."""
        return self.task_fields.get(task_id, frozenset())

    def person(self, side: Side) -> bool:
        """Whether it may add or change a person on ``side``."""
        return side in self.people

    def restore(self, entity: str, target: str, side: Side | None = None) -> bool:
        """Whether it may put back a history entry of ``entity`` on ``target`` (ps_restore
        writes it again through the entity's own write: a field, a candidate, a person on
        ``side``, or a whole task)."""
        if entity == "field":
            return target in self.fields
        if entity == "candidate":
            return self.candidates
        if entity == "person":
            return side is not None and self.person(side)
        if entity == "task":
            return "title" in self.task(target)  # a whole task: not a signed agreement's
        return False
