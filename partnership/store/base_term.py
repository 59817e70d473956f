"""The Store contract's part for funding applications and the end of the term (issue 25);
``store.base.Store`` inherits it. Every rule is in the SQL functions
(supabase/migrations/20261206000200_funding_term.sql)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from datetime import date
from typing import Any

from partnership.model import Access
from partnership.model_term import Evaluation, FundingApplication, Outcome, Term


class TermStore(ABC):
    """Funding applications, the agreement's period, the evaluations and the outcome.
    A closed project refuses every write of every method of the Store with Forbidden
    (code "closed")."""

    @abstractmethod
    def add_funding(self, access: Access, fields: Mapping[str, Any], actor: str) -> FundingApplication:
        """Owner, member or partner: a new funding application (``fund`` required;
        ``amount`` whole kroner >= 0, ``deadline``, ``status``, ``responsible`` - a shared
        person -, ``note``). Viewer: Forbidden. Writable after signing too."""

    @abstractmethod
    def update_funding(self, access: Access, application_id: str, changes: Mapping[str, Any],
                       expected_version: int, actor: str) -> int:
        """Change an application, compare-and-set on its version; returns the new one."""

    @abstractmethod
    def set_term(self, access: Access, start: date | None, end: date | None, expected_version: int,
                 actor: str) -> Term:
        """Owner, member or partner: the agreement's period (``end`` required, not before
        ``start``), compare-and-set on ``Term.version``; Forbidden (code "signed") while
        the agreement is signed."""

    @abstractmethod
    def add_evaluation(self, access: Access, name: str, answers: Mapping[str, tuple[str, str]], reached: str,
                       actor: str) -> Evaluation:
        """Owner, member or partner: the caller's side's evaluation at the end of the term
        (the health check's statements, possibly none, and what was reached)."""

    @abstractmethod
    def choose_outcome(self, access: Access, choice: Outcome, note: str, expected_version: int,
                       actor: str) -> Term:
        """Owner, member or partner, once signed: the caller's side's choice of outcome,
        compare-and-set on ``Term.outcome_version``. When both sides chose the same it
        takes effect: continue, renew (the agreement reopens; signed versions are kept)
        or close (the project becomes read-only; the notes become the closing note)."""
