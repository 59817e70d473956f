"""The follow-up meetings' part of ``RpcStore`` (``store/rpc.py``, which mixes it in):
each method is one call of a ``ps_*meeting*`` function of the ``_meetings`` migration."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from partnership import exchange, meetings
from partnership.meetings import Meeting, Meetings, Rhythm
from partnership.model import Access, Task
from partnership.store.rpc_wire import changes as _changes
from partnership.store.rpc_wire import text as _text

_T = TypeVar("_T")


class MeetingCalls(ABC):
    """Needs RpcStore's ``_at``, ``_expect``, ``_records`` and ``_int``."""

    @abstractmethod
    def _at(self, access: Access, fn: str, params: Mapping[str, Any] | None = None, *, read: bool = False) -> Any:
        """One RPC on the project ``access`` names (``RpcStore._at``)."""

    @staticmethod
    @abstractmethod
    def _expect(data: Any, kind: type) -> Any:
        """``data`` if it is a ``kind``, else a StorageError."""

    @staticmethod
    @abstractmethod
    def _records(build: Callable[[], _T]) -> _T:
        """Records from an answer; a wrong shape is a StorageError."""

    @staticmethod
    @abstractmethod
    def _int(data: Any) -> int:
        """An integer answer, else a StorageError."""


    def meetings(self, access: Access) -> Meetings:
        data = self._expect(self._at(access, "ps_meetings", read=True), Mapping)
        return self._records(lambda: meetings.from_wire(data))

    def add_meeting(self, access: Access, fields: Mapping[str, Any],
                    actor: str) -> Meeting:
        data = self._expect(self._at(access, "ps_add_meeting", {"p_fields": _changes(fields),
                                                                "p_actor": _text(actor)}), Mapping)
        return self._records(lambda: meetings.meeting_from_wire(data))

    def update_meeting(self, access: Access, meeting_id: str,
                       changes: Mapping[str, Any], expected_version: int, actor: str) -> int:
        return self._int(self._at(access, "ps_update_meeting", {
            "p_id": _text(meeting_id), "p_changes": _changes(changes), "p_expected_version": expected_version,
            "p_actor": _text(actor)}))

    def meeting_notes(self, access: Access, meeting_id: str, text: str,
                      expected_version: int, actor: str) -> int:
        return self._int(self._at(access, "ps_meeting_notes", {
            "p_id": _text(meeting_id), "p_text": _text(text), "p_expected_version": expected_version,
            "p_actor": _text(actor)}))

    def meeting_task(self, access: Access, meeting_id: str,
                     fields: Mapping[str, Any], expected_version: int, actor: str) -> Task:
        data = self._expect(self._at(access, "ps_meeting_task", {
            "p_id": _text(meeting_id), "p_fields": _changes(fields), "p_expected_version": expected_version,
            "p_actor": _text(actor)}), Mapping)
        return self._records(lambda: exchange.record(Task, data))

    def set_meeting_rhythm(self, access: Access, rhythm: Mapping[str, Any],
                           expected_version: int, actor: str) -> Rhythm:
        data = self._expect(self._at(access, "ps_set_meeting_rhythm", {
            "p_rhythm": _changes(rhythm), "p_expected_version": expected_version, "p_actor": _text(actor)}), Mapping)
        return self._records(lambda: meetings.rhythm_from_wire(data))

    def cancel_meeting(self, access: Access, meeting_id: str, cancelled: bool, reason: str,
                       expected_version: int, actor: str) -> int:
        return self._int(self._at(access, "ps_cancel_meeting", {
            "p_id": _text(meeting_id), "p_cancelled": bool(cancelled), "p_reason": _text(reason),
            "p_expected_version": expected_version, "p_actor": _text(actor)}))
