"""Export and import of a whole project."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from typing import Any

from partnership import exchange, validation
from partnership.errors import StorageError, ValidationError
from partnership.model import Access, Role
from partnership.store.base import new_token
from partnership.store.sqlite.core import _SPECS, _now
from partnership.store.sqlite.projects import _Projects
from partnership.store.sqlite.records import _Records


class _Transfer(_Projects, _Records):
    """Export and import of a whole project."""

    # -- exchange -----------------------------------------------------------------------

    def export_project(self, access: Access) -> dict[str, Any]:
        return exchange.to_dict(self.snapshot(access), self.history(access, limit=1_000_000))

    def import_project(self, data: Mapping[str, Any], creator: str) -> tuple[Access, dict[str, str]]:
        parsed = exchange.from_dict(data)
        creator = self._actor(creator)
        parsed = exchange.with_import_marker(parsed, creator, _now())
        snap = parsed.snapshot
        p = snap.project
        validation.name(p.title, what="project.title")
        validation.name(p.our_org, what="project.our_org")
        project_id = uuid.uuid4().hex
        tokens = {role.value: new_token() for role in Role}
        access = Access(project_id, Role.OWNER, tokens["owner"])
        try:
            with self._write() as conn:
                self._on_new_project(conn)
                self._insert_project(conn, project_id, p.title, p.our_org, p.partner_org, p.website,
                                     p.created_by, p.created_at, p.version)
                conn.execute("update projects set signed_at = ?, signed_hash = ? where id = ?",
                             (p.signed_at.isoformat() if p.signed_at else None, p.signed_hash, project_id))
                self._insert_links(conn, project_id, tokens, tokens["owner"])
                self._import_content(conn, access, parsed)
        except sqlite3.IntegrityError as exc:  # pragma: no cover - wrapped by _write
            raise ValidationError(f"inconsistent export: {exc}", code="bad_import", what="data") from exc
        except StorageError as exc:
            if isinstance(exc.__cause__, sqlite3.IntegrityError):
                raise ValidationError(f"inconsistent export: {exc}", code="bad_import", what="data") from exc
            raise
        return access, tokens

    def _import_content(self, conn: sqlite3.Connection, access: Access, parsed: exchange.ProjectData) -> None:
        snap, pid = parsed.snapshot, access.project_id
        for fv in snap.fields.values():
            conn.execute(
                "insert into fields (project_id, key, value, version, updated_by, updated_at) values (?,?,?,?,?,?)",
                (pid, fv.key, fv.value, fv.version, fv.updated_by,
                 (fv.updated_at or snap.project.created_at).isoformat()),
            )
        if snap.invitation and "s1_idea" not in snap.fields:
            # A partner's export holds the idea only as the invitation.
            conn.execute(
                "insert into fields (project_id, key, value, version, updated_by, updated_at) values (?,?,?,?,?,?)",
                (pid, "s1_idea", snap.invitation, 1, snap.project.created_by, snap.project.created_at.isoformat()),
            )
        for table, found in (("candidates", snap.candidates), ("people", snap.people), ("tasks", snap.tasks),
                             ("health_checks", snap.health_checks)):
            self._cap(conn, table, pid, len(found))
        for spec, records in ((_SPECS["candidate"], snap.candidates), (_SPECS["person"], snap.people),
                              (_SPECS["task"], snap.tasks)):
            for rec in records:
                self._insert(conn, spec, access, rec, "", joint=True, log=False)
        for a in snap.approvals:
            conn.execute(
                "insert into approvals (project_id, id, side, name, content_hash, approved_at) values (?,?,?,?,?,?)",
                (pid, a.id, a.side.value, a.name, a.content_hash, a.approved_at.isoformat()),
            )
        for v in snap.signed_versions:
            conn.execute(
                "insert into agreement_versions (project_id, id, content_hash, markdown, signed_at)"
                " values (?,?,?,?,?)", (pid, v.id, v.content_hash, v.markdown, v.signed_at.isoformat()),
            )
        for h in snap.health_checks:
            conn.execute(
                "insert into health_checks (project_id, id, side, name, at, answers) values (?,?,?,?,?,?)",
                (pid, h.id, h.side.value, h.name, h.at.isoformat(), json.dumps(exchange.plain(h.answers),
                                                                                ensure_ascii=False)),
            )
        for e in reversed(parsed.history):
            conn.execute(
                "insert into history (project_id, entity, target, actor, role, at, old, new, version, joint)"
                " values (?,?,?,?,?,?,?,?,?,?)",
                (pid, e.entity, e.target, e.actor, e.role.value, e.at.isoformat(), e.old, e.new, e.version,
                 int(exchange.is_joint_history(e.entity, e.target, e.new, e.old))),
            )
        conn.execute("update projects set revision = ? where id = ?", (len(parsed.history) + 1, pid))
