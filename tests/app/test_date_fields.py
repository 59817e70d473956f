"""Date fields typed the Danish way, and follow-ups that need a responsible person, in the
real pages (ui/datefield.py, ui/task_add.py, the task editor, steps 3 to 5).

A date field is a text input under the field's key; what is typed is saved as that date,
or the form refuses with a message and keeps the text. Nothing is saved without a word.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from streamlit.testing.v1 import AppTest

from partnership.model import TaskKind
from partnership.store.base import Store
from tests.app.conftest import SQL, MakeApp, no_errors, opened, texts

CHRISTMAS_EVE = date(2026, 12, 24)


def project(store: Store) -> tuple[dict[str, str], str]:
    """A project whose partner said yes, with Anna from the association; (links, Anna's id)."""
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    anna = store.add_person(owner, {"name": "Anna Holm", "side": "association", "working_group": True}, "Anna")
    return tokens, anna.id


def errors(at: AppTest) -> str:
    """The error boxes as read on the page (the Markdown escapes of typed text drawn away)."""
    return " ".join(e.value.replace("\\", "") for e in at.error)


def calendars(at: AppTest) -> dict[str, dict[str, Any]]:
    """The calendars on the page (``ps_date_calendar``): their target field -> their data."""
    found = {}
    for element in at.get("bidi_component"):
        proto = getattr(element, "proto", None)
        if proto is not None and proto.component_name == "ps_date_calendar":
            data = json.loads(proto.json)
            found[data["target"]] = data
    return found


# -- the add form ------------------------------------------------------------------------------


def test_a_date_typed_as_eight_digits_is_saved_as_that_date(app: MakeApp, store: Store) -> None:
    tokens, anna = project(store)
    at = app(token=tokens["owner"], page="step4")
    at.text_input(key="s4_new_title").input("Julefrokost for frivillige")
    at.selectbox(key="s4_new_responsible").set_value(anna)
    at.text_input(key="s4_new_start").input("20122026")
    at.text_input(key="s4_new_due").input("24/12-2026")
    at.button(key="s4_new_submit").click().run()
    no_errors(at)
    [task] = store.snapshot(store.open(tokens["owner"])).tasks
    assert (task.title, task.start, task.due) == ("Julefrokost for frivillige", date(2026, 12, 20), CHRISTMAS_EVE)
    assert "20. dec. 2026–24. dec. 2026" in texts(at)
    assert at.text_input(key="s4_new_start").value == ""  # clean for the next one


def test_a_day_that_does_not_exist_is_refused_with_a_message_and_the_text_is_kept(app: MakeApp,
                                                                                   store: Store) -> None:
    tokens, _ = project(store)
    at = app(token=tokens["owner"], page="step4")
    at.text_input(key="s4_new_title").input("Ansøgning")
    at.text_input(key="s4_new_due").input("31.02.2027")
    at.button(key="s4_new_submit").click().run()
    assert not at.exception
    assert "Frist: »31.02.2027« findes ikke i kalenderen" in errors(at)
    assert store.snapshot(store.open(tokens["owner"])).tasks == []
    assert at.text_input(key="s4_new_due").value == "31.02.2027"  # kept as typed, to be corrected
    assert at.text_input(key="s4_new_title").value == "Ansøgning"

    at.text_input(key="s4_new_due").input("28.02.2027")
    at.button(key="s4_new_submit").click().run()
    no_errors(at)
    [task] = store.snapshot(store.open(tokens["owner"])).tasks
    assert task.due == date(2027, 2, 28)


def test_text_that_is_no_date_is_refused_in_the_readers_language(app: MakeApp, store: Store) -> None:
    tokens, _ = project(store)
    at = app(token=tokens["owner"], page="timeline", lang="en")
    opened(at, "tl_new_open")
    at.text_input(key="tl_new_title").input("Parents' evening")
    at.text_input(key="tl_new_start").input("2012202")  # a digit short: never guessed
    at.button(key="tl_new_submit").click().run()
    assert "Start: “2012202” cannot be read as a date" in errors(at)
    assert store.snapshot(store.open(tokens["owner"])).tasks == []
    assert at.text_input(key="tl_new_start").value == "2012202"


def test_the_calendar_beside_each_field_is_danish_and_starts_on_monday(app: MakeApp, store: Store) -> None:
    tokens, _ = project(store)
    at = app(token=tokens["owner"], page="step4")
    found = calendars(at)
    assert {"s4_new_start", "s4_new_due"} <= found.keys()
    due = found["s4_new_due"]
    assert due["days"][0] == "mandag" and due["days"][6] == "søndag"
    assert due["months"][11] == "december" and due["short"][0] == "ma."
    assert due["words"]["open"] == "Kalender – vælg dato for Frist"
    assert due["lang"] == "da"
    assert at.text_input(key="s4_new_due").placeholder == "dd.mm.åååå"
    english = calendars(app(token=tokens["owner"], page="step4", lang="en"))["s4_new_due"]
    assert english["days"][0] == "Monday" and english["words"]["prev"] == "Previous month"


# -- the responsible person --------------------------------------------------------------------


def test_a_follow_up_without_a_responsible_person_is_refused_and_the_form_kept(app: MakeApp, store: Store) -> None:
    tokens, anna = project(store)
    at = app(token=tokens["owner"], page="step5")
    at.text_input(key="s5_new_title").input("Første opfølgningsmøde")
    at.text_input(key="s5_new_due").input("15.03.2027")
    at.button(key="s5_new_submit").click().run()
    assert "Vælg hvem der er ansvarlig for opfølgningen" in errors(at)
    assert store.snapshot(store.open(tokens["owner"])).tasks == []
    assert at.text_input(key="s5_new_title").value == "Første opfølgningsmøde"
    assert at.text_input(key="s5_new_due").value == "15.03.2027"

    at.selectbox(key="s5_new_responsible").set_value(anna)
    at.button(key="s5_new_submit").click().run()
    no_errors(at)
    [task] = store.snapshot(store.open(tokens["owner"])).tasks
    assert (task.kind, task.responsible, task.due) == (TaskKind.FOLLOW_UP, anna, date(2027, 3, 15))


def test_step3_refuses_a_follow_up_with_nobody_chosen(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.add_candidate(owner, "Biblioteket", "Anna")
    store.add_person(owner, {"name": "Anna Holm", "side": "association"}, "Anna")
    at = app(token=tokens["owner"], page="step3")
    assert at.selectbox(key="s3_fu_who").value == ""
    at.text_input(key="s3_fu_date").input("24.12.26")
    at.button[[b.label for b in at.button].index("Gem opfølgning")].click().run()
    assert "Vælg hvem der er ansvarlig" in errors(at)
    assert store.snapshot(owner).tasks == []
    assert at.text_input(key="s3_fu_date").value == "24.12.26"
    assert "Ingen valgt" not in texts(at)


def test_an_older_follow_up_without_anyone_is_not_read_as_a_name(app: MakeApp, store: Store, sql: SQL) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.add_candidate(owner, "Biblioteket", "Anna")
    task = store.add_task(owner, {"title": "Ring til Biblioteket", "kind": "task", "internal": True,
                                  "due": date(2027, 1, 15)}, "Anna")
    sql("update partnership_private.tasks set kind = 'follow_up' where id = %s", (task.id,))  # as saved before the rule
    shown = texts(app(token=tokens["owner"], page="step3"))
    assert "Opfølgning senest 15. jan. 2027 – ingen ansvarlig valgt" in shown


# -- the task editor ---------------------------------------------------------------------------


def test_the_editor_shows_the_date_danish_refuses_a_bad_one_and_saves_a_typed_one(app: MakeApp,
                                                                                   store: Store) -> None:
    tokens, anna = project(store)
    owner = store.open(tokens["owner"])
    task = store.add_task(owner, {"title": "Plakater", "kind": "task", "responsible": anna,
                                  "start": date(2027, 1, 4), "due": date(2027, 1, 29)}, "Anna")
    k = f"re_s4task_{task.id}"
    at = app(token=tokens["owner"], page="step4")
    at.button(key=f"{k}_edit").click().run()
    assert at.text_input(key=f"{k}_due").value == "29.01.2027"
    at.text_input(key=f"{k}_due").input("30.02.2027").run()
    at.button(key=f"{k}_save").click().run()
    assert "Frist: »30.02.2027« findes ikke" in errors(at)
    assert at.text_input(key=f"{k}_due").value == "30.02.2027"  # the editor stays open with the text
    assert store.snapshot(owner).tasks[0].due == date(2027, 1, 29)

    at.text_input(key=f"{k}_due").input("26022027").run()
    assert at.text_input(key=f"{k}_due").value == "26.02.2027"  # read back the one way at once
    at.button(key=f"{k}_save").click().run()
    no_errors(at)
    assert store.snapshot(owner).tasks[0].due == date(2027, 2, 26)


def test_the_editor_refuses_a_follow_up_that_loses_its_responsible_person(app: MakeApp, store: Store) -> None:
    tokens, anna = project(store)
    owner = store.open(tokens["owner"])
    task = store.add_task(owner, {"title": "Opfølgningsmøde", "kind": "follow_up", "responsible": anna,
                                  "due": date(2027, 3, 1)}, "Anna")
    k = f"re_s5task_{task.id}"
    at = app(token=tokens["owner"], page="step5")
    at.button(key=f"{k}_edit").click().run()
    at.selectbox(key=f"{k}_responsible").set_value("")
    at.button(key=f"{k}_save").click().run()
    assert "Vælg hvem der er ansvarlig" in errors(at)
    assert store.snapshot(owner).tasks[0].responsible == anna
