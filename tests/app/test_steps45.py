"""AppTest: steps 4 and 5 with the partner — fields, activities, the working group from
both sides, the agreement, approval, signing, reopening and the downloads."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from partnership import agreement
from partnership.demo import create_demo
from partnership.errors import Forbidden
from partnership.model import Role, Side, TaskKind
from partnership.render import files
from partnership.slug import slug
from partnership.store.postgres import PostgresStore
from partnership.ui import step5
from tests.app.conftest import MakeApp, no_errors, opened, texts
from tests.support.file_links import by_what, file_links

TODAY = date.today()



def keys(at: AppTest, kind: str = "button") -> set[str]:
    return {w.key for w in at.get(kind) if getattr(w, "key", None)}


def fresh(store: PostgresStore) -> dict[str, str]:
    """A project whose partner has said yes, and nothing else."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    return tokens


def ready(store: PostgresStore, *, term: bool = True) -> dict[str, str]:
    """A project with everything the agreement requires (``s5_term`` only if ``term``)."""
    tokens = fresh(store)
    owner, partner = store.open(tokens["owner"]), store.open(tokens["partner"])
    for key, text in (("s4_vision", "Alle børn har et sted at lave lektier."), ("s4_objectives", "30 børn."),
                      ("s5_follow_up", "Vi mødes hvert kvartal.")):
        store.set_field(owner, key, text, 0, "Anna")
    if term:
        store.set_field(owner, "s5_term", "Et år.", 0, "Anna")
    anna = store.add_person(owner, {"name": "Anna Holm", "side": "association", "contact": "anna@example.dk",
                                    "contact_consent": True, "working_group": True}, "Anna")
    ole = store.add_person(partner, {"name": "Ole Berg", "side": "partner", "contact": "ole@example.dk",
                                     "contact_consent": True, "working_group": True}, "Ole")
    store.add_task(owner, {"title": "Lektiecafé hver tirsdag", "kind": "activity", "responsible": ole.id,
                           "side": "partner", "start": TODAY, "due": TODAY + timedelta(days=90)}, "Anna")
    store.add_task(owner, {"title": "Opfølgningsmøde 1", "kind": "follow_up", "responsible": anna.id,
                           "side": "association", "due": TODAY + timedelta(days=30)}, "Anna")
    return tokens


def assert_no_inputs(at: AppTest) -> None:
    """A viewer's page: nothing to click or type in (downloads aside)."""
    for kind in ("button", "text_input", "text_area", "selectbox", "date_input", "checkbox", "radio"):
        found = [getattr(w, "key", None) or getattr(w, "label", "") for w in at.get(kind)]
        assert found == [], (kind, found)


# -- every role, both pages ---------------------------------------------------------------


@pytest.mark.parametrize("page", ["step4", "step5"])
@pytest.mark.parametrize("role", ["owner", "partner", "viewer"])
def test_steps_4_and_5_run_for_every_role(app: MakeApp, store: PostgresStore, role: str, page: str) -> None:
    _, demo = create_demo(store)
    tokens = fresh(store)
    for project in (demo, tokens):  # signed (the example) and just begun
        at = app(token=project[role], page=page)
        no_errors(at)
        assert at.title[0].value.startswith("Trin 4" if page == "step4" else "Trin 5")
        if role == "viewer":
            assert_no_inputs(at)
            assert "Du læser med" in texts(at)
    if page == "step4":
        assert "Nørrebro Bibliotek" in texts(app(token=demo[role], page=page))


# -- step 4 ---------------------------------------------------------------------------------


def test_owner_saves_the_shared_vision_inline(app: MakeApp, store: PostgresStore) -> None:
    tokens = fresh(store)
    at = app(token=tokens["owner"], page="step4")
    edit = at.button(key="fe_s4_vision_edit")
    assert edit.label == "Rediger"
    edit.click().run()
    at.text_area(key="fe_s4_vision_text").input("Alle børn har et sted at lave lektier.")
    save = at.button(key="fe_s4_vision_save")
    assert save.label == "Gem"
    save.click().run()
    no_errors(at)
    snap = store.snapshot(store.open(tokens["owner"]))
    assert snap.field("s4_vision").value == "Alle børn har et sted at lave lektier."
    assert snap.field("s4_vision").updated_by == "Anna"
    assert "Alle børn har et sted at lave lektier." in texts(at)


