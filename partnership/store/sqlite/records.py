"""Fields and the structured records (candidates, people, tasks), and restoring from history."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from partnership import contact, exchange, rules, validation
from partnership.errors import Conflict, Current, Forbidden, ValidationError
from partnership.model import Access, Candidate, CandidateStatus, Person, Project, Role, Task, TaskStatus
from partnership.steps import FIELD_BY_KEY, INTERNAL_KEYS, TOP_PRIORITIES
from partnership.store.base import field_scope
from partnership.store.sqlite.core import _SPECS, _Core, _now, _q, _RecordSpec


class _Records(_Core):
    """Fields and the structured records."""

    # -- fields -------------------------------------------------------------------------

    def set_field(self, access: Access, key: str, value: str, expected_version: int, actor: str) -> int:
        validation.field_key(key)
        value = validation.text(value, what=key)
        actor = self._actor(actor)
        internal = FIELD_BY_KEY[key].internal
        with self._write() as conn:
            project = self._check(conn, access, *((Role.OWNER,) if internal else (Role.OWNER, Role.PARTNER)))
            if not internal and project.signed_at is not None:
                raise Forbidden("the agreement is signed", code="signed")
            return self._write_field(conn, access, key, value, expected_version, actor)

    def _write_field(
        self, conn: sqlite3.Connection, access: Access, key: str, value: str, expected_version: int, actor: str
    ) -> int:
        row = conn.execute(
            "select * from fields where project_id = ? and key = ?", (access.project_id, key)
        ).fetchone()
        version = row["version"] if row else 0
        if version != expected_version:
            raise Conflict(current=Current(row["value"], version, row["updated_by"],
                                           datetime.fromisoformat(row["updated_at"]))
                           if row else Current("", 0, "", None))
        at = _now()
        conn.execute(
            "insert into fields (project_id, key, value, version, updated_by, updated_at) values (?,?,?,?,?,?)"
            " on conflict (project_id, key) do update set value = excluded.value, version = excluded.version,"
            " updated_by = excluded.updated_by, updated_at = excluded.updated_at",
            (access.project_id, key, value, version + 1, actor, at.isoformat()),
        )
        old = row["value"] if row else ""
        self._log(conn, access, actor, "field", key, old, value, version + 1,
                  joint=key not in INTERNAL_KEYS, at=at, scope=field_scope(key, old, value))
        return int(version + 1)

    # -- structured records -------------------------------------------------------------

    def _get(self, conn: sqlite3.Connection, spec: _RecordSpec, access: Access, record_id: str) -> Any:
        row = conn.execute(
            f"select * from {spec.table} where project_id = ? and id = ?",  # noqa: S608 - fixed names
            (access.project_id, record_id),
        ).fetchone()
        if row is None:
            raise ValidationError(f"no such {spec.entity}", code="not_found", what=spec.entity)
        return self._row_record(spec, row)

    def _insert(
        self, conn: sqlite3.Connection, spec: _RecordSpec, access: Access, rec: Any, actor: str, *, joint: bool,
        log: bool = True,
    ) -> None:
        data = exchange.plain(rec)
        cols = ["project_id", *data.keys()]
        values = [access.project_id, *data.values()]
        if spec.entity == "candidate":
            cols.append("name_norm")
            values.append(rec.name.casefold())
        if log:  # an import checks its counts up front
            self._cap(conn, spec.table, access.project_id)
        try:
            conn.execute(
                f"insert into {spec.table} ({', '.join(map(_q, cols))}) values ({', '.join('?' * len(cols))})",  # noqa: S608
                values,
            )
        except sqlite3.IntegrityError as exc:
            if spec.entity == "candidate":
                raise ValidationError("duplicate candidate", code="duplicate_candidate", name=rec.name) from exc
            raise
        if log:
            self._log(conn, access, actor, spec.entity, rec.id, "", exchange.content_json(rec), rec.version,
                      joint=joint, at=rec.updated_at)

    def _update(
        self, conn: sqlite3.Connection, spec: _RecordSpec, access: Access, current: Any, clean: Mapping[str, Any],
        expected_version: int, actor: str, *, joint: bool,
    ) -> int:
        if current.version != expected_version:
            raise Conflict(current=Current(exchange.content(current), current.version, current.updated_by,
                                           current.updated_at))
        at = _now()
        data = exchange.plain(dict(clean))
        sets = [f"{_q(k)} = ?" for k in data]
        values = list(data.values())
        if spec.entity == "candidate" and "name" in clean:
            sets.append("name_norm = ?")
            values.append(clean["name"].casefold())
        try:
            conn.execute(
                f"update {spec.table} set {', '.join(sets)}{', ' if sets else ''}"  # noqa: S608 - fixed names
                "version = version + 1, updated_by = ?, updated_at = ? where project_id = ? and id = ?",
                (*values, actor, at.isoformat(), access.project_id, current.id),
            )
        except sqlite3.IntegrityError as exc:
            if spec.entity == "candidate":
                raise ValidationError("duplicate candidate", code="duplicate_candidate",
                                      name=clean.get("name", "")) from exc
            raise
        new = self._get(conn, spec, access, current.id)
        self._log(conn, access, actor, spec.entity, current.id, exchange.content_json(current),
                  exchange.content_json(new), new.version, joint=joint, at=at)
        return int(new.version)

    def add_candidate(self, access: Access, name: str, actor: str) -> Candidate:
        clean = validation.candidate_changes({"name": name})
        actor = self._actor(actor)
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            position = conn.execute(
                "select coalesce(max(position), 0) + 1 from candidates where project_id = ?", (access.project_id,)
            ).fetchone()[0]
            cand = Candidate(uuid.uuid4().hex, clean["name"], position, updated_by=actor, updated_at=_now())
            self._insert(conn, _SPECS["candidate"], access, cand, actor, joint=False)
        return cand

    def update_candidate(
        self, access: Access, candidate_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        clean = validation.candidate_changes(changes)
        actor = self._actor(actor)
        spec = _SPECS["candidate"]
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            current = self._get(conn, spec, access, candidate_id)
            moving = clean.get("priority") is not None and clean["priority"] != current.priority
            if moving and current.version == expected_version:
                self._free_priority(conn, access, clean["priority"], candidate_id, actor)
            return self._update(conn, spec, access, current, clean, expected_version, actor, joint=False)

    def _free_priority(self, conn: sqlite3.Connection, access: Access, priority: int, keep: str, actor: str) -> None:
        spec = _SPECS["candidate"]
        row = conn.execute(
            "select id from candidates where project_id = ? and priority = ? and id != ?",
            (access.project_id, priority, keep),
        ).fetchone()
        if row is not None:
            holder = self._get(conn, spec, access, row["id"])
            self._update(conn, spec, access, holder, {"priority": None}, holder.version, actor, joint=False)

    def record_refusal(
        self, access: Access, candidate_id: str, expected_version: int, actor: str,
        email: str | None = None, email_version: int = 0,
    ) -> Candidate | None:
        actor = self._actor(actor)
        if email is not None:
            email = validation.text(email, what="s3_email")
        spec = _SPECS["candidate"]
        with self._write() as conn:
            self._check(conn, access, Role.OWNER)
            current = self._get(conn, spec, access, candidate_id)
            self._update(conn, spec, access, current, {"status": CandidateStatus.REFUSED, "priority": None},
                         expected_version, actor, joint=False)
            ranked = [
                self._get(conn, spec, access, r["id"]) for r in conn.execute(
                    "select id from candidates where project_id = ? and status = 'active'"
                    " and priority is not null order by priority", (access.project_id,))
            ]
            for place, cand in enumerate(ranked, start=1):
                if cand.priority != place and place <= TOP_PRIORITIES:
                    self._update(conn, spec, access, cand, {"priority": place}, cand.version, actor, joint=False)
            if email is not None:
                self._write_field(conn, access, "s3_email", email, email_version, actor)
            self._close_follow_ups(conn, access, actor)
            return self._get(conn, spec, access, ranked[0].id) if ranked else None

    def _close_follow_ups(self, conn: sqlite3.Connection, access: Access, actor: str) -> None:
        """Mark every open internal follow-up done (contact.is_open_follow_up), each with
        its history entry, in the caller's transaction (the caller checked that the role
        is the owner's; a status change is allowed even on a signed agreement's tasks)."""
        spec = _SPECS["task"]
        rows = conn.execute("select * from tasks where project_id = ? and internal = 1 order by id",
                            (access.project_id,)).fetchall()
        for task in (self._row_record(spec, r) for r in rows):
            if contact.is_open_follow_up(task):
                self._update(conn, spec, access, task, {"status": TaskStatus.DONE}, task.version, actor, joint=False)

    def add_person(self, access: Access, fields: Mapping[str, Any], actor: str) -> Person:
        clean = validation.person_changes(fields)
        if "name" not in clean or "side" not in clean:
            raise ValidationError("name and side are required", code="required", what="person.name")
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            rules.check_person(access.role, project.signed_at is not None, clean["side"])
            person = Person(uuid.uuid4().hex, **clean, updated_by=actor, updated_at=_now())
            self._insert(conn, _SPECS["person"], access, person, actor, joint=True)
        return person

    def update_person(
        self, access: Access, person_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        clean = validation.person_changes(changes)
        actor = self._actor(actor)
        spec = _SPECS["person"]
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            current = self._get(conn, spec, access, person_id)
            rules.check_person(access.role, project.signed_at is not None, current.side)
            rules.check_person(access.role, project.signed_at is not None, clean.get("side", current.side))
            return self._update(conn, spec, access, current, clean, expected_version, actor, joint=True)

    def add_task(self, access: Access, fields: Mapping[str, Any], actor: str) -> Task:
        clean = validation.task_changes(fields)
        if "title" not in clean:
            raise ValidationError("title is required", code="required", what="task.title")
        validation.task_dates(clean.get("start"), clean.get("due"))
        actor = self._actor(actor)
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            task = Task(uuid.uuid4().hex, **clean, updated_by=actor, updated_at=_now())
            self._task_rule(access, project, task, set(clean))
            self._responsible_exists(conn, access, task.responsible)
            self._insert(conn, _SPECS["task"], access, task, actor, joint=not task.internal)
        return task

    def update_task(
        self, access: Access, task_id: str, changes: Mapping[str, Any], expected_version: int, actor: str
    ) -> int:
        clean = validation.task_changes(changes)
        actor = self._actor(actor)
        spec = _SPECS["task"]
        with self._write() as conn:
            project = self._check(conn, access, Role.OWNER, Role.PARTNER)
            current = self._get(conn, spec, access, task_id)
            self._task_rule(access, project, current, set(clean))
            after = {**exchange.content(current), **exchange.plain(dict(clean))}
            self._task_rule(access, project, exchange.record(Task, {"id": current.id, **after}), set(clean))
            validation.task_dates(validation.a_date(after["start"], what="start"),
                                  validation.a_date(after["due"], what="due"))
            if "responsible" in clean:
                self._responsible_exists(conn, access, clean["responsible"])
            return self._update(conn, spec, access, current, clean, expected_version, actor,
                                joint=not (current.internal or after["internal"]))

    @staticmethod
    def _task_rule(access: Access, project: Project, task: Task, changing: set[str]) -> None:
        rules.check_task(access.role, project.signed_at is not None, internal=task.internal, kind=task.kind,
                         changing=changing)

    @staticmethod
    def _responsible_exists(conn: sqlite3.Connection, access: Access, person_id: str) -> None:
        if person_id and conn.execute(
            "select 1 from people where project_id = ? and id = ?", (access.project_id, person_id)
        ).fetchone() is None:
            raise ValidationError("no such person", code="not_found", what="task.responsible")

    def restore(self, access: Access, entry_id: int, expected_version: int, actor: str) -> int:
        with self._read() as conn:
            self._check(conn, access)
            row = conn.execute(
                "select * from history where project_id = ? and id = ? and (? or joint = 1)",
                (access.project_id, entry_id, access.role.sees_internal),
            ).fetchone()
        if row is None:
            raise ValidationError("no such history entry", code="not_found", what="history")
        entity, target, new = row["entity"], row["target"], row["new"]
        if entity == "field":
            return self.set_field(access, target, new, expected_version, actor)
        if entity in _SPECS and new:
            values = json.loads(new)
            values.pop("position", None)
            update = {"candidate": self.update_candidate, "person": self.update_person,
                      "task": self.update_task}[entity]
            return update(access, target, values, expected_version, actor)
        raise ValidationError("this change cannot be restored", code="not_restorable", what=entity)
