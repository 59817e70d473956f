"""Step 3: the first contact e-mail, drafted from step 1 and the chosen candidate."""

from __future__ import annotations

from urllib.parse import quote

from partnership import usertext
from partnership.i18n import t
from partnership.model import Candidate, CandidateStatus, Side, Snapshot, Task, TaskKind, TaskStatus


def chosen(snap: Snapshot, *, passing_over: str = "") -> Candidate | None:
    """The active candidate with the highest priority, if any (leaving out the one with
    id ``passing_over``: who comes next after a refusal)."""
    ranked = sorted((c for c in snap.candidates
                     if c.status is CandidateStatus.ACTIVE and c.priority and c.id != passing_over),
                    key=lambda c: (c.priority or 99, c.position))
    return ranked[0] if ranked else None


def is_open_follow_up(task: Task) -> bool:
    """An internal follow-up not done yet: a reminder to chase the candidate's answer.
    The answer (``Store.said_yes``, ``Store.record_refusal``) marks every one done; the
    SQL functions of supabase/migrations/20261130000500_use_cases.sql hold the same rule."""
    return task.internal and task.kind is TaskKind.FOLLOW_UP and task.status is not TaskStatus.DONE


def signature(snap: Snapshot, sender: str, lang: str = "da") -> str:
    """The sender's line above the association's name: "Anna Holm, formand" when the
    sender is one of the association's people with a role, else just the name."""
    name = " ".join(sender.split())
    if not name:
        return ""
    person = next((p for p in snap.people if p.side is Side.ASSOCIATION
                   and p.name.casefold().split() == name.casefold().split()), None)
    if person is not None and person.title.strip():
        return t("mail.sender_role", lang, name=person.name.strip(), role=person.title.strip())
    return t("mail.sender", lang, name=name)


def draft_email(snap: Snapshot, candidate: Candidate | None, lang: str = "da", sender: str = "") -> str:
    """An editable first e-mail: the idea kept open, what we offer, a 30-minute meeting,
    our website, signed by ``sender`` (name and role) above the association. Empty parts
    of step 1 are left out rather than shown as blanks."""
    p = snap.project
    parts = [t("mail.greeting", lang, name=candidate.name if candidate else t("mail.you", lang))]
    parts.append(t("mail.intro", lang, org=p.our_org))
    idea = snap.field("s1_idea").value.strip()
    if idea:
        parts.append(t("mail.idea", lang, idea=idea))
    offer = snap.field("s1_our_offer").value.strip()
    if offer:
        parts.append(t("mail.offer", lang, offer=offer))
    parts.append(t("mail.meeting", lang))
    if p.website.strip():
        parts.append(t("mail.website", lang, url=p.website.strip()))
    parts.append(t("mail.closing", lang, sender=signature(snap, sender or p.created_by, lang), org=p.our_org))
    return usertext.clean("\n\n".join(parts))  # no bidi overrides in a mail we help write


def mailto(subject: str, body: str, to: str = "") -> str:
    """A mailto: link with subject and body (without ``to``, the person fills in the
    recipient)."""
    return (f"mailto:{quote(to, safe='@')}?subject={quote(usertext.clean(subject))}"
            f"&body={quote(usertext.clean(body))}")