def test_an_activity_due_before_its_start_is_refused_and_nothing_is_saved(app: MakeApp, store: PostgresStore) -> None:
    tokens = fresh(store)
    owner = store.open(tokens["owner"])
    anna = store.add_person(owner, {"name": "Anna Holm", "side": "association", "working_group": True}, "Anna")
    at = app(token=tokens["owner"], page="step4")
    assert at.selectbox(key="s4_new_kind").value == "activity"
    at.text_input(key="s4_new_title").input("Lektiecafé")
    at.selectbox(key="s4_new_responsible").set_value(anna.id)
    at.text_input(key="s4_new_start").input(f"{TODAY + timedelta(days=10):%d.%m.%Y}")  # typed as a Dane would
    at.text_input(key="s4_new_due").input(f"{TODAY + timedelta(days=5):%d%m%Y}")
    at.button(key="s4_new_submit").click().run()
    assert not at.exception
    assert "Slutdatoen ligger før startdatoen" in " ".join(e.value for e in at.error)
    assert store.snapshot(owner).tasks == []
    assert at.text_input(key="s4_new_title").value == "Lektiecafé"  # nothing typed is lost

    at.text_input(key="s4_new_due").input(f"{TODAY + timedelta(days=40):%d/%m-%Y}")
    at.button(key="s4_new_submit").click().run()
    no_errors(at)
    [task] = store.snapshot(owner).tasks
    assert (task.title, task.kind, task.responsible, task.side) == ("Lektiecafé", TaskKind.ACTIVITY, anna.id,
                                                                   Side.ASSOCIATION)
    assert "Lektiecafé" in texts(at) and "Ansvarlig: Anna Holm" in texts(at)


def test_the_add_form_starts_clean_after_a_task_kind_included(app: MakeApp, store: PostgresStore) -> None:
    tokens = fresh(store)
    owner = store.open(tokens["owner"])
    at = app(token=tokens["owner"], page="step4")
    at.text_input(key="s4_new_title").input("Rekruttér 6 frivillige")
    at.selectbox(key="s4_new_kind").set_value("task")
    at.selectbox(key="s4_new_side").set_value("partner")
    at.button(key="s4_new_submit").click().run()
    no_errors(at)
    [task] = store.snapshot(owner).tasks
    assert (task.kind, task.side) == (TaskKind.TASK, Side.PARTNER)
    assert "(Opgave)" in " ".join(s.value for s in at.success)  # the kind is said out loud
    assert at.text_input(key="s4_new_title").value == ""
    assert at.selectbox(key="s4_new_kind").value == "activity"  # not the last task's kind
    assert at.selectbox(key="s4_new_side").value == "association"


def test_the_partner_adds_its_own_person_to_the_working_group(app: MakeApp, store: PostgresStore) -> None:
    tokens = fresh(store)
    at = app(token=tokens["partner"], page="step4")
    no_errors(at)
    shown = texts(at)
    assert "Partneren har endnu ingen i arbejdsgruppen" in shown
    assert "Foreningen har endnu ingen i arbejdsgruppen" in shown
    assert "people_new_association_name" not in keys(at, "text_input")  # only its own side
    opened(at, "people_new_partner_open")
    assert "people_new_association_open" not in at.session_state  # only its own side
    at.text_input(key="people_new_partner_name").input("Ole Berg")
    at.text_input(key="people_new_partner_title").input("Bibliotekar")
    at.button(key="people_new_partner_submit").click().run()
    no_errors(at)
    [ole] = store.snapshot(store.open(tokens["partner"])).people
    assert (ole.name, ole.side, ole.title, ole.working_group) == ("Ole Berg", Side.PARTNER, "Bibliotekar", True)
    shown = texts(at)
    assert "Partneren har endnu ingen i arbejdsgruppen" not in shown
    assert "Foreningen har endnu ingen i arbejdsgruppen" in shown


