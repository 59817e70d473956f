"""AppTest: funding applications on step 4, the period and the end of the term on step 5,
the overview's notice and the dashboard's sum (issue 25)."""

from __future__ import annotations

from datetime import date, timedelta

from partnership import agreement
from partnership.demo import FUNDING, create_demo
from partnership.model_term import FundingStatus, Outcome
from partnership.store.postgres import PostgresStore
from partnership.ui import timeline_page
from tests.app.conftest import MakeApp, no_errors, opened, texts
from tests.app.test_steps45 import fresh, ready

TODAY = date.today()


def sign(store: PostgresStore, tokens: dict[str, str]) -> None:
    owner, partner = store.open(tokens["owner"]), store.open(tokens["partner"])
    text = agreement.render_markdown(store.snapshot(owner))
    store.approve(owner, "Anna", agreement.content_hash(text), text, "Anna")
    store.approve(partner, "Ole", agreement.content_hash(text), text, "Ole")


def test_the_partner_adds_an_application_and_a_bad_amount_keeps_the_form(app: MakeApp, store: PostgresStore) -> None:
    tokens = fresh(store)
    partner = store.open(tokens["partner"])
    ole = store.add_person(partner, {"name": "Ole Berg", "side": "partner"}, "Ole")
    at = opened(app(token=tokens["partner"], page="step4"), "fund_add_open")
    at.text_input(key="fund_add_fund").input("Egmont Fonden")
    at.text_input(key="fund_add_amount").input("60.000,50")
    at.text_input(key="fund_add_deadline").input(f"{TODAY + timedelta(days=21):%d.%m.%Y}")
    at.selectbox(key="fund_add_responsible").set_value(ole.id)
    at.button(key="fund_add_submit").click().run()
    assert "helt antal kroner" in " ".join(e.value for e in at.error)
    assert store.snapshot(partner).funding == []
    assert at.text_input(key="fund_add_fund").value == "Egmont Fonden"  # what was typed is kept
    at.text_input(key="fund_add_amount").input("60.000")
    at.text_input(key="fund_add_deadline").input("31.02.2027")
    at.button(key="fund_add_submit").click().run()
    assert "findes ikke i kalenderen" in " ".join(e.value for e in at.error)
    at.text_input(key="fund_add_deadline").input(f"{TODAY + timedelta(days=21):%d%m%Y}")
    at.button(key="fund_add_submit").click().run()
    no_errors(at)
    [saved] = store.snapshot(partner).funding
    assert (saved.fund, saved.amount, saved.deadline, saved.responsible, saved.status) == (
        "Egmont Fonden", 60_000, TODAY + timedelta(days=21), ole.id, FundingStatus.PLANNED)
    assert "60.000 kr." in texts(at) and "Ansøgningsfrist" not in texts(at)

    at.button(key=f"fund_e_{saved.id}_open").click().run()
    at.selectbox(key=f"fund_e_{saved.id}_status").set_value("granted")
    at.button(key=f"fund_e_{saved.id}_submit").click().run()
    no_errors(at)
    assert store.snapshot(partner).funding[0].status is FundingStatus.GRANTED
    assert "Bevilget: **60.000 kr.**".lower() in texts(at).lower()


def test_the_period_is_set_on_step_5_and_shown_in_the_agreement(app: MakeApp, store: PostgresStore) -> None:
    tokens = ready(store)
    at = app(token=tokens["owner"], page="step5")
    at.text_input(key="term_start").input("1.3.2027")
    at.text_input(key="term_end").input("1.2.2027")
    at.button(key="term_save").click().run()
    assert "før startdatoen" in " ".join(e.value for e in at.error)
    at.text_input(key="term_end").input("28.2.2028")
    at.button(key="term_save").click().run()
    no_errors(at)
    term = store.snapshot(store.open(tokens["owner"])).term
    assert (term.start, term.end, term.version) == (date(2027, 3, 1), date(2028, 2, 28), 1)
    assert "1. mar. 2027–28. feb. 2028" in texts(at)


