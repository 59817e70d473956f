"""AppTest: what the page does with the drafts the browser reports (ui/drafts.py). The
browser's side - keeping the typing, reporting it, the reconnect - is in the browser
tests (tests/e2e/test_drafts_restart.py); here the component's state is set as the
browser would set it, in a fresh session (the server forgot the editor)."""

from __future__ import annotations

import time
from typing import Any

from streamlit.testing.v1 import AppTest

from partnership.store.base import Store
from partnership.ui.drafts import KEY
from tests.app.conftest import MakeApp, no_errors, texts


def report(at: AppTest, slot: str, values: dict[str, Any], base: int = 0, age_s: float = 60) -> AppTest:
    """The browser reports a draft it kept for ``slot`` (typed ``age_s`` seconds ago)."""
    at.session_state[KEY] = {"found": {slot: {"at": int((time.time() - age_s) * 1000), "base": base,
                                              "values": values}}}
    return at.run()


def keys(at: AppTest) -> list[str]:
    return [b.key for b in at.button if b.key]


def test_a_kept_draft_is_offered_and_saved_only_when_asked(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    at = app(tokens["owner"], page="step1")
    report(at, "fe_s1_idea", {"text": "Min kladde"})
    no_errors(at)
    assert "er gemt her – gem den nu" in texts(at) and "Min kladde" in texts(at)
    assert "fe_s1_idea_edit" not in keys(at), "the draft's own buttons instead of Rediger"
    assert store.snapshot(owner).field("s1_idea").version == 0, "nothing is saved without being asked"
    at.button(key="fe_s1_idea_draft_save").click().run()
    no_errors(at)
    fv = store.snapshot(owner).field("s1_idea")
    assert (fv.value, fv.version, fv.updated_by) == ("Min kladde", 1, "Anna")
    assert "er gemt her" not in texts(at), "never offered again, although the browser has not yet forgotten it"
    assert "fe_s1_idea_edit" in keys(at)


def test_a_draft_typed_against_an_old_version_gives_the_conflict_panel(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "Bos idé", 0, "Bo")
    at = app(tokens["owner"], page="step1")
    report(at, "fe_s1_idea", {"text": "Min kladde"}, base=0)
    at.button(key="fe_s1_idea_draft_save").click().run()
    no_errors(at)
    shown = [t.value for t in at.text]
    assert "Min kladde" in shown and "Bos idé" in shown
    assert store.snapshot(owner).field("s1_idea").value == "Bos idé"
    at.button(key="fe_s1_idea_keep").click().run()
    assert store.snapshot(owner).field("s1_idea").value == "Min kladde"


def test_continue_editing_opens_the_editor_with_the_draft_on_its_version(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "Første", 0, "Anna")
    at = app(tokens["owner"], page="step1")
    report(at, "fe_s1_idea", {"text": "Første, og mere"}, base=1)
    at.button(key="fe_s1_idea_draft_edit").click().run()
    assert at.text_area(key="fe_s1_idea_text").value == "Første, og mere"
    at.button(key="fe_s1_idea_save").click().run()
    fv = store.snapshot(owner).field("s1_idea")
    assert (fv.value, fv.version) == ("Første, og mere", 2)


def test_a_discarded_draft_is_not_offered_again(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    at = app(tokens["owner"], page="step1")
    report(at, "fe_s1_idea", {"text": "Min kladde"})
    at.button(key="fe_s1_idea_draft_drop").click().run()
    assert "kasseret" in texts(at) and "er gemt her" not in texts(at)
    at.run()
    assert "er gemt her" not in texts(at)
    assert store.snapshot(owner).field("s1_idea").version == 0


def test_nothing_is_offered_for_a_draft_that_is_stored_already_too_old_or_malformed(app: MakeApp,
                                                                                    store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "Gemt", 0, "Anna")
    at = app(tokens["owner"], page="step1")
    report(at, "fe_s1_idea", {"text": "Gemt "}, base=0)
    assert "er gemt her" not in texts(at)
    report(at, "fe_s1_idea", {"text": "Gammel"}, age_s=30 * 24 * 3600)
    assert "er gemt her" not in texts(at)
    report(at, "fe_s1_idea", {"text": {"html": "<b>x</b>"}})
    no_errors(at)
    assert "er gemt her" not in texts(at)


def test_a_viewer_is_offered_nothing(app: MakeApp, store: Store) -> None:
    _, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    at = app(tokens["viewer"], page="step4")
    report(at, "fe_s4_vision", {"text": "Læserens kladde"})
    no_errors(at)
    assert "er gemt her" not in texts(at)


def test_a_record_draft_reopens_the_editor_with_its_values(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    cand = store.add_candidate(owner, "Biblioteket", "Anna")
    at = app(tokens["owner"], page="step2")
    report(at, f"re_cand_{cand.id}", {"name": "Hovedbiblioteket", "note": "Ring til Lise"}, base=cand.version)
    no_errors(at)
    assert "Dine ændringer fra kl." in texts(at)
    at.button(key=f"re_cand_{cand.id}_draft_edit").click().run()
    assert at.text_input(key=f"re_cand_{cand.id}_name").value == "Hovedbiblioteket"
    at.button(key=f"re_cand_{cand.id}_save").click().run()
    no_errors(at)
    got = next(c for c in store.snapshot(owner).candidates if c.id == cand.id)
    assert (got.name, got.note) == ("Hovedbiblioteket", "Ring til Lise")


def test_english_by_the_switch(app: MakeApp, store: Store) -> None:
    _, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    at = app(tokens["owner"], page="step1", lang="en")
    report(at, "fe_s1_idea", {"text": "My draft"})
    assert "is kept here – save it now" in texts(at)


def test_a_task_and_a_person_draft_come_back_and_leave_the_dates_alone(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    task = store.add_task(owner, {"title": "Møde", "kind": "activity", "side": "association",
                                  "start": "2026-12-24", "due": "2026-12-24"}, "Anna")
    person = store.add_person(owner, {"name": "Lise", "side": "association"}, "Anna")
    at = app(tokens["owner"], page="step4")
    slot = f"re_s4task_{task.id}"
    report(at, slot, {"title": "Første møde", "note": "Kaffe med", "start": None}, base=task.version)
    no_errors(at)
    at.button(key=f"{slot}_draft_edit").click().run()
    assert at.text_input(key=f"{slot}_title").value == "Første møde"
    assert at.text_area(key=f"{slot}_note").value == "Kaffe med"
    at.button(key=f"{slot}_save").click().run()
    no_errors(at)
    got = next(t for t in store.snapshot(owner).tasks if t.id == task.id)
    assert (got.title, got.note, str(got.start)) == ("Første møde", "Kaffe med", "2026-12-24")
    slot = f"re_peopleperson_{person.id}"
    report(at, slot, {"name": "Lise Holm", "contact": "lise@example.org"}, base=person.version)
    at.button(key=f"{slot}_draft_edit").click().run()
    at.checkbox(key=f"{slot}_consent").check()  # a contact is kept only with the person's consent, asked anew
    at.button(key=f"{slot}_save").click().run()
    no_errors(at)
    got_person = next(p for p in store.snapshot(owner).people if p.id == person.id)
    assert (got_person.name, got_person.contact) == ("Lise Holm", "lise@example.org")


def test_rediger_beside_a_kept_record_draft_opens_the_draft_not_the_stored_values(app: MakeApp,
                                                                                  store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    cand = store.add_candidate(owner, "Biblioteket", "Anna")
    at = app(tokens["owner"], page="step2")
    report(at, f"re_cand_{cand.id}", {"name": "Hovedbiblioteket"}, base=cand.version)
    at.button(key=f"re_cand_{cand.id}_edit").click().run()
    assert at.text_input(key=f"re_cand_{cand.id}_name").value == "Hovedbiblioteket"
    assert f"re_cand_{cand.id}_draft_edit" not in keys(at)