def test_a_funding_deadline_becomes_a_task_with_responsible_and_due(app: MakeApp, store: PostgresStore) -> None:
    tokens = fresh(store)
    partner = store.open(tokens["partner"])
    ole = store.add_person(partner, {"name": "Ole Berg", "side": "partner", "working_group": True}, "Ole")
    at = opened(app(token=tokens["partner"], page="step4"), "s4_deadline_open")
    at.button(key="s4_deadline_submit").click().run()
    assert "Skriv en frist" in " ".join(e.value for e in at.error)
    at.text_input(key="s4_deadline_due").input(f"{TODAY + timedelta(days=42):%d%m%Y}")
    at.selectbox(key="s4_deadline_responsible").set_value(ole.id)
    at.radio(key="s4_deadline_kind").set_value("milestone")
    at.button(key="s4_deadline_submit").click().run()
    no_errors(at)
    [task] = store.snapshot(partner).tasks
    assert (task.kind, task.responsible, task.side, task.due) == (TaskKind.MILESTONE, ole.id, Side.PARTNER,
                                                                  TODAY + timedelta(days=42))


def test_a_stale_task_save_shows_both_versions_and_keeps_mine_on_request(app: MakeApp, store: PostgresStore) -> None:
    tokens = ready(store)
    owner, partner = store.open(tokens["owner"]), store.open(tokens["partner"])
    [activity] = [x for x in store.snapshot(owner).tasks if x.kind is TaskKind.ACTIVITY]
    k = f"re_s4task_{activity.id}"
    at = app(token=tokens["owner"], page="step4")
    at.button(key=f"{k}_edit").click().run()
    at.text_input(key=f"{k}_title").input("Lektiecafé om onsdagen")
    store.update_task(partner, activity.id, {"title": "Lektiecafé om torsdagen"}, 1, "Ole")
    at.button(key=f"{k}_save").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Lektiecafé om onsdagen" in shown and "Lektiecafé om torsdagen" in shown
    at.button(key=f"{k}_keep").click().run()
    no_errors(at)
    [saved] = [x for x in store.snapshot(owner).tasks if x.id == activity.id]
    assert (saved.title, saved.version) == ("Lektiecafé om onsdagen", 3)


# -- step 5: approval, signing, reopening ---------------------------------------------------


