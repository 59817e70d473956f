"""AppTest: the pages draw their controls from the snapshot's ``may`` (what the store says
this link may do now), not from the role (issue 22, "one home for each rule")."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from partnership import agreement
from partnership.model_term import Outcome
from partnership.store.postgres import PostgresStore
from tests.app.conftest import SQL, MakeApp, no_errors


def keys(at: AppTest, kind: str = "button") -> set[str]:
    return {w.key for w in at.get(kind) if getattr(w, "key", None)}


def project(store: PostgresStore) -> tuple[dict[str, str], str, str]:
    """A project with a person on each side and an activity: its tokens, the activity's
    and the partner person's id."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    store.add_person(owner, {"name": "Anna Holm", "side": "association", "working_group": True}, "Anna")
    ole = store.add_person(store.open(tokens["partner"]), {"name": "Ole Berg", "side": "partner"}, "Ole")
    task = store.add_task(owner, {"title": "Lektiecafé hver tirsdag", "kind": "activity"}, "Anna")
    store.set_field(owner, "s1_idea", "Lektiehjælp", 0, "Anna")
    return tokens, task.id, ole.id


def test_the_owner_page_follows_may_where_it_says_no(app: MakeApp, store: PostgresStore, sql: SQL) -> None:
    tokens, task, _ = project(store)
    at = app(token=tokens["owner"], page="step4")
    no_errors(at)
    offered = keys(at)  # the owner of a draft: everything
    assert {"fe_s4_vision_edit", "fe_s4_how_edit", f"re_s4task_{task}_edit"} <= offered
    assert "people_new_association_open" in at.session_state and "s4_new_open" in at.session_state
    # The store's answer narrowed in this test's own database: the same owner, the same
    # draft, but "may" allows one field only - the page offers that and nothing else.
    sql("""create or replace function partnership_private.may_json(p_project text, p_role text, p_tasks jsonb)
           returns jsonb language sql stable set search_path = '' as $$
           select '{"fields": ["s4_how"], "tasks": {"kinds": [], "internal": false, "edit": {}}, "people": []}'::jsonb
           $$""")
    at = app(token=tokens["owner"], page="step4")
    no_errors(at)
    offered = keys(at)
    assert "fe_s4_how_edit" in offered
    assert not {"fe_s4_vision_edit", "fe_s4_objectives_edit", "fe_s4_funding_edit", f"re_s4task_{task}_edit"} & offered
    assert not {"people_new_association_open", "people_new_partner_open", "s4_new_open", "s4_deadline_open"} \
        & set(at.session_state)
    at.switch_page("app_pages/step1.py").run()  # the association's own field: not in "may" either
    no_errors(at)
    assert "fe_s1_idea_edit" not in keys(at)


def test_a_closed_project_offers_the_owner_no_controls(app: MakeApp, store: PostgresStore) -> None:
    tokens, task, ole = project(store)
    owner, partner = store.open(tokens["owner"]), store.open(tokens["partner"])
    store.set_term(owner, date(2027, 1, 1), date(2027, 12, 31), 0, "Anna")
    text = "# Aftale\n\nVi samarbejder.\n"
    for access, name in ((owner, "Anna"), (partner, "Ole")):
        store.approve(access, name, agreement.content_hash(text), text, name)
    store.choose_outcome(owner, Outcome.CLOSE, "", 0, "Anna")
    store.choose_outcome(partner, Outcome.CLOSE, "", 1, "Ole")
    may = store.snapshot(owner).may
    assert not (may.fields or may.add_tasks or may.people or may.reopen) and may.links
    at = app(token=tokens["owner"], page="step1")
    no_errors(at)
    assert "fe_s1_idea_edit" not in keys(at)  # the role alone would have offered it
    at.switch_page("app_pages/step2.py").run()
    no_errors(at)
    assert "s2_new" not in keys(at, "text_input")  # no new candidate either
    at.switch_page("app_pages/step4.py").run()
    no_errors(at)
    assert not [k for k in keys(at) if k.endswith("_edit")]
    assert "s4_new_open" not in at.session_state and "people_new_association_open" not in at.session_state
    at.switch_page("app_pages/step5.py").run()
    no_errors(at)
    assert not {"s5_reopen", "s5_approve", "fe_s5_term_edit"} & keys(at)


def test_a_member_may_erase_a_person_as_the_store_allows(app: MakeApp, store: PostgresStore) -> None:
    tokens, _, ole = project(store)
    assert store.snapshot(store.open(tokens["member"])).may.erase_person
    at = app(token=tokens["member"], name="Mads", page="step4")
    at.button(key=f"re_peopleperson_{ole}_edit").click().run()
    no_errors(at)
    assert any(k.startswith(f"re_peopleperson_{ole}") and "erase" in k for k in keys(at))
    at = app(token=tokens["partner"], name="Ole", page="step4")
    at.button(key=f"re_peopleperson_{ole}_edit").click().run()
    no_errors(at)
    assert not any("erase" in k for k in keys(at))  # the partner edits its own people, erases none
