"""AppTest: big projects stay usable (task lists a page at a time, a summarised
timeline), and the limits answer in the reader's language without losing what was typed
(a busy store, too many new projects)."""

from __future__ import annotations

from datetime import date, timedelta

import psycopg
from streamlit.testing.v1 import AppTest

from partnership import limits, timeline_reduce
from partnership.i18n import t
from partnership.store.postgres import PostgresStore
from partnership.ui import paging, throttle
from tests.app.conftest import SQL, MakeApp, cards_block, no_errors, texts

TODAY = date.today()


def project_with_tasks(store: PostgresStore, n: int, kind: str = "activity") -> dict[str, str]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    for i in range(n):
        store.add_task(owner, {"title": f"Opgave {i:04d}", "kind": kind, "start": TODAY + timedelta(days=i % 200),
                               "due": TODAY + timedelta(days=i % 200 + 5)}, "Anna")
    return tokens


def task_rows(at: AppTest, prefix: str) -> int:
    """How many task rows are drawn (each card has its quick status select)."""
    return sum(1 for box in at.selectbox if (box.key or "").startswith(f"{prefix}_qs_"))


def timeline_cards(at: AppTest) -> int:
    """How many task cards the timeline draws (ui/task_block.py: one Markdown list of
    them all; its one control offers the same tasks)."""
    cards = sum(1 for line in cards_block(at).splitlines() if line.startswith("- "))
    assert len(at.selectbox(key="tl_pick").options) == cards
    return cards


def test_the_timeline_lists_the_first_page_of_tasks_and_shows_more_on_request(app: MakeApp,
                                                                              store: PostgresStore) -> None:
    tokens = project_with_tasks(store, paging.PAGE * 2 + 3)
    at = app(token=tokens["owner"], page="timeline")
    no_errors(at)
    assert timeline_cards(at) == paging.PAGE
    more = at.button(key="tl_more")
    assert more.label == f"Vis flere ({paging.PAGE} af {paging.PAGE * 2 + 3} vist)"
    more.click().run()
    assert timeline_cards(at) == paging.PAGE * 2
    at.button(key="tl_more").click().run()
    assert timeline_cards(at) == paging.PAGE * 2 + 3
    assert "tl_more" not in [b.key for b in at.button]


def test_a_long_task_list_can_be_searched(app: MakeApp, store: PostgresStore) -> None:
    tokens = project_with_tasks(store, paging.SEARCH_FROM + 5)
    at = app(token=tokens["owner"], page="step4")
    at.text_input(key="s4_search").input("opgave 0007").run()
    no_errors(at)
    assert task_rows(at, "s4") == 1
    assert "Opgave 0007" in texts(at)
    at.text_input(key="s4_search").input("findes ikke").run()
    assert task_rows(at, "s4") == 0
    assert "Ingen opgaver matcher søgningen." in texts(at)


def test_step4_lists_a_page_of_activities(app: MakeApp, store: PostgresStore) -> None:
    tokens = project_with_tasks(store, paging.PAGE + 1)
    at = app(token=tokens["partner"], page="step4", lang="en")
    no_errors(at)
    assert task_rows(at, "s4") == paging.PAGE
    assert at.button(key="s4_more").label == f"Show more ({paging.PAGE} of {paging.PAGE + 1} shown)"


def test_many_tasks_are_summarised_in_the_timeline_chart(app: MakeApp, store: PostgresStore) -> None:
    n = timeline_reduce.AGGREGATE_ABOVE + 20
    tokens = project_with_tasks(store, n)
    at = app(token=tokens["owner"], page="timeline")
    no_errors(at)
    assert f"Der er {n} opgaver" in texts(at)
    spec = at.get("plotly_chart")[0].proto.spec
    assert "opgaver" in spec and "Opgave 0001" not in spec  # summaries, not single tasks


def test_a_save_when_the_store_is_busy_says_so_and_keeps_the_text(app: MakeApp, store: PostgresStore,
                                                                  database: str) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    at = app(token=tokens["owner"], page="step4")
    at.button(key="fe_s4_vision_edit").click().run()
    at.text_area(key="fe_s4_vision_text").input("Alle børn har et sted at lave lektier.")
    blocker = psycopg.connect(database)  # another writer holds the lock past the store's lock timeout
    blocker.execute("lock table partnership_private.projects in exclusive mode")
    try:
        at.button(key="fe_s4_vision_save").click().run()
    finally:
        blocker.rollback()
        blocker.close()
    assert "Databasen er optaget lige nu" in texts(at)
    assert at.text_area(key="fe_s4_vision_text").value == "Alle børn har et sted at lave lektier."
    assert store.snapshot(owner).field("s4_vision").value == ""
    at.button(key="fe_s4_vision_save").click().run()  # free again: the same text is saved
    no_errors(at)
    assert store.snapshot(owner).field("s4_vision").value == "Alle børn har et sted at lave lektier."


