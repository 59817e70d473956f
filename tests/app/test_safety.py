"""AppTest: faults keep the draft and explain themselves; hostile text stays text."""

from __future__ import annotations

import pytest

from partnership import process
from partnership.i18n import t
from partnership.store.postgres import PostgresStore
from tests.app.conftest import SQL, MakeApp, field_views, no_errors, texts

HOSTILE_NAME = "Vera ![i](http://host/x.png) [Log ind igen](http://host/phish) $x^2$ :red[rød] \u202eevil"


def _project(store: PostgresStore) -> dict[str, str]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    return tokens


def test_a_typed_draft_survives_a_failed_read_and_comes_back(app: MakeApp, store: PostgresStore,
                                                              sql: SQL) -> None:
    tokens = _project(store)
    at = app(token=tokens["owner"], page="step4")
    at.button(key="fe_s4_vision_edit").click().run()
    at.text_area(key="fe_s4_vision_text").input("Mit udkast, ikke gemt endnu").run()
    sql("alter table partnership_private.fields rename to fields_away")  # the database loses a table: every read fails
    at.run()
    assert t("err.storage", "da") in [e.value for e in at.error]
    assert not at.text_area  # the page stopped before the editor
    sql("alter table partnership_private.fields_away rename to fields")
    at.run()
    no_errors(at)
    assert at.text_area(key="fe_s4_vision_text").value == "Mit udkast, ikke gemt endnu"


def test_a_hostile_name_is_shown_as_text_in_the_sidebar_and_the_parties(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = store.create_project(HOSTILE_NAME, "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": HOSTILE_NAME}, 1, "Anna")
    store.set_field(owner, "s4_vision", "[Log ind igen](http://host/phish)\n![i](http://host/x.png)", 0, "Anna")
    at = app(token=tokens["partner"], name="Ole", page="step4")
    no_errors(at)
    shown = texts(at, views=False) + "\n".join(str(e.value) for e in at.sidebar.caption)
    assert "](http" not in shown.replace("\\](http", "")  # every bracket escaped: no link, no image
    assert "\u202e" not in shown
    # The field views are set as text in the browser (textContent; the field's HTML is
    # sanitised on the server): the name reads as typed, without the override.
    views = "\n".join(field_views(at))
    assert "Log ind igen (http://host/phish)" in views  # a long field shows where a link goes
    assert f"En ansvarlig fra {HOSTILE_NAME.replace(chr(0x202e), '')}" in views
    assert "\u202e" not in views


def test_a_database_that_cannot_be_reached_is_said_in_danish_with_the_supabase_settings(
        app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERSHIP_DATABASE_URL",
                       "postgresql://postgres@/nowhere?host=/nonexistent-socket-dir&connect_timeout=1")
    process.reset()
    at = app()
    assert not at.exception
    [shown] = [e.value for e in at.error]
    assert shown == t("err.engine_down", "da") and "[supabase] url" in shown
    process.reset()


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_privacy_page_says_what_is_kept_who_sees_it_and_for_how_long(app: MakeApp, store: PostgresStore,
                                                                         lang: str) -> None:
    _, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    for token in (None, tokens["partner"]):
        at = app(token=token, lang=lang, page="privacy")
        no_errors(at)
        shown = texts(at)
        assert t("privacy.title", lang) == at.title[0].value
        for part in ("what", "where", "who", "how_long", "rights"):
            assert t(f"privacy.h.{part}", lang) in shown
        assert "5.000" in shown or "5,000" in shown  # the history kept: the limit the database enforces
