"""The association's room in the Store contract (issue 26): Møde 1's agenda, step 2's
private reflection round, a new partnership from an earlier one. ``Store`` inherits these
abstract methods; the rules are the room migration's SQL functions."""

from __future__ import annotations

from abc import ABC, abstractmethod

from partnership.model import Access, Agenda, PrivateRound


class RoomMethods(ABC):
    """The room's part of the Store contract (see ``partnership.store.base.Store``)."""

    @abstractmethod
    def agenda(self, access: Access, point: int, expected_version: int, actor: str) -> Agenda:
        """The owner or a member moves Møde 1's agenda to ``point`` (0: not under way, else
        1..``Agenda.points``); compare-and-set on the agenda's ``version`` (Conflict with
        the agenda as it is), with history. Every association screen reads it from the
        snapshot. Returns the new agenda."""

    @abstractmethod
    def private_round(self, access: Access, device: str) -> PrivateRound:
        """The owner or a member: step 2's reflection round as the browser whose secret is
        ``device`` sees it ("" for none, as the projector). While a round is open (the timer
        started from the full time, until the time is up or it is finished or reset), a
        suggestion is kept to the device it was made on (``add_candidate``'s ``device``),
        whatever name anyone types: only this call returns it, to that device; the store
        keeps the secret's SHA-256 only. ``snapshot``, ``history`` and the export leave it
        out for everyone until the round ends. ``hidden`` counts the others' waiting."""

    @abstractmethod
    def start_from(self, access: Access, title: str, our_org: str, creator: str, *,
                   caller: str | None = None) -> tuple[Access, dict[str, str]]:
        """The owner or a member: a new project owned by ``creator`` with new links (as
        ``create_project``), holding a copy of this one's step 1 and its candidates in
        their order, with their assessment and note but no priority - leaving out the
        refused ones, the partner organisation and any suggestion still private. One
        transaction; the same creation limits as ``create_project``."""
