"""Funding applications and the end of the term (issue 25) over the wire, for both
transports: the ``TermStore`` methods as calls of their ``ps_*`` functions
(``TermCalls``, which ``RpcStore`` inherits), and the JSON of ``funding_json`` and
``term_json`` (supabase/migrations/20261206000200_funding_term.sql) as model records."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from partnership.errors import StorageError
from partnership.model import Access, Side
from partnership.model_term import Evaluation, FundingApplication, FundingStatus, Outcome, OutcomeChoice, Term
from partnership.store.base_term import TermStore
from partnership.store.rpc_wire import answers, text, when, wire

_R = TypeVar("_R")


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def funding(data: Mapping[str, Any]) -> FundingApplication:
    """One ``funding_json`` answer."""
    return FundingApplication(
        id=str(data["id"]), fund=str(data["fund"]), amount=int(data["amount"]), deadline=_day(data.get("deadline")),
        status=FundingStatus(data["status"]), responsible=str(data.get("responsible") or ""),
        note=str(data.get("note") or ""), version=int(data["version"]), updated_by=str(data.get("updated_by") or ""),
        updated_at=when(data.get("updated_at")))


def evaluation(data: Mapping[str, Any]) -> Evaluation:
    """One ``evaluation_json`` answer."""
    found = when(data["at"])
    assert found is not None
    return Evaluation(id=str(data["id"]), side=Side(data["side"]), name=str(data["name"]), at=found,
                      answers=answers(data["answers"]), reached=str(data.get("reached") or ""))


def term(data: Any) -> Term:
    """A ``term_json`` answer (the default where a snapshot has none)."""
    if not isinstance(data, Mapping):
        return Term()
    outcome = str(data.get("outcome") or "")
    return Term(
        start=_day(data.get("start")), end=_day(data.get("end")), version=int(data["version"]),
        updated_by=str(data.get("updated_by") or ""), updated_at=when(data.get("updated_at")),
        outcome=Outcome(outcome) if outcome else None, outcome_at=when(data.get("outcome_at")),
        outcome_version=int(data["outcome_version"]), closed_at=when(data.get("closed_at")),
        closed_note=str(data.get("closed_note") or ""),
        choices=tuple(OutcomeChoice(Side(c["side"]), Outcome(c["choice"]), str(c.get("note") or ""),
                                    str(c.get("name") or ""), when(c.get("at"))) for c in data.get("choices") or ()),
        evaluations=tuple(evaluation(e) for e in data.get("evaluations") or ()))


def fundings(data: Any) -> list[FundingApplication]:
    """The snapshot's ``funding`` list (none where a snapshot has none)."""
    return [funding(row) for row in data] if isinstance(data, list) else []


# -- the calls (RpcStore inherits them) ------------------------------------------------------


def _mapping(build: Callable[[Mapping[str, Any]], _R], data: Any) -> _R:
    """A record from an answer; an answer of another shape is a StorageError."""
    if not isinstance(data, Mapping):
        raise StorageError(f"unexpected answer from the database: {type(data).__name__}")
    try:
        return build(data)
    except (KeyError, TypeError, IndexError, AttributeError, ValueError) as exc:
        raise StorageError(f"unexpected answer from the database: {exc!r}") from exc


def _changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """An application's changes as JSON (a date as its ISO day, an enum as its value)."""
    return {str(k): wire(v) for k, v in changes.items()}


class TermCalls(TermStore):
    """The ``TermStore`` methods as ``ps_*`` calls, through the transport's ``_at``."""

    @abstractmethod
    def _at(self, access: Access, fn: str, params: Mapping[str, Any] | None = None, *, read: bool = False) -> Any:
        """An RPC on the project ``access`` names (``RpcStore._at``)."""

    def add_funding(self, access: Access, fields: Mapping[str, Any], actor: str) -> FundingApplication:
        return _mapping(funding, self._at(access, "ps_add_funding", {
            "p_fields": _changes(fields), "p_actor": text(actor)}))

    def update_funding(self, access: Access, application_id: str, changes: Mapping[str, Any],
                       expected_version: int, actor: str) -> int:
        answer = self._at(access, "ps_update_funding", {
            "p_id": text(application_id), "p_changes": _changes(changes),
            "p_expected_version": expected_version, "p_actor": text(actor)})
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise StorageError(f"unexpected answer from the database: {answer!r}")
        return answer

    def set_term(self, access: Access, start: date | None, end: date | None, expected_version: int,
                 actor: str) -> Term:
        return _mapping(term, self._at(access, "ps_set_term", {
            "p_period": {"start": wire(start), "end": wire(end)}, "p_expected_version": expected_version,
            "p_actor": text(actor)}))

    def add_evaluation(self, access: Access, name: str, answers: Mapping[str, tuple[str, str]], reached: str,
                       actor: str) -> Evaluation:
        payload = {str(k): wire(v) for k, v in answers.items()}
        return _mapping(evaluation, self._at(access, "ps_add_evaluation", {
            "p_name": text(name), "p_answers": payload, "p_reached": text(reached), "p_actor": text(actor)}))

    def choose_outcome(self, access: Access, choice: Outcome, note: str, expected_version: int,
                       actor: str) -> Term:
        return _mapping(term, self._at(access, "ps_choose_outcome", {
            "p_choice": text(str(choice)), "p_note": text(note), "p_expected_version": expected_version,
            "p_actor": text(actor)}))
