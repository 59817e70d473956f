"""AppTest: the settings page (links, names, delete) and the history page (entries,
filters, restore, what a partner and a viewer may see)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from partnership.demo import create_demo
from partnership.errors import InvalidLink
from partnership.model import Role
from partnership.store.postgres import PostgresStore
from partnership.ui import history
from tests.app.conftest import SQL, MakeApp, no_errors, opened, texts
from tests.support.file_links import by_what

SECRET = "Hemmelige Skole"



@pytest.fixture
def tokens(store: PostgresStore) -> dict[str, str]:
    """A project where both sides have written step 4's vision twice, and the association
    has an internal idea and a candidate the partner must never see."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    partner = store.open(tokens["partner"])
    v = store.set_field(owner, "s4_vision", "Første vision", 0, "Anna")
    store.set_field(partner, "s4_vision", "Ole skrev om visionen", v, "Ole")
    store.set_field(owner, "s1_idea", "Vores hemmelige idé", 0, "Anna")
    store.add_candidate(owner, SECRET, "Anna")
    return tokens


# -- settings ---------------------------------------------------------------------------


def shown(at: AppTest) -> list[str]:
    """The tokens of every link shown on the page, in order."""
    return [c.value.split("?k=")[1] for c in at.text if "?k=" in c.value]


