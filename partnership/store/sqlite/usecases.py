"""Use cases that write several records in one transaction (step 3's answer)."""

from __future__ import annotations

from partnership.model import Access, Role
from partnership.store.sqlite.core import _SPECS
from partnership.store.sqlite.projects import _Projects
from partnership.store.sqlite.records import _Records


class _UseCases(_Projects, _Records):
    """Step 3's yes (the refusal is ``record_refusal``)."""

    def said_yes(self, access: Access, candidate_id: str, expected_version: int, actor: str) -> int:
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER)
            candidate = self._get(conn, _SPECS["candidate"], access, candidate_id)
            version = self._write_project(conn, access, project, {"partner_org": candidate.name}, expected_version,
                                          actor)
            self._close_follow_ups(conn, access, actor)
        return version
