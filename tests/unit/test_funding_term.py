"""Funding applications and the end of the term in the domain (issue 25): the sums, the
amounts as typed, the timeline's deadline rows, the agreement's lines and the notice."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from partnership import agreement, funding, term
from partnership.errors import ValidationError
from partnership.model import FieldValue, Person, Project, Role, Side, Snapshot, TaskKind, TaskStatus
from partnership.model_term import FundingApplication, FundingStatus, Outcome, OutcomeChoice, Term

OLE = Person("p1", "Ole Berg", Side.PARTNER)
NOW = datetime(2027, 1, 1, tzinfo=UTC)


def snap(applications: list[FundingApplication], period: Term | None = None) -> Snapshot:
    project = Project("x", "Lektiecafé", "Klubben", "Biblioteket", "", "Anna", NOW, 1)
    return Snapshot(project, Role.OWNER, 1, {"s5_term": FieldValue("s5_term", "")}, people=[OLE],
                    funding=applications, term=period or Term())


def app(fund: str, amount: int, status: FundingStatus, deadline: date | None = None,
        who: str = "") -> FundingApplication:
    return FundingApplication(f"id-{fund}", fund, amount, deadline, status, who)


APPS = [app("A", 10_000, FundingStatus.PLANNED, date(2027, 3, 1)),
        app("B", 25_000, FundingStatus.SENT, date(2027, 2, 1), "p1"),
        app("C", 40_000, FundingStatus.GRANTED),
        app("D", 5_000, FundingStatus.REFUSED, date(2026, 12, 1))]


def test_the_sums_split_planned_applied_granted_and_pending() -> None:
    assert funding.sums(APPS) == funding.Sums(planned=10_000, applied=70_000, granted=40_000, pending=25_000,
                                              count=4)
    assert funding.sums([]) == funding.Sums()


@pytest.mark.parametrize(("typed", "kroner"), [
    ("25000", 25_000), ("25.000", 25_000), ("25 000", 25_000), ("25.000 kr.", 25_000), ("kr. 1.250.000", 1_250_000),
    ("25.000,-", 25_000), ("25.000,00", 25_000), ("DKK 300", 300), ("", 0), ("  0 ", 0),
])
def test_an_amount_is_read_as_a_dane_types_it(typed: str, kroner: int) -> None:
    assert funding.parse_amount(typed) == kroner


@pytest.mark.parametrize("typed", ["-5", "12,5", "25.00", "tyve", "1.2.3", "2000000000", "=1+1"])
def test_anything_else_is_not_an_amount(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        funding.parse_amount(typed)
    assert caught.value.code == "bad_amount"


def test_amounts_are_written_the_language_s_way() -> None:
    assert funding.amount_text(1_250_000, "da") == "1.250.000 kr."
    assert funding.amount_text(1_250_000, "en") == "DKK 1,250,000"


def test_the_form_checks_fund_and_note() -> None:
    for fund, note, code in (("  ", "", "required"), ("x" * 201, "", "too_long"), ("F", "n" * 1001, "too_long")):
        with pytest.raises(ValidationError) as caught:
            funding.check(fund, note)
        assert caught.value.code == code
    funding.check("Egmont Fonden", "")


def test_each_deadline_is_a_milestone_row_in_its_person_s_lane() -> None:
    rows = funding.timeline_tasks(snap(APPS), "da")
    assert [(r.title, r.due, r.status) for r in rows] == [
        ("Ansøgningsfrist: D", date(2026, 12, 1), TaskStatus.DONE),
        ("Ansøgningsfrist: B", date(2027, 2, 1), TaskStatus.DONE),
        ("Ansøgningsfrist: A", date(2027, 3, 1), TaskStatus.PLANNED),
    ]  # C has no deadline: no row
    assert all(r.kind is TaskKind.MILESTONE and r.id.startswith(funding.TIMELINE_PREFIX) for r in rows)
    assert (rows[1].responsible, rows[1].side) == ("p1", Side.PARTNER)
    assert (rows[2].responsible, rows[2].side) == ("", Side.ASSOCIATION)
    assert funding.timeline_tasks(snap(APPS), "en")[0].title == "Application deadline: D"


def test_the_agreement_lists_the_applications_and_the_period() -> None:
    period = Term(start=date(2027, 1, 1), end=date(2027, 12, 31), version=1)
    text = agreement.render_markdown(snap([APPS[1], app("<b>Fond</b>", 0, FundingStatus.PLANNED)], period), "da")
    funding_part = text.split("## Ekstern finansiering", 1)[1].split("\n## ", 1)[0]
    assert "- **B** · 25.000 kr. · frist 1. feb. 2027 · Ansvarlig: Ole Berg" in funding_part
    assert "**&lt;b>Fond&lt;/b>** · 0 kr. · ingen frist" in funding_part and "<b>" not in funding_part  # no markup
    assert "**Periode:** 1. jan. 2027–31. dec. 2027" in text
    assert "Sendt" not in funding_part  # the status changes while the partnership runs: not in the text
    states = dict(agreement.completeness(snap(APPS, period)))
    assert states["agr.el.term"] == states["agr.el.funding"] == "in_place"
    assert dict(agreement.completeness(snap([])))["agr.el.term"] == "missing"


@pytest.mark.parametrize(("period", "today", "stage", "days"), [
    (Term(), date(2027, 1, 1), "none", 0),
    (Term(end=date(2027, 12, 31)), date(2027, 1, 1), "running", 364),
    (Term(end=date(2027, 12, 31)), date(2027, 11, 1), "ending", 60),
    (Term(end=date(2027, 12, 31)), date(2027, 12, 31), "ending", 0),
    (Term(end=date(2027, 12, 31)), date(2028, 1, 2), "ended", -2),
    (Term(end=date(2027, 12, 31), outcome=Outcome.CONTINUE), date(2028, 1, 2), "decided", -2),
    (Term(end=date(2027, 12, 31), closed_at=NOW), date(2027, 1, 1), "closed", 0),
])
def test_the_notice_shows_from_the_reminder_window(period: Term, today: date, stage: str, days: int) -> None:
    assert term.notice(period, today) == term.Notice(stage, days)  # type: ignore[arg-type]


def test_the_side_still_to_choose() -> None:
    ours = OutcomeChoice(Side.ASSOCIATION, Outcome.CLOSE)
    assert term.waiting_for(Term(choices=(ours,))) is Side.PARTNER
    assert term.waiting_for(Term(choices=(ours, OutcomeChoice(Side.PARTNER, Outcome.RENEW)))) is None
    assert term.waiting_for(Term()) is None