def test_the_approval_flow_end_to_end(app: MakeApp, store: PostgresStore) -> None:
    tokens = ready(store, term=False)
    owner, partner = store.open(tokens["owner"]), store.open(tokens["partner"])
    at = app(token=tokens["owner"], page="step5")
    no_errors(at)
    assert "ikke-bindende samarbejdsaftale" in texts(at)

    # blocked while a required element is missing, and the message names it
    at.button(key="s5_approve").click().run()
    assert "Periode, ændringer og ophør" in " ".join(e.value for e in at.error)
    assert store.snapshot(owner).approvals == []

    store.set_field(partner, "s5_term", "Aftalen gælder ét år.", 0, "Ole")
    at.run()
    assert at.text_input(key="s5_approver").value == "Anna"
    at.button(key="s5_approve").click().run()
    no_errors(at)
    [first] = store.snapshot(owner).approvals
    assert (first.side, first.name) == (Side.ASSOCIATION, "Anna")
    assert "Gælder for den nuværende tekst." in texts(at)

    # approving the same text twice says so
    at.button(key="s5_approve").click().run()
    assert "allerede godkendt" in " ".join(e.value for e in at.error)

    # a later change voids the approval, visibly
    store.set_field(partner, "s4_vision", "En ny og bedre vision.", 1, "Ole")
    at.run()
    assert "Ændret efter godkendelse – skal godkendes igen" in texts(at)
    at.button(key="s5_approve").click().run()
    no_errors(at)
    assert "Gælder for den nuværende tekst." in texts(at)

    # the partner approves the same text: signed
    other = app(token=tokens["partner"], name="Ole", page="step5")
    other.text_input(key="s5_approver").input("Ole Berg")
    other.button(key="s5_approve").click().run()
    no_errors(other)
    snap = store.snapshot(owner)
    assert snap.project.signed_at is not None
    assert len(snap.signed_versions) == 1
    assert ["Underskrevet" in e.value for e in other.success] == [True], "one green box says it, once"

    # signed: fields locked in the page and in the store
    at.run()
    no_errors(at)
    assert "Underskrevet" in " ".join(e.value for e in at.success)
    assert "s5_approve" not in keys(at) and "fe_s5_term_edit" not in keys(at)
    at.switch_page("app_pages/step4.py").run()
    no_errors(at)
    assert "fe_s4_vision_edit" not in keys(at)
    assert "people_new_association_name" not in keys(at, "text_input")
    with pytest.raises(Forbidden) as refused:
        store.set_field(owner, "s4_vision", "Nej", 3, "Anna")
    assert refused.value.code == "signed"
    [activity] = [x for x in snap.tasks if x.kind is TaskKind.ACTIVITY]
    at.button(key=f"re_s4task_{activity.id}_edit").click().run()
    assert at.text_input(key=f"re_s4task_{activity.id}_title").disabled
    assert not at.selectbox(key=f"re_s4task_{activity.id}_status").disabled
    assert "kun status og note" in texts(at)

    # reopen (with a confirmation) keeps the signed version readable
    at.switch_page("app_pages/step5.py").run()
    at.button(key="s5_reopen").click().run()
    assert at.button(key="s5_reopen_go").disabled
    at.checkbox(key="s5_reopen_sure").check().run()
    at.button(key="s5_reopen_go").click().run()
    no_errors(at)
    snap = store.snapshot(owner)
    assert snap.project.signed_at is None and len(snap.signed_versions) == 1
    version = snap.signed_versions[0]
    assert "Underskrevne udgaver" in texts(at)
    opened(at, f"s5_v_{version.id}_open")
    [expander] = [e for e in at.get("expander") if e.label.startswith("Underskrevet")]
    assert "En ny og bedre vision." in " ".join(m.value for m in expander.markdown)
    signed_files = by_what(at, v=version.id)
    assert {"agreement.md", "agreement.docx", "agreement.pdf"} <= set(signed_files)
    assert signed_files["agreement.pdf"].name.endswith(f"-{version.signed_at:%Y-%m-%d}.pdf")
    assert "fe_s4_vision_edit" not in keys(at)  # (step 5 has no such field)
    assert "fe_s5_term_edit" in keys(at) and "s5_approve" in keys(at)


def test_a_viewer_reads_the_agreement_but_cannot_approve_or_save(app: MakeApp, store: PostgresStore) -> None:
    tokens = ready(store)
    owner = store.open(tokens["owner"])
    text = agreement.render_markdown(store.snapshot(owner), "da")
    store.approve(owner, "Anna Holm", agreement.content_hash(text), text, "Anna")
    at = app(token=tokens["viewer"], name=None, page="step5")
    no_errors(at)
    assert_no_inputs(at)
    shown = texts(at)
    assert "Godkendt af **Anna Holm**" in shown and "Ikke godkendt endnu." in shown
    assert set(by_what(at)) == {"agreement.md", "agreement.html", "agreement.docx", "agreement.pdf", "tasks.csv"}
    assert all(x.query["k"] == tokens["viewer"] for x in file_links(at))


def test_approvals_in_either_language_name_the_same_agreement(store: PostgresStore) -> None:
    tokens = ready(store)
    owner, partner = store.open(tokens["owner"]), store.open(tokens["partner"])
    english = agreement.render_markdown(store.snapshot(owner), "en")
    store.approve(owner, "Anna", agreement.content_hash(english), english, "Anna")
    snap = store.snapshot(partner)
    [approval] = snap.approvals
    assert step5.is_valid(snap, approval)
    assert step5.approval_lang(snap, Side.PARTNER, "da") == "en"  # the partner signs the very same text
    assert step5.approval_lang(snap, Side.ASSOCIATION, "da") == "da"


# -- downloads ------------------------------------------------------------------------------


