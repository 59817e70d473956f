"""Wording that reads as natural Danish: the first e-mail is signed by a person, and
meetings are not worded as deadlines."""

from __future__ import annotations

from datetime import UTC, date, datetime

from partnership.agreement import when
from partnership.contact import draft_email
from partnership.i18n import t
from partnership.model import Person, Project, Role, Side, Snapshot, Task, TaskKind


def snap(people: list[Person]) -> Snapshot:
    project = Project("p", "Lektiecafé", "Boldklubben Øst", "Biblioteket", "", "Anna Holm",
                      datetime(2026, 11, 1, tzinfo=UTC), 1)
    return Snapshot(project=project, role=Role.OWNER, revision=1, fields={}, people=people)


def test_the_first_email_is_signed_with_name_and_role_above_the_association() -> None:
    anna = Person("a", "Anna Holm", Side.ASSOCIATION, title="Formand")
    text = draft_email(snap([anna]), None, "da", sender="anna  holm")
    assert text.endswith("Venlig hilsen\n\nAnna Holm, Formand\nBoldklubben Øst")
    assert draft_email(snap([]), None, "da", sender="Karim").endswith("Venlig hilsen\n\nKarim\nBoldklubben Øst")
    # No sender given: the person who created the partnership signs.
    assert draft_email(snap([anna]), None, "en").endswith("Kind regards\n\nAnna Holm, Formand\nBoldklubben Øst")


def test_a_meeting_is_on_a_day_and_a_task_is_due_by_one() -> None:
    meeting = Task("m", "Opfølgningsmøde", TaskKind.FOLLOW_UP, due=date(2027, 4, 1))
    task = Task("t", "Ansøgning", TaskKind.TASK, due=date(2027, 4, 1))
    assert when(meeting, "da") == "den 1. apr. 2027"
    assert when(task, "da") == "senest 1. apr. 2027"


def test_the_short_danish_wordings() -> None:
    assert t("s2.score", "da", score=19) == "19 af 20 point"
    assert t("s2.status.active", "da") == "På listen"
    assert t("app.not_for.partner", "da") == "Denne side kan ikke åbnes med partnerens link."
    assert t("live.someone.partner", "da") == "en fra partneren"
    assert t("field.s5_term.label", "da") == t("agr.h.term", "da") == t("agr.el.term", "da")
    assert t("s5.dl.md", "da") == "Tekstfil (.md)" and t("start.import", "da") == "Indlæs en gemt fil"
    assert t("history.attr.person.title", "da") == "Rolle"
    # one of a thing is singular (the digest's tail, the history's hidden people, step 2's grid)
    assert t("remind.digest.more", "da", n=1) == "... og 1 ændring mere."
    assert t("remind.digest.more", "en", n=2) == "... and 2 more changes."
    assert t("history.others", "da", n=1) == "og 1 anden" and t("history.others", "da", n=3) == "og 3 andre"
    assert t("s2.grid_saved", "en", n=1) == "The assessment is saved (1 suggestion)."


def test_someone_without_a_name_is_named_by_role_in_both_ways_of_being_live() -> None:
    """The push stream's line (ui/live_push.py) and the poller's (shell.presence_line) say
    "en fra foreningen", never "en foreningen" or "a the association", for every role."""
    from partnership.ui.live_push import someone_words
    from partnership.ui.shell import Ctx

    for lang, owner, member in (("da", "en fra foreningen", "et medlem"), ("en", "someone from the association",
                                                                         "a member")):
        c = Ctx(store=None, lang=lang, session_id="s", access=None, link_error="", name="")  # type: ignore[arg-type]
        words = someone_words(c)
        assert set(words) == {r.value for r in Role}
        assert words["owner"] == owner and words["member"] == member
        assert all(word == t(f"live.someone.{role}", lang) != f"live.someone.{role}" for role, word in words.items())
