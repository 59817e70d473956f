"""How pages name people and organisations: the "responsible" options of a select, a
person as "Name · Organisation", an organisation by its name (or "Vores
forening"/"Partneren") and what a step still misses in words."""

from __future__ import annotations

from partnership.model import Side, Snapshot
from partnership.render.field_view import gap_text, org_text
from partnership.ui import shell
from partnership.usertext import plain


def people_options(snap: Snapshot) -> list[str]:
    """Person ids for a "responsible" select: "" (nobody) first, then the association's
    people, then the partner's."""
    ordered = sorted(snap.people, key=lambda p: (list(Side).index(p.side), p.name.casefold()))
    return ["", *(p.id for p in ordered)]


def org_name(c: shell.Ctx, snap: Snapshot, side: Side) -> str:
    """The organisation's name on ``side`` (or "Vores forening"/"Partneren")."""
    return org_text(c.lang, snap, side)


def gap_label(c: shell.Ctx, snap: Snapshot, key: str) -> str:
    """What a step still misses, in words, for Markdown: the working-group gaps name the
    organisation ("En ansvarlig fra Nørrebro Bibliotek"), so each reader sees it from
    their own side."""
    return gap_text(c.lang, snap, key, escape=plain)


def person_label(c: shell.Ctx, snap: Snapshot, person_id: str) -> str:
    """"Name · Organisation" for a select; "Ingen ansvarlig endnu" for ""."""
    person = snap.person(person_id) if person_id else None
    if person is None:
        return c.t("tasks.nobody")
    return c.t("tasks.person", name=person.name, org=org_name(c, snap, person.side))
