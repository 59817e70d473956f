"""The wire of funding applications and the end of the term (issue 25): the JSON of
``funding_json`` and ``term_json`` (supabase/migrations/20261206000200_funding_term.sql)
as model records, for both transports."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from partnership.model import (
    Evaluation,
    FundingApplication,
    FundingStatus,
    Outcome,
    OutcomeChoice,
    Side,
    Term,
)
from partnership.store.rpc_wire import answers, when


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
