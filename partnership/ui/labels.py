"""How pages name people and organisations: the "responsible" options of a select, a
person as "Name · Organisation", an organisation by its name (or "Vores
forening"/"Partneren") and what a step still misses in words."""

from __future__ import annotations

from partnership.i18n import has
from partnership.model import Side, Snapshot
from partnership.ui import shell
from partnership.usertext import plain


def people_options(snap: Snapshot) -> list[str]:
    """Person ids for a "responsible" select: "" (nobody) first, then the association's
    people, then the partner's."""
    ordered = sorted(snap.people, key=lambda p: (list(Side).index(p.side), p.name.casefold()))
    return ["", *(p.id for p in ordered)]


def org_name(c: shell.Ctx, snap: Snapshot, side: Side) -> str:
    """The organisation's name on ``side`` (or "Vores forening"/"Partneren")."""
    name = snap.project.our_org if side == Side.ASSOCIATION else snap.project.partner_org
    return name.strip() or c.t(f"side.{side.value}")


def gap_label(c: shell.Ctx, snap: Snapshot, key: str) -> str:
    """What a step still misses, in words: the working-group gaps name the organisation
    ("En ansvarlig fra Nørrebro Bibliotek"), so each reader sees it from their own side."""
    for side in Side:
        if key == f"missing.working_group_{side.value}":
            return c.t("missing.working_group_org", org=plain(org_name(c, snap, side)))
    return c.t(key) if has(key) else key


def person_label(c: shell.Ctx, snap: Snapshot, person_id: str) -> str:
    """"Name · Organisation" for a select; "Ingen ansvarlig endnu" for ""."""
    person = snap.person(person_id) if person_id else None
    if person is None:
        return c.t("tasks.nobody")
    return c.t("tasks.person", name=person.name, org=org_name(c, snap, person.side))
