"""Approving and reopening the agreement, and the health checks."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping

from partnership import agreement, exchange, rules, validation
from partnership.errors import Forbidden, ValidationError
from partnership.model import Access, Approval, HealthCheck, Role
from partnership.store.sqlite.core import _Core, _now


class _Agreement(_Core):
    """The agreement's approvals and reopening, and the health checks."""

    # -- agreement ----------------------------------------------------------------------

    def approve(self, access: Access, name: str, content_hash: str, markdown: str, actor: str) -> Approval:
        name = validation.name(name, what="approval.name")
        actor = self._actor(actor)
        if agreement.content_hash(markdown) != content_hash:
            raise ValidationError("the agreement changed meanwhile", code="stale_agreement", what="agreement")
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            if project.signed_at is not None:
                raise Forbidden("the agreement is signed", code="signed")
            side = access.role.side
            assert side is not None
            approvals = [exchange.record(Approval, {k: r[k] for k in r.keys() if k != "project_id"})
                         for r in conn.execute("select * from approvals where project_id = ?"
                                               " order by approved_at, rowid", (access.project_id,))]
            if rules.already_approved(approvals, side, content_hash):
                raise ValidationError("already approved", code="already_approved", what="approval")
            at = _now()
            approval = Approval(uuid.uuid4().hex, side, name, content_hash, at)
            conn.execute(
                "insert into approvals (project_id, id, side, name, content_hash, approved_at) values (?,?,?,?,?,?)",
                (access.project_id, approval.id, side.value, name, content_hash, at.isoformat()),
            )
            self._log(conn, access, actor, "approval", approval.id, "", exchange.content_json(approval), 1,
                      joint=True, at=at)
            if rules.signed_by_both([*approvals, approval], content_hash):
                conn.execute("update projects set signed_at = ?, signed_hash = ? where id = ?",
                             (at.isoformat(), content_hash, access.project_id))
                conn.execute(
                    "insert into agreement_versions (project_id, id, content_hash, markdown, signed_at)"
                    " values (?,?,?,?,?)",
                    (access.project_id, uuid.uuid4().hex, content_hash, markdown, at.isoformat()),
                )
        return approval

    def reopen(self, access: Access, actor: str) -> int:
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            if project.signed_at is None:
                raise ValidationError("the agreement is not signed", code="not_signed", what="agreement")
            conn.execute("update projects set signed_at = null, signed_hash = '' where id = ?", (access.project_id,))
            conn.execute("delete from approvals where project_id = ?", (access.project_id,))
            self._log(conn, access, actor, "agreement", "reopen", project.signed_hash, "", 1, joint=True, at=_now())
            return int(conn.execute("select revision from projects where id = ?",
                                    (access.project_id,)).fetchone()[0])

    # -- follow-up ----------------------------------------------------------------------

    def add_health_check(
        self, access: Access, name: str, answers: Mapping[str, tuple[str, str]], actor: str
    ) -> HealthCheck:
        from partnership.health import validate_answers

        name = validation.name(name, what="health.name")
        clean = validate_answers(answers)
        actor = self._actor(actor)
        with self._write() as conn:
            self._check(conn, access, Role.OWNER, Role.PARTNER)
            side = access.role.side
            assert side is not None
            self._cap(conn, "health_checks", access.project_id)
            check = HealthCheck(uuid.uuid4().hex, side, name, _now(), clean)
            conn.execute(
                "insert into health_checks (project_id, id, side, name, at, answers) values (?,?,?,?,?,?)",
                (access.project_id, check.id, side.value, name, check.at.isoformat(),
                 json.dumps(clean, ensure_ascii=False)),
            )
            self._log(conn, access, actor, "health", check.id, "", exchange.content_json(check), 1,
                      joint=True, at=check.at)
        return check