def test_one_browser_creating_too_many_projects_is_told_to_wait_and_keeps_its_input(
        app: MakeApp, store: PostgresStore, sql: SQL) -> None:
    at = app()
    for i in range(limits.CLIENT_CREATE_LIMIT + 1):
        at.text_input(key="start_org").input("Boldklubben Øst")
        at.text_input(key="start_name").input("Anna")
        at.text_input(key="start_title").input(f"Projekt {i}")
        create = [b.label for b in at.button].index(t("start.create_button", "da"))  # the opened list comes first
        at.button[create].click().run()
        if i < limits.CLIENT_CREATE_LIMIT:
            assert not at.error and f"Projekt {i}" == at.title[0].value  # created: inside, on the overview
            # The same browser leaves the project for the start page to create another.
            at.session_state["token"] = ""
            at.query_params.pop("k", None)
            at.switch_page("app_pages/start.py").run()
    assert "mange projekter på kort tid" in at.error[0].value
    assert at.text_input(key="start_title").value == f"Projekt {limits.CLIENT_CREATE_LIMIT}"
    assert sql("select count(*) from partnership_private.projects") == [(limits.CLIENT_CREATE_LIMIT,)]


def test_the_rate_limiter_forgets_events_after_its_window() -> None:
    now = [0.0]
    limiter = limits.RateLimiter(2, 10.0, clock=lambda: now[0])
    assert limiter.allow("a") and limiter.allow("a") and not limiter.allow("a")
    assert limiter.allow("b")
    now[0] = 10.5
    assert limiter.allow("a")


def test_an_upload_over_the_import_limit_is_refused_before_parsing(app: MakeApp) -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "from partnership.ui import throttle\n"
        "class C:\n"
        "    lang = 'da'\n"
        "    def t(self, key, **kw):\n"
        "        from partnership.i18n import t\n"
        "        return t(key, 'da', **kw)\n"
        f"st.text(throttle.import_too_large(C(), {limits.MAX_IMPORT_BYTES + 1}))\n"
        f"st.text(throttle.import_too_large(C(), {limits.MAX_IMPORT_BYTES}))\n"
    ).run()
    assert at.error[0].value.startswith("Filen er for stor (5,0 MB)")
    assert [m.value for m in at.text] == ["True", "False"]
    assert throttle.CREATIONS.limit == limits.CLIENT_CREATE_LIMIT


def test_the_timeline_figure_is_reused_when_only_a_field_changed(store: PostgresStore) -> None:
    from partnership.ui import timeline_page

    tokens = project_with_tasks(store, 3)
    owner = store.open(tokens["owner"])
    state: dict[str, object] = {}
    view = timeline_page.View()
    first = timeline_page.cached_figure(store.snapshot(owner), view, TODAY, "da", state)
    store.set_field(owner, "s4_vision", "Ny vision", 0, "Anna")
    assert timeline_page.cached_figure(store.snapshot(owner), view, TODAY, "da", state) is first
    task = store.snapshot(owner).tasks[0]
    store.update_task(owner, task.id, {"status": "done"}, task.version, "Anna")
    assert timeline_page.cached_figure(store.snapshot(owner), view, TODAY, "da", state) is not first


def test_a_candidate_over_the_cap_is_refused_and_the_typed_name_stays(app: MakeApp, store: PostgresStore,
                                                                      sql: SQL) -> None:
    sql("update partnership_private.limit_settings set value = 1 where name = 'candidates'")
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.add_candidate(owner, "Biblioteket", "Anna")
    at = app(token=tokens["owner"], page="step2")
    at.text_input(key="s2_new").input("Skolen")
    at.button(key="FormSubmitter:s2_add-Tilføj").click().run()
    assert "grænsen på 1 kandidater" in texts(at)
    assert at.text_input(key="s2_new").value == "Skolen"
    assert [x.name for x in store.snapshot(owner).candidates] == ["Biblioteket"]
    sql("update partnership_private.limit_settings set value = 2 where name = 'candidates'")
    at.button(key="FormSubmitter:s2_add-Tilføj").click().run()
    no_errors(at)
    assert [x.name for x in store.snapshot(owner).candidates] == ["Biblioteket", "Skolen"]
    assert at.text_input(key="s2_new").value == ""


def test_big_counts_are_written_the_readers_way() -> None:
    assert paging.number(5000, "da") == "5.000"
    assert paging.number(5000, "en") == "5,000"