def test_the_downloads_hold_the_agreement_and_the_tasks(app: MakeApp, store: PostgresStore) -> None:
    tokens = ready(store)
    owner = store.open(tokens["owner"])
    store.add_task(owner, {"title": "=HYPERLINK(\"x\")", "kind": "task", "side": "association"}, "Anna")
    at = app(token=tokens["owner"], page="step5")
    links = by_what(at)
    assert set(links) == {"agreement.md", "agreement.html", "agreement.docx", "agreement.pdf", "tasks.csv"}
    assert links["agreement.md"].href.startswith("/ps/file?") and links["agreement.md"].query["l"] == "da"
    assert links["agreement.md"].name == "samarbejdsaftale-lektiecafé.md"
    assert "Word (.docx)" in texts(at) and "PDF (.pdf)" in texts(at)

    # what the route serves for those links (partnership/web/files.py builds the same)
    snap = store.snapshot(owner)
    text = agreement.render_markdown(snap, "da")
    md = files.agreement_file(snap, "md", "da")
    assert md.name == links["agreement.md"].name and md.mime.startswith("text/markdown")
    document = md.data.decode()
    assert document.startswith(text.rstrip("\n")) and "## Underskrifter" in document
    assert f"Aftalens fingeraftryk (SHA-256): {agreement.content_hash(text)}." in document
    page = files.agreement_file(snap, "html", "da").data.decode()
    assert page.startswith("<!DOCTYPE html>") and "Alle børn har et sted at lave lektier." in page
    assert agreement.content_hash(text) in page
    docx = files.agreement_file(snap, "docx", "da").data
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert "Alle børn har et sted at lave lektier." in archive.read("word/document.xml").decode()
    assert files.agreement_file(snap, "pdf", "da").data.startswith(b"%PDF-")
    raw = files.tasks_file(snap, "da").data
    assert raw.startswith(b"\xef\xbb\xbf")  # so spreadsheets read it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Titel", "Type", "Ansvarlig"]
    titles = [r[0] for r in rows[1:]]
    assert "Lektiecafé hver tirsdag" in titles and "'=HYPERLINK(\"x\")" in titles


def test_small_helpers() -> None:
    assert slug("Lektiecafé på Nørrebro!") == "lektiecafé-på-nørrebro"
    shown = step5.for_page("# Samarbejdsaftale\n\n## Parterne\n\n\\# not a heading\n")
    assert shown.startswith("### Samarbejdsaftale") and "#### Parterne" in shown and "\\# not" in shown
    assert Role.VIEWER.side is None


def test_the_partner_reads_organisation_names_not_the_owners_point_of_view(app: MakeApp, store: PostgresStore) -> None:
    tokens = fresh(store)
    at = app(token=tokens["partner"], name="Ole", page="overview")
    no_errors(at)
    shown = texts(at)
    assert "De fælles trin" in shown and "De fem trin" not in shown
    assert "vores forening" not in shown.casefold()
    snap = store.snapshot(store.open(tokens["partner"]))
    assert f"En ansvarlig fra {snap.project.our_org}" in shown


def test_step5_and_the_dashboard_give_the_same_balance_verdict(app: MakeApp, store: PostgresStore) -> None:
    _, tokens = create_demo(store)
    partner = store.open(tokens["partner"])

    def pages() -> tuple[str, str]:
        return (texts(app(token=tokens["partner"], name="Ole", page="step5")),
                texts(app(token=tokens["partner"], name="Ole", page="overview")))

    step, board = pages()  # the example: four open tasks on each side
    assert "De åbne opgaver er nogenlunde ligeligt fordelt." in step
    assert "De fleste åbne opgaver" not in step and "De fleste åbne opgaver" not in board
    for n in range(4):
        store.add_task(partner, {"title": f"Ekstra {n}", "kind": "task", "side": "partner"}, "Ole")
    step, board = pages()  # now eight against four
    for shown in (step, board):
        assert "De fleste åbne opgaver ligger hos Nørrebro Bibliotek" in shown


def test_the_signed_agreement_names_who_signed_for_each_side_and_when(app: MakeApp, store: PostgresStore) -> None:
    _, tokens = create_demo(store)
    at = app(token=tokens["partner"], name="Ole", page="step5")
    no_errors(at)
    shown = texts(at)
    assert "Godkendt af Anna Holm, Boldklubben Nørrebro, " in shown
    assert "Godkendt af Ole Berg, Nørrebro Bibliotek, " in shown
    assert "Underskrevet af begge parter den " in shown and " kl. " in shown
    assert "Fingeraftrykket er regnet ud fra teksten ovenfor" in shown
    assert "Rekruttér 4 nye frivillige" in shown  # a plain task is an agreed commitment too
