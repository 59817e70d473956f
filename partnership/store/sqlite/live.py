"""Presence and the live checks (heartbeats, revisions)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Collection, Sequence
from dataclasses import replace

from partnership import validation
from partnership.errors import StorageError, ValidationError
from partnership.model import Access, Presence, Role
from partnership.steps import MAX_NAME, editing_visible_to
from partnership.store.base import LIVE_BATCH, PRESENCE_TTL_S, Beat, live_digests
from partnership.store.sqlite.core import _Core


class _Live(_Core):
    """Presence and the live checks."""

    # -- presence -----------------------------------------------------------------------

    def heartbeat(self, access: Access, session_id: str, name: str, editing: str) -> tuple[int, list[Presence]]:
        session_id, name, editing = self._beat(session_id, name, editing)
        now = time.time()
        try:
            with self._write() as conn:
                row = self._link_row(conn, access)
                self._here(conn, access.project_id, session_id, name, access.role.value, editing, now)
                self._forget_gone(conn, now)
                return int(row["revision"]), self._others(conn, access, session_id, now)
        except StorageError:
            # Presence is a courtesy: when it cannot be written (a full disk, a lock held
            # too long) the page still learns the revision and who else is here.
            with self._read() as conn:
                row = self._link_row(conn, access)
                return int(row["revision"]), self._others(conn, access, session_id, now)

    @staticmethod
    def _beat(session_id: str, name: str, editing: str) -> tuple[str, str, str]:
        """A heartbeat's session, name and editor key, checked."""
        return (validation.text(session_id, what="session", limit=64, required=True),
                validation.text(name, what="name", limit=MAX_NAME),
                validation.text(editing, what="editing", limit=64))

    @staticmethod
    def _here(conn: sqlite3.Connection, project_id: str, session_id: str, name: str, role: str, editing: str,
              now: float) -> None:
        """This session is present now (and editing ``editing``)."""
        conn.execute(
            "insert into presence (project_id, session_id, name, role, editing, seen) values (?,?,?,?,?,?)"
            " on conflict (project_id, session_id) do update set name = excluded.name,"
            " role = excluded.role, editing = excluded.editing, seen = excluded.seen",
            (project_id, session_id, name, role, editing, now),
        )

    @staticmethod
    def _forget_gone(conn: sqlite3.Connection, now: float) -> None:
        conn.execute("delete from presence where seen < ?", (now - PRESENCE_TTL_S * 4,))

    @staticmethod
    def _present(conn: sqlite3.Connection, project_id: str, now: float) -> list[Presence]:
        """Everyone present in the project (raw: the editing keys as stored)."""
        return [
            Presence(r["session_id"], r["name"], Role(r["role"]), r["editing"])
            for r in conn.execute(
                "select * from presence where project_id = ? and seen >= ? order by name, session_id",
                (project_id, now - PRESENCE_TTL_S),
            )
        ]

    def _others(self, conn: sqlite3.Connection, access: Access, session_id: str, now: float) -> list[Presence]:
        """Everyone else present, as ``access``'s role may see them."""
        return [replace(p, editing=editing_visible_to(access.role, p.editing))
                for p in self._present(conn, access.project_id, now) if p.session_id != session_id]

    # -- live -----------------------------------------------------------------------------

    @staticmethod
    def _watched_links(conn: sqlite3.Connection, digests: Collection[str]) -> list[sqlite3.Row]:
        marks = ",".join("?" * len(digests))
        return conn.execute(
            "select l.token_hash, l.project_id, l.role, p.revision from links l join projects p"
            f" on p.id = l.project_id where l.revoked_at is null and l.token_hash in ({marks})",  # noqa: S608
            tuple(digests),
        ).fetchall()

    def revisions(self, tokens: Collection[str]) -> dict[str, int]:
        digests = live_digests(tokens)
        if not digests:
            return {}
        with self._quick(), self._read() as conn:
            rows = self._watched_links(conn, digests)
        return {digests[r["token_hash"]]: int(r["revision"]) for r in rows}

    def heartbeats(self, beats: Sequence[Beat]) -> dict[str, list[Presence]]:
        clean: list[Beat] = []
        for token, session_id, name, editing in list(beats)[:LIVE_BATCH]:
            try:
                clean.append((token, *self._beat(session_id, name, editing)))
            except ValidationError:
                continue
        digests = live_digests([b[0] for b in clean])
        if not digests:
            return {}
        now = time.time()
        with self._quick(), self._write() as conn:
            links = {r["token_hash"]: r for r in self._watched_links(conn, digests)}
            hash_of = {t: d for d, t in digests.items()}
            project_of: dict[str, str] = {}
            for token, session_id, name, editing in clean:
                link = links.get(hash_of.get(token, ""))
                if link is None:
                    continue
                project_of[token] = link["project_id"]
                self._here(conn, link["project_id"], session_id, name, link["role"], editing, now)
            self._forget_gone(conn, now)
            present = {project_id: self._present(conn, project_id, now) for project_id in set(project_of.values())}
        return {token: list(present[pid]) for token, pid in project_of.items()}