def test_closing_together_makes_the_pages_read_only(app: MakeApp, store: PostgresStore) -> None:
    tokens = ready(store)
    owner = store.open(tokens["owner"])
    store.set_term(owner, TODAY - timedelta(days=300), TODAY + timedelta(days=20), 0, "Anna")
    sign(store, tokens)
    at = app(token=tokens["owner"], page="overview")
    assert "slutter om 20 dage" in texts(at)

    at = opened(app(token=tokens["owner"], page="step5"), "ev_open")
    at.text_area(key="ev_reached").input("28 børn kom fast.")
    at.radio(key="ev_r_shared_goals").set_value("green")
    at.button(key="ev_submit").click().run()
    no_errors(at)
    at.button(key="out_submit").click().run()
    assert "Vælg en af mulighederne" in " ".join(e.value for e in at.error)
    at.radio(key="out_choice").set_value("close")
    at.text_area(key="out_note").input("Tak for et godt år.")
    at.button(key="out_submit").click().run()
    no_errors(at)
    assert "Venter på Biblioteket" in texts(at)

    partner = app(token=tokens["partner"], name="Ole", page="step5")
    assert "28 børn kom fast." in texts(partner)
    partner.radio(key="out_choice").set_value("close")
    partner.button(key="out_submit").click().run()
    no_errors(partner)
    snap = store.snapshot(owner)
    assert snap.term.closed and snap.term.outcome is Outcome.CLOSE and snap.term.closed_note == "Tak for et godt år."
    assert "Partnerskabet er afsluttet" in texts(partner)
    assert not {"out_submit", "ev_submit", "s5_reopen"} & {b.key for b in partner.button}
    step4 = app(token=tokens["owner"], page="step4")
    no_errors(step4)
    assert "Partnerskabet blev afsluttet" in texts(step4)  # every page says so
    assert not [b for b in step4.button if b.key and b.key.startswith(("fund_", "s4_deadline"))]


def test_the_example_shows_its_applications_on_the_dashboard_and_timeline(app: MakeApp,
                                                                          store: PostgresStore) -> None:
    access, tokens = create_demo(store)
    snap = store.snapshot(access)
    assert len(snap.funding) == len(FUNDING) and snap.term.end is not None
    at = app(token=tokens["viewer"], page="overview")
    no_errors(at)
    assert "Søgt: **80.000 kr.** · bevilget: **40.000 kr.** · planlagt: 60.000 kr." in texts(at)
    drawn = [x.title for x in timeline_page.drawn_tasks(snap, "da")]
    assert "Ansøgningsfrist: Egmont Fonden" in drawn
    assert "Egmont Fonden" in agreement.render_markdown(snap)


def test_long_before_the_end_the_decision_waits_behind_one_button(app: MakeApp, store: PostgresStore) -> None:
    _, tokens = create_demo(store)  # its period ends in 335 days
    at = app(token=tokens["partner"], name="Ole", page="step5")
    no_errors(at)
    keys = {b.key for b in at.button}
    assert "term_show_btn" in keys and "out_submit" not in keys
    at.button(key="term_show_btn").click().run()
    assert "out_submit" in {b.key for b in at.button}
    viewer = app(token=tokens["viewer"], page="step5")
    assert not {"term_show_btn", "out_submit"} & {b.key for b in viewer.button}


def test_the_dashboards_sum_has_no_tooltip_and_says_what_it_counts_once_asked(app: MakeApp,
                                                                              store: PostgresStore) -> None:
    _, tokens = create_demo(store)
    at = app(token=tokens["owner"], page="overview")
    no_errors(at)
    [line] = [m for m in at.markdown if "Søgt: **80.000 kr.**" in m.value]
    assert not line.proto.help  # a tooltip's code would start on the first load
    assert "Søgt er ansøgninger, der er sendt" not in texts(at)
    at = opened(at, "dash_explain")
    assert "Søgt er ansøgninger, der er sendt eller har fået svar" in texts(at)