def test_settings_shows_every_link_again_and_explains_the_roles(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    at = app(tokens["owner"], page="settings")
    no_errors(at)
    assert shown(at) == [tokens["owner"], tokens["member"], tokens["partner"], tokens["viewer"]]
    at.run()  # showing again revokes nothing
    assert shown(at) == [tokens["owner"], tokens["member"], tokens["partner"], tokens["viewer"]]
    assert store.open(tokens["partner"]).role is Role.PARTNER
    words = texts(at)
    assert "Partnerens link" in words and "Læse-link" in words and "invitationen" in words


def test_closing_the_partner_link_makes_a_new_one_and_the_old_one_stops_working(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    at = app(tokens["owner"], page="settings")
    assert at.button(key="settings_partner_rotate").label == "Luk linket og lav et nyt"
    at.button(key="settings_partner_rotate").click().run()
    assert "holder det op med at virke" in texts(at)  # the second click is asked for
    store.open(tokens["partner"])  # nothing happened yet
    at.button(key="settings_partner_rotate_yes").click().run()
    no_errors(at)
    with pytest.raises(InvalidLink):
        store.open(tokens["partner"])
    fresh = shown(at)[2]
    assert fresh != tokens["partner"] and store.open(fresh).role is Role.PARTNER
    assert "det gamle virker ikke længere" in texts(at)
    at.run()
    assert shown(at)[2] == fresh  # and it stays on show


def test_a_project_made_before_links_were_kept_says_the_partner_link_must_be_made_anew(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str], sql: SQL
) -> None:
    sql("update partnership_private.links set sealed = null")
    at = app(tokens["owner"], page="settings")
    no_errors(at)
    assert shown(at) == [tokens["owner"]]
    assert "før værktøjet kunne vise links igen" in texts(at)
    assert at.button(key="settings_partner_rotate").label == "Lav linket på ny"


def test_rotating_the_owners_own_link_keeps_this_session_in(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    at = app(tokens["owner"], page="settings")
    at.button(key="settings_owner_rotate").click().run()
    at.button(key="settings_owner_rotate_yes").click().run()
    no_errors(at)
    with pytest.raises(InvalidLink):
        store.open(tokens["owner"])
    new = at.query_params["k"]
    new = new[0] if isinstance(new, list) else new
    assert new != tokens["owner"] and store.open(new).role is Role.OWNER
    at.run()  # a later run still has access, with the new token
    no_errors(at)
    assert at.title[0].value == "Links og indstillinger"


def test_cancelling_a_rotation_changes_nothing(app: MakeApp, store: PostgresStore, tokens: dict[str, str]) -> None:
    at = app(tokens["owner"], page="settings")
    at.button(key="settings_viewer_rotate").click().run()
    at.button(key="settings_viewer_rotate_no").click().run()
    store.open(tokens["viewer"])
    assert at.button(key="settings_viewer_rotate")


def test_the_names_are_edited_with_compare_and_set(app: MakeApp, store: PostgresStore, tokens: dict[str, str]) -> None:
    at = app(tokens["owner"], page="settings")
    at.button(key="re_project_names_edit").click().run()
    at.text_input(key="re_project_names_partner_org").input("Biblioteket")
    # Meanwhile someone else renames the project.
    owner = store.open(tokens["owner"])
    store.update_project(owner, {"title": "Lektiecafé 2"}, store.snapshot(owner).project.version, "Mette")
    at.button(key="re_project_names_save").click().run()
    assert at.warning and "Biblioteket" in texts(at), "the conflict is shown with my version"
    at.button(key="re_project_names_keep").click().run()
    no_errors(at)
    project = store.snapshot(owner).project
    assert (project.title, project.partner_org) == ("Lektiecafé 2", "Biblioteket")


def test_delete_asks_twice_and_then_every_link_stops_working(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    at = app(tokens["owner"], page="settings")
    at.button(key="settings_delete_ask").click().run()
    assert "for altid" in texts(at)
    store.open(tokens["owner"])
    at.button(key="settings_delete_yes").click().run()
    assert not at.exception
    assert "er slettet" in texts(at)
    assert "k" not in at.query_params
    for token in tokens.values():
        with pytest.raises(InvalidLink):
            store.open(token)


def test_the_export_and_the_owners_link_file_are_links_any_replica_answers(
    app: MakeApp, tokens: dict[str, str]
) -> None:
    at = app(token=tokens["owner"], page="settings")
    no_errors(at)
    links = by_what(at)
    assert set(links) == {"export.json", "link.txt"}
    assert links["export.json"].name == "partnerskab-lektiecafé.json"
    assert links["link.txt"].name == "partnerskab-link.txt"
    assert all(x.href.startswith("/ps/file?") and x.query["k"] == tokens["owner"] for x in links.values())


def test_the_partner_cannot_open_settings(app: MakeApp, tokens: dict[str, str]) -> None:
    at = app(tokens["partner"], name="Ole", page="settings")
    assert "kan ikke åbnes med partnerens link" in texts(at)
    assert not [b for b in at.button if (b.key or "").startswith("settings_")]
    assert tokens["owner"] not in texts(at)


# -- history ----------------------------------------------------------------------------


def test_history_lists_every_change_newest_first(app: MakeApp, tokens: dict[str, str]) -> None:
    at = app(tokens["owner"], page="history")
    no_errors(at)
    words = texts(at)
    assert words.index(SECRET) < words.index("Ole skrev om visionen") < words.index("Første udgave: Første vision")
    assert "Ole (partneren)" in words and "Anna (foreningen)" in words


def test_a_long_text_shows_in_full_once_its_box_is_opened(app: MakeApp, store: PostgresStore,
                                                          tokens: dict[str, str]) -> None:
    owner = store.open(tokens["owner"])
    long = "Et langt afsnit om visionen. " * 40 + "SLUTNINGEN"
    store.set_field(owner, "s4_vision", long, store.snapshot(owner).field("s4_vision").version, "Anna")
    entry = next(e for e in store.history(owner) if e.target == "s4_vision" and e.new == long)
    at = app(tokens["owner"], page="history")
    no_errors(at)
    assert "Vis hele teksten" in [e.label for e in at.get("expander")]
    assert "SLUTNINGEN" not in texts(at)  # a preview only; the full text is drawn once asked for
    opened(at, f"hist_full_{entry.id}")
    assert long in [e.value for e in at.text] and "Ole skrev om visionen" in [e.value for e in at.text]


def test_an_earlier_value_is_restored_as_a_new_version(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    owner = store.open(tokens["owner"])
    first = next(e for e in store.history(owner) if e.target == "s4_vision" and e.version == 1)
    at = app(tokens["owner"], page="history")
    at.button(key=f"hist_restore_{first.id}").click().run()
    no_errors(at)
    now = store.snapshot(owner).field("s4_vision")
    assert (now.value, now.version, now.updated_by) == ("Første vision", 3, "Anna")
    assert "hentet tilbage" in texts(at)


def test_an_earlier_version_of_a_record_is_restored(app: MakeApp, store: PostgresStore, tokens: dict[str, str]) -> None:
    partner = store.open(tokens["partner"])
    task = store.add_task(partner, {"title": "Plakater", "kind": "task", "side": "partner"}, "Ole")
    store.update_task(partner, task.id, {"title": "Plakater og flyers", "status": "in_progress"}, 1, "Ole")
    created = next(e for e in store.history(partner) if e.target == task.id and e.version == 1)
    at = app(tokens["partner"], name="Ole", page="history")
    assert "Plakater og flyers" in texts(at) and "I gang" in texts(at)
    at.button(key=f"hist_restore_{created.id}").click().run()
    no_errors(at)
    now = next(t for t in store.snapshot(partner).tasks if t.id == task.id)
    assert (now.title, now.status.value, now.version) == ("Plakater", "planned", 3)


def test_a_stale_restore_shows_the_conflict_and_changes_nothing(
    app: MakeApp, store: PostgresStore, tokens: dict[str, str]
) -> None:
    owner = store.open(tokens["owner"])
    first = next(e for e in store.history(owner) if e.target == "s4_vision" and e.version == 1)
    at = app(tokens["owner"], page="history")
    store.set_field(store.open(tokens["partner"]), "s4_vision", "Ole igen", 2, "Ole")  # meanwhile
    at.button(key=f"hist_restore_{first.id}").click().run()
    assert "er ændret imens af Ole" in texts(at)
    assert store.snapshot(owner).field("s4_vision").value == "Ole igen"


def test_history_filters_by_field_person_and_side(app: MakeApp, tokens: dict[str, str]) -> None:
    at = app(tokens["owner"], page="history")
    at.selectbox(key="hist_who").select("Ole").run()
    words = texts(at)
    assert "Ole skrev om visionen" in words and SECRET not in words
    at.selectbox(key="hist_who").select("all").run()
    at.selectbox(key="hist_role").select("owner").run()
    assert "Ole (partneren)" not in texts(at) and "Anna (foreningen)" in texts(at)
    at.selectbox(key="hist_role").select("all").run()
    at.selectbox(key="hist_what").select("step:2").run()
    words = texts(at)
    assert SECRET in words and "visionen" not in words
    at.selectbox(key="hist_what").select("field:s4_vision").run()
    words = texts(at)
    assert "Første vision" in words and SECRET not in words


def test_the_partners_history_has_no_internal_entries(app: MakeApp, tokens: dict[str, str]) -> None:
    at = app(tokens["partner"], name="Ole", page="history")
    no_errors(at)
    words = texts(at)
    assert "Ole skrev om visionen" in words
    assert SECRET not in words and "hemmelige idé" not in words
    options = at.selectbox(key="hist_what").options
    assert not any("1" in o or "2" in o for o in options if o.startswith("Trin"))


def test_a_viewer_reads_the_history_without_restore_buttons(app: MakeApp, tokens: dict[str, str]) -> None:
    at = app(tokens["viewer"], name=None, page="history")
    no_errors(at)
    assert "Første vision" in texts(at) and SECRET not in texts(at)
    assert not [b for b in at.button if (b.key or "").startswith("hist_restore_")]


def test_a_long_history_shows_a_page_of_entries_and_more_on_request(app: MakeApp, store: PostgresStore,
                                                                    tokens: dict[str, str]) -> None:
    owner = store.open(tokens["owner"])
    for n in range(history.PAGE + 5):
        store.set_field(owner, "s4_vision", f"Vision nummer {n}", store.snapshot(owner).field("s4_vision").version,
                        "Anna")
    total = len(store.history(owner))
    at = app(tokens["owner"], page="history")
    no_errors(at)
    assert f"Viser {history.PAGE} af {total}" in texts(at)
    assert len([e for e in at.get("container") if (e.key or "").startswith("hist_entry_")]) == history.PAGE
    at.button(key="hist_more").click().run()
    assert f"Viser {min(total, 2 * history.PAGE)} af {total}" in texts(at)


def test_an_imported_signed_project_says_what_came_along_and_shows_its_signed_text_to_read(
    app: MakeApp, store: PostgresStore
) -> None:
    owner, _ = create_demo(store)
    signed = store.snapshot(owner).signed_versions[0]
    copy, copy_tokens = store.import_project(store.export_project(owner), "Bo")
    at = app(copy_tokens["owner"], page="history")
    no_errors(at)
    words = texts(at)
    assert "Godkendelser: 2 – de kom ikke med, så aftalen skal godkendes igen af begge parter" in words
    assert "Underskrevne udgaver af aftalen: 1" in words
    assert "Underskrevet aftale fra filen" in words and "ikke en underskrift i dette partnerskab" in words
    entry = next(e for e in store.history(copy, limit=10_000) if e.entity == "signed_version")
    opened(at, f"hist_full_{entry.id}")
    assert signed.markdown.strip() in [e.value.strip() for e in at.text]
    assert f"hist_restore_{entry.id}" not in [b.key for b in at.button], "read only"
