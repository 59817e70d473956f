"""The step catalogue, validation, the contact e-mail and the overview's plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from partnership import contact, plan, validation
from partnership.errors import ValidationError
from partnership.model import (
    Candidate,
    CandidateStatus,
    FieldValue,
    Person,
    Project,
    Role,
    Side,
    Snapshot,
    Task,
    TaskKind,
    TaskStatus,
)
from partnership.steps import FIELDS, INTERNAL_KEYS, JOINT_KEYS, MAX_NAME, MAX_TEXT, STEPS, missing, progress

TODAY = date(2026, 11, 26)


def snap(role: Role = Role.OWNER, **kw: object) -> Snapshot:
    project = Project("p", "Lektiecafé", "Boldklubben", kw.pop("partner_org", ""), kw.pop("website", ""),  # type: ignore[arg-type]
                      "Anna", datetime(2026, 1, 1, tzinfo=UTC), 1)
    return Snapshot(project=project, role=role, revision=1, fields=kw.pop("fields", {}), **kw)  # type: ignore[arg-type]


def fields(**values: str) -> dict[str, FieldValue]:
    return {k: FieldValue(k, v, 1, "Anna") for k, v in values.items()}


# -- catalogue ----------------------------------------------------------------------------


def test_the_catalogue_follows_the_guide() -> None:
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5]
    assert [s.internal for s in STEPS] == [True, True, True, False, False]
    assert INTERNAL_KEYS == {"s1_vision_fit", "s1_partner_help", "s1_our_offer", "s1_idea", "s3_email", "s3_plan_b"}
    assert JOINT_KEYS == {"s4_vision", "s4_objectives", "s4_how", "s4_funding", "s5_follow_up", "s5_term"}
    assert len({f.key for f in FIELDS}) == len(FIELDS)


def test_step1_is_complete_when_its_four_fields_are_filled() -> None:
    empty = snap()
    assert len(missing(1, empty)) == 4 and progress(1, empty) == 0.0
    full = snap(fields=fields(s1_vision_fit="a", s1_partner_help="b", s1_our_offer="c", s1_idea="d"))
    assert missing(1, full) == [] and progress(1, full) == 1.0
    blank = snap(fields=fields(s1_vision_fit="  ", s1_partner_help="b", s1_our_offer="c", s1_idea="d"))
    assert missing(1, blank) == ["field.s1_vision_fit.label"]


def test_step2_needs_suggestions_and_a_first_priority() -> None:
    assert missing(2, snap()) == ["missing.candidates", "missing.priority"]
    one = Candidate("c", "Biblioteket", 1)
    assert missing(2, snap(candidates=[one])) == ["missing.priority"]
    assert missing(2, snap(candidates=[replace(one, priority=1)])) == []
    refused = replace(one, priority=1, status=CandidateStatus.REFUSED)
    assert missing(2, snap(candidates=[refused])) == ["missing.priority"]


def test_step3_needs_two_or_three_people_and_a_follow_up() -> None:
    people = [Person(str(i), f"P{i}", Side.ASSOCIATION, first_meeting=True) for i in range(4)]
    follow = Task("t", "Følg op", TaskKind.FOLLOW_UP, internal=True, due=TODAY)
    base = fields(s3_email="x", s3_plan_b="y")
    assert missing(3, snap(fields=base, people=people[:2], tasks=[follow])) == []
    assert "missing.first_meeting" in missing(3, snap(fields=base, people=people[:1], tasks=[follow]))
    assert "missing.first_meeting" in missing(3, snap(fields=base, people=people, tasks=[follow]))
    assert "missing.follow_up_date" in missing(3, snap(fields=base, people=people[:2]))


def test_step4_needs_responsible_people_from_both_sides() -> None:
    ours = Person("a", "Anna", Side.ASSOCIATION, working_group=True)
    gaps = missing(4, snap(people=[ours]))
    assert "missing.working_group_partner" in gaps and "missing.working_group_association" not in gaps


# -- validation ---------------------------------------------------------------------------


def test_text_limits_are_exact() -> None:
    assert validation.text("x" * MAX_TEXT, what="f") == "x" * MAX_TEXT
    with pytest.raises(ValidationError) as caught:
        validation.text("x" * (MAX_TEXT + 1), what="f")
    assert caught.value.params == {"what": "f", "limit": MAX_TEXT, "length": MAX_TEXT + 1}
    with pytest.raises(ValidationError):
        validation.name("x" * (MAX_NAME + 1), what="n")
    with pytest.raises(ValidationError):
        validation.name("   ", what="n")
    with pytest.raises(ValidationError):
        validation.text(5, what="f")


def test_record_changes_are_checked_and_normalised() -> None:
    assert validation.candidate_changes({"name": " Skolen ", "resources": 3, "status": "set_aside"}) == {
        "name": "Skolen", "resources": 3, "status": CandidateStatus.SET_ASIDE}
    for bad in ({"resources": 0}, {"resources": True}, {"priority": 4}, {"status": "gone"}, {"colour": "red"}):
        with pytest.raises(ValidationError):
            validation.candidate_changes(bad)
    task = validation.task_changes({"title": "Møde", "due": "2027-01-02", "kind": "follow_up", "status": "done"})
    assert task["due"] == date(2027, 1, 2) and task["kind"] is TaskKind.FOLLOW_UP
    assert task["status"] is TaskStatus.DONE
    with pytest.raises(ValidationError) as caught:
        validation.task_changes({"due": "2026-11-25"}, today=TODAY)
    assert caught.value.code == "date_in_past"
    with pytest.raises(ValidationError):
        validation.task_changes({"due": "31-12-2026"})
    with pytest.raises(ValidationError):
        validation.person_changes({"first_meeting": "yes"})


# -- contact e-mail -----------------------------------------------------------------------


def test_the_email_keeps_the_idea_open_offers_and_proposes_30_minutes() -> None:
    s = snap(fields=fields(s1_idea="En lektiecafé", s1_our_offer="Frivillige trænere"), website="https://bk.dk",
             candidates=[Candidate("c", "Biblioteket", 1, priority=1)])
    mail = contact.draft_email(s, contact.chosen(s))
    assert mail.startswith("Kære Biblioteket")
    for part in ("Boldklubben", "En lektiecafé", "Frivillige trænere", "30 minutter", "https://bk.dk"):
        assert part in mail
    english = contact.draft_email(s, contact.chosen(s), "en")
    assert english.startswith("Dear Biblioteket") and "30-minute" in english


def test_the_email_leaves_out_what_step1_does_not_have() -> None:
    mail = contact.draft_email(snap(), None)
    assert "Kære jer" in mail and "{" not in mail and "Idéen i korte træk" not in mail


def test_chosen_is_the_highest_active_priority() -> None:
    a = Candidate("a", "A", 1, priority=1, status=CandidateStatus.REFUSED)
    b = Candidate("b", "B", 2, priority=2)
    c = Candidate("c", "C", 3, priority=3)
    assert contact.chosen(snap(candidates=[c, a, b])) == b
    assert contact.chosen(snap(candidates=[Candidate("d", "D", 1)])) is None


def test_mailto_encodes_everything() -> None:
    url = contact.mailto("Idé & samarbejde", "Linje 1\nÆØÅ?")
    assert url == "mailto:?subject=Id%C3%A9%20%26%20samarbejde&body=Linje%201%0A%C3%86%C3%98%C3%85%3F"


# -- plan -------------------------------------------------------------------------------


def test_next_actions_start_with_the_first_unfinished_step() -> None:
    actions = plan.next_actions(snap(), TODAY)
    assert actions[0].page == "step1" and actions[0].params["what"] == "field.s1_vision_fit.label"


def test_the_partner_plans_only_the_joint_steps() -> None:
    assert plan.visible_steps(Role.PARTNER) == [4, 5] == plan.visible_steps(Role.VIEWER)
    actions = plan.next_actions(snap(Role.PARTNER), TODAY)
    assert {a.page for a in actions} <= {"step4", "step5", "timeline"}


def test_overdue_and_soon_due_tasks_are_next_actions() -> None:
    late = Task("l", "Ansøgning", due=date(2026, 11, 20))
    soon = Task("s", "Plakat", due=date(2026, 12, 1))
    later = Task("x", "Sommer", due=date(2027, 6, 1))
    done = Task("d", "Færdig", due=date(2026, 11, 1), status=TaskStatus.DONE)
    keys = [(a.key, a.params.get("title")) for a in plan.next_actions(snap(tasks=[later, soon, late, done]), TODAY,
                                                                      limit=10)]
    assert ("next.overdue", "Ansøgning") in keys and ("next.due", "Plakat") in keys
    assert all(title not in ("Sommer", "Færdig") for _, title in keys)


def test_once_signed_the_dashboard_not_the_next_actions_lists_due_tasks() -> None:
    signed = snap(tasks=[Task("l", "Ansøgning", due=date(2026, 11, 20))])
    signed = replace(signed, project=replace(signed.project, signed_at=datetime(2026, 11, 1, tzinfo=UTC)))
    actions = plan.next_actions(signed, TODAY)
    assert all(a.key not in ("next.overdue", "next.due") for a in actions)
    # ... but the plan never reads "all in place" while something is overdue: it points there.
    assert [(a.key, a.page, a.params) for a in actions if a.key != "next.fill"] == [
        ("next.overdue_after_signing", "timeline", {"n": "1"})]


def test_once_signed_nothing_overdue_leaves_no_next_action() -> None:
    signed = snap(tasks=[Task("l", "Ansøgning", due=TODAY), Task("d", "Plakater", due=date(2026, 11, 1),
                                                                  status=TaskStatus.DONE)])
    signed = replace(signed, project=replace(signed.project, signed_at=datetime(2026, 11, 1, tzinfo=UTC)))
    assert [a for a in plan.next_actions(signed, TODAY) if a.key != "next.fill"] == []
