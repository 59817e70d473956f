"""Projects, their links, and reading a project (snapshot, history)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from partnership import exchange, validation
from partnership.errors import Conflict, Current, InvalidLink, ValidationError
from partnership.model import Access, AgreementVersion, Approval, FieldValue, HealthCheck, HistoryEntry, Role, Snapshot
from partnership.steps import INTERNAL_KEYS, MAX_NAME
from partnership.store import seal
from partnership.store.base import hash_token, new_token
from partnership.store.sqlite.core import _SPECS, _Core, _now


class _Projects(_Core):
    """Projects and their links, and reading a project."""

    # -- projects and links -------------------------------------------------------------

    def create_project(self, title: str, our_org: str, creator: str) -> tuple[Access, dict[str, str]]:
        title = validation.name(title, what="project.title")
        our_org = validation.name(our_org, what="project.our_org")
        creator = self._actor(creator)
        project_id = uuid.uuid4().hex
        tokens = {role.value: new_token() for role in Role}
        with self._write() as conn:
            self._on_new_project(conn)
            self._insert_project(conn, project_id, title, our_org, "", "", creator, _now(), 1)
            self._insert_links(conn, project_id, tokens, tokens["owner"])
        return Access(project_id, Role.OWNER, tokens["owner"]), tokens

    @staticmethod
    def _insert_project(
        conn: sqlite3.Connection, project_id: str, title: str, our_org: str, partner_org: str, website: str,
        creator: str, created_at: datetime, version: int,
    ) -> None:
        conn.execute(
            "insert into projects (id, title, our_org, partner_org, website, created_by, created_at, version)"
            " values (?,?,?,?,?,?,?,?)",
            (project_id, title, our_org, partner_org, website, creator, created_at.isoformat(), version),
        )

    @staticmethod
    def _insert_links(conn: sqlite3.Connection, project_id: str, tokens: Mapping[str, str], owner_token: str) -> None:
        """New live links; a partner's or viewer's is also kept sealed under the owner's key."""
        for role, token in tokens.items():
            sealed = None if role == Role.OWNER.value else seal.seal(owner_token, project_id, role, token)
            conn.execute(
                "insert into links (token_hash, project_id, role, created_at, sealed) values (?,?,?,?,?)",
                (hash_token(token), project_id, role, _now().isoformat(), sealed),
            )

    def open(self, token: str) -> Access:
        digest = hash_token(token)
        with self._read() as conn:
            row = conn.execute(
                "select project_id, role from links where token_hash = ? and revoked_at is null", (digest,)
            ).fetchone()
        if row is None:
            raise InvalidLink("unknown or revoked link")
        return Access(row["project_id"], Role(row["role"]), token)

    def rotate_link(self, access: Access, role: Role) -> str:
        role = validation.choice(role, Role, what="role")
        token = new_token()
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            conn.execute(
                "update links set revoked_at = ? where project_id = ? and role = ? and revoked_at is null",
                (_now().isoformat(), access.project_id, role.value),
            )
            owner_token = token if role is Role.OWNER else access.token
            if role is Role.OWNER:
                self._reseal(conn, access, token)
            self._insert_links(conn, access.project_id, {role.value: token}, owner_token)
            self._bump(conn, access.project_id)
        return token

    @staticmethod
    def _live_links(conn: sqlite3.Connection, project_id: str) -> list[sqlite3.Row]:
        return conn.execute(
            "select token_hash, role, sealed, opened_at from links where project_id = ? and revoked_at is null",
            (project_id,),
        ).fetchall()

    def _reseal(self, conn: sqlite3.Connection, access: Access, new_owner: str) -> None:
        """Seal the live partner and viewer tokens again under the new owner's key."""
        for row in self._live_links(conn, access.project_id):
            if row["role"] == Role.OWNER.value:
                continue
            token = seal.unseal(access.token, access.project_id, row["role"], row["token_hash"], row["sealed"])
            conn.execute("update links set sealed = ? where token_hash = ?",
                         (token and seal.seal(new_owner, access.project_id, row["role"], token),
                          row["token_hash"]))

    def links(self, access: Access) -> dict[Role, str | None]:
        with self._read() as conn:
            self._check(conn, access, Role.OWNER)
            rows = self._live_links(conn, access.project_id)
        found: dict[Role, str | None] = {role: None for role in Role}
        for row in rows:
            found[Role(row["role"])] = seal.unseal(access.token, access.project_id, row["role"],
                                                   row["token_hash"], row["sealed"])
        found[Role.OWNER] = access.token
        return found

    def opened(self, access: Access) -> set[Role]:
        with self._read() as conn:
            self._check(conn, access, Role.OWNER)
            rows = self._live_links(conn, access.project_id)
        return {Role(row["role"]) for row in rows if row["opened_at"]}

    def mark_opened(self, access: Access) -> None:
        with self._write() as conn:
            self._check(conn, access)
            first = conn.execute("update links set opened_at = ? where token_hash = ? and opened_at is null",
                                 (_now().isoformat(), hash_token(access.token))).rowcount
            if first:
                self._bump(conn, access.project_id)

    def update_project(
        self, access: Access, changes: Mapping[str, str], expected_version: int, actor: str
    ) -> int:
        allowed = {"title", "our_org", "partner_org", "website"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValidationError(f"unknown {sorted(unknown)}", code="unknown_field", what=", ".join(sorted(unknown)))
        clean = {
            k: (validation.name(v, what=f"project.{k}") if k in ("title", "our_org")
                else validation.text(v, what=f"project.{k}", limit=MAX_NAME).strip())
            for k, v in changes.items()
        }
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER)
            if project.version != expected_version:
                last = conn.execute(
                    "select actor, at from history where project_id = ? and entity = 'project'"
                    " order by id desc limit 1",
                    (access.project_id,),
                ).fetchone()
                raise Conflict(current=Current(exchange.content(project), project.version,
                                               last["actor"] if last else project.created_by,
                                               datetime.fromisoformat(last["at"]) if last else project.created_at))
            old = exchange.content(project)
            sets = ", ".join(f"{k} = ?" for k in clean)
            conn.execute(
                f"update projects set {sets}, version = version + 1 where id = ?",  # noqa: S608 - fixed names
                (*clean.values(), access.project_id),
            )
            new = {**old, **clean}
            self._log(conn, access, actor, "project", access.project_id, json.dumps(old, ensure_ascii=False),
                      json.dumps(new, ensure_ascii=False), project.version + 1, joint=True, at=_now())
        return project.version + 1

    def delete_project(self, access: Access) -> None:
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            conn.execute("delete from projects where id = ?", (access.project_id,))
            self._after_commit(access.project_id, None)

    # -- reading ------------------------------------------------------------------------

    def revision(self, access: Access) -> int:
        with self._read() as conn:
            return int(self._link_row(conn, access)["revision"])

    def snapshot(self, access: Access) -> Snapshot:
        with self._read() as conn:
            project = self._check(conn, access)
            pid = access.project_id
            revision = conn.execute("select revision from projects where id = ?", (pid,)).fetchone()[0]
            owner = access.role.sees_internal
            fields: dict[str, FieldValue] = {}
            invitation = ""
            for row in conn.execute("select * from fields where project_id = ?", (pid,)):
                fv = FieldValue(row["key"], row["value"], row["version"], row["updated_by"],
                                datetime.fromisoformat(row["updated_at"]))
                if row["key"] == "s1_idea":
                    invitation = fv.value
                if owner or row["key"] not in INTERNAL_KEYS:
                    fields[fv.key] = fv
            candidates = (
                [self._row_record(_SPECS["candidate"], r) for r in conn.execute(
                    "select * from candidates where project_id = ? order by position", (pid,))]
                if owner else []
            )
            people = [self._row_record(_SPECS["person"], r) for r in conn.execute(
                "select * from people where project_id = ? order by side, name collate nocase", (pid,))]
            tasks = [
                self._row_record(_SPECS["task"], r) for r in conn.execute(
                    "select * from tasks where project_id = ? and (? or internal = 0)"
                    " order by coalesce(start, due, '9999'), due, title", (pid, owner))
            ]
            approvals = [exchange.record(Approval, {k: r[k] for k in r.keys() if k != "project_id"})
                         for r in conn.execute(
                             "select * from approvals where project_id = ? order by approved_at", (pid,))]
            versions = [exchange.record(AgreementVersion, {k: r[k] for k in r.keys() if k != "project_id"})
                        for r in conn.execute(
                            "select * from agreement_versions where project_id = ? order by signed_at", (pid,))]
            checks = [
                exchange.record(HealthCheck, {**{k: r[k] for k in r.keys() if k not in ("project_id", "answers")},
                                              "answers": json.loads(r["answers"])})
                for r in conn.execute("select * from health_checks where project_id = ? order by at", (pid,))
            ]
        return Snapshot(
            project=project, role=access.role, revision=revision, fields=fields, candidates=candidates,
            people=people, tasks=tasks, approvals=approvals, signed_versions=versions, health_checks=checks,
            invitation=invitation if access.role is not Role.VIEWER else "",
        )

    def history(self, access: Access, limit: int = 1000) -> list[HistoryEntry]:
        with self._read() as conn:
            project = self._check(conn, access)
            rows = conn.execute(
                "select * from history where project_id = ? and (? or joint = 1) order by id desc limit ?",
                (access.project_id, access.role.sees_internal, limit),
            ).fetchall()
        entries = [exchange.record(HistoryEntry, {k: r[k] for k in r.keys() if k not in ("project_id", "joint")})
                   for r in rows]
        if access.role.sees_internal:
            return entries
        hide = exchange.hide_earlier_partner_org
        return [replace(e, old=hide(e.old, project.partner_org), new=hide(e.new, project.partner_org))
                if e.entity == "project" else e for e in entries]
