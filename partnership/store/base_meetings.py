"""The follow-up meetings' part of the Store contract (issue 25; migration ``_meetings``),
kept beside ``base.py``, whose ``Store`` inherits it. The rules of ``base.py`` hold: the
token names project and role, every write is compare-and-set, bumps the revision and
writes history."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any

from partnership.meetings import Meeting, Meetings, Rhythm
from partnership.model import Access, Task


class MeetingStore(ABC):
    """Follow-up meetings: every role reads, owner, member and partner write."""

    @abstractmethod
    def meetings(self, access: Access) -> Meetings:
        """The rhythm and every meeting, for every role (a partner or viewer sees only
        the shared people among the participants)."""

    @abstractmethod
    def add_meeting(self, access: Access, fields: Mapping[str, Any], actor: str) -> Meeting:
        """A new meeting (``day`` and ``time`` "HH:MM" required; ``duration`` minutes,
        ``place``, ``participants`` (person ids), ``agenda``, ``decisions``). Owner, member
        and partner, also after signing."""

    @abstractmethod
    def update_meeting(self, access: Access, meeting_id: str, changes: Mapping[str, Any], expected_version: int,
                       actor: str) -> int:
        """Change a meeting's plan, agenda or decisions; compare-and-set on its version.
        A partner's change of participants keeps the association's people it cannot see."""

    @abstractmethod
    def meeting_notes(self, access: Access, meeting_id: str, text: str, expected_version: int, actor: str) -> int:
        """Save a meeting's minutes; compare-and-set on ``notes_version`` (0 before the
        first save). A Conflict's ``current.value`` is the stored text."""

    @abstractmethod
    def meeting_task(self, access: Access, meeting_id: str, fields: Mapping[str, Any], expected_version: int,
                     actor: str) -> Task:
        """A task the meeting gave (the fields of ``add_task``, every rule of it), noted on
        the meeting, compare-and-set on the meeting's version; one transaction."""

    @abstractmethod
    def set_meeting_rhythm(self, access: Access, rhythm: Mapping[str, Any], expected_version: int,
                           actor: str) -> Rhythm:
        """Set the follow-up plan's rhythm (``every_weeks``, ``weekday`` 0-6, ``time``,
        ``duration``, ``place``, ``participants``, ``first_day``, ``until``, ``active``);
        compare-and-set on its version (0: none yet). Makes the coming meetings it names
        and drops the coming ones an earlier rhythm made that nobody touched."""

    @abstractmethod
    def cancel_meeting(self, access: Access, meeting_id: str, cancelled: bool, reason: str, expected_version: int,
                       actor: str) -> int:
        """Cancel one meeting (``cancelled`` True, ``reason`` optional, at most 1,000
        characters) or restore it (False); compare-and-set on its version. Owner, member
        and partner. A cancelled meeting keeps its agenda and minutes, gets no reminder
        mail and is STATUS:CANCELLED in the calendar."""
