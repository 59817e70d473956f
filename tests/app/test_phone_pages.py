"""What the phone work changed on the pages, run as AppTest sessions: the menu, the
timeline's window, history's words for an import, one message per action."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from partnership.demo import create_demo
from partnership.store import Store
from partnership.timeline_window import first_of_month, moved, window
from partnership.ui import charts
from partnership.ui.time_window import label
from tests.app.conftest import MakeApp, no_errors, texts

PATHS = {"owner": ["overview", "step1", "step2", "step3", "step4", "step5", "timeline", "history", "settings"],
         "partner": ["overview", "step4", "step5", "timeline", "history"]}
PATHS["viewer"] = PATHS["partner"]


def menu_links(at: AppTest, role: str) -> dict[str, str]:
    """The menu's page links (label -> URL path): the first links on the page, one per
    page the role may open."""
    links = at.get("page_link")[: len(PATHS[role])]
    return {e.value: e.proto.page for e in links}


@pytest.fixture
def demo(store: Store) -> dict[str, str]:
    return create_demo(store)[1]


# -- the menu ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "partner", "viewer"])
def test_every_page_has_the_menu_with_the_pages_the_role_may_open(app: MakeApp, demo: dict[str, str],
                                                                  role: str) -> None:
    at = app(token=demo[role], page="step4")
    no_errors(at)
    links = menu_links(at, role)
    assert list(links.values()) == PATHS[role]
    assert ("Trin 1 · Idé" in links) is (role == "owner")
    assert "Trin 4 · Fælles idé" in links and "Tidslinje" in links
    assert at.segmented_control(key="ps_menu_lang").value == "da"


def test_the_menu_switches_to_english_and_back(app: MakeApp, demo: dict[str, str]) -> None:
    at = app(token=demo["partner"], page="step5")
    at.segmented_control(key="ps_menu_lang").set_value("en").run()
    no_errors(at)
    assert at.title[0].value.startswith("Step 5") and at.query_params.get("lang") == "en"
    assert "Step 5 · Agreement" in menu_links(at, "partner")
    at.run()  # the sidebar's own switch, set along, does not switch back
    assert at.title[0].value.startswith("Step 5")
    at.segmented_control(key="ps_menu_lang").set_value("da").run()
    assert at.title[0].value.startswith("Trin 5") and "lang" not in at.query_params


# -- the timeline's window ----------------------------------------------------------------------


def x_range(at: AppTest) -> list[str]:
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"].get("yaxis", {}).get("type") == "category":
            return [x[:10] for x in spec["layout"]["xaxis"]["range"]]
    raise AssertionError("no timeline chart")


def test_the_timeline_shows_everything_until_a_window_is_chosen_then_moves_it(app: MakeApp,
                                                                             demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline")
    no_errors(at)
    assert at.segmented_control(key="tl_window").value == "all"  # no phone behind AppTest
    assert "tl_prev" not in [b.key for b in at.button]
    everything = x_range(at)
    at.segmented_control(key="tl_window").set_value("quarter").run()
    no_errors(at)
    start = first_of_month(date.today())
    shown = window("quarter", start)
    assert shown is not None
    assert x_range(at) == [shown[0].isoformat(), (shown[1] + timedelta(days=1)).isoformat()] != everything
    assert label(shown, "da") in texts(at)
    at.button(key="tl_next").click().run()
    later = window("quarter", moved("quarter", start, 1))
    assert later is not None and x_range(at)[0] == later[0].isoformat()
    at.button(key="tl_prev").click().run()
    at.button(key="tl_prev").click().run()
    earlier = window("quarter", moved("quarter", start, -1))
    assert earlier is not None and x_range(at)[0] == earlier[0].isoformat()
    at.segmented_control(key="tl_window").set_value("month").run()  # from the same month on
    for _ in range(3):  # to this month, which has tasks
        at.button(key="tl_next").click().run()
    month = window("month", start)
    assert month is not None and x_range(at) == [month[0].isoformat(), (month[1] + timedelta(days=1)).isoformat()]


def test_the_picture_holds_a_wide_and_a_narrow_drawing(app: MakeApp, demo: dict[str, str]) -> None:
    at = app(token=demo["owner"], page="timeline", plotly=False)
    at.segmented_control(key="tl_window").set_value("quarter").run()
    no_errors(at)
    [picture] = [json.loads(e.proto.json)["svg"] for e in at.get("bidi_component")
                 if e.proto.component_name == "ps_chart_picture"]
    assert picture.count('<div class="tl-wide"><svg') == 1 and picture.count('<div class="tl-narrow"><svg') == 1
    assert 'class="tl-svg tl-svg-narrow"' in picture
    assert not at.session_state[charts.READY]


# -- words ---------------------------------------------------------------------------------------


def test_an_imported_projects_first_entry_says_in_words_what_the_file_held(app: MakeApp, store: Store,
                                                                           demo: dict[str, str]) -> None:
    data: dict[str, Any] = store.export_project(store.open(demo["owner"]))
    # the file's history, and its signed version kept as a history entry to read
    counts = (len(data.get("history", [])) + len(data["signed_versions"]), len(data["fields"]), len(data["tasks"]))
    _, tokens = store.import_project(data, "Anna")
    at = app(token=tokens["owner"], page="history")
    no_errors(at)
    words = texts(at)
    assert f"Med fra filen: {counts[1]} tekstfelter, {counts[2]} opgaver og {counts[0]} ændringer i historikken." \
        in words
    assert "entries:" not in words and "fields:" not in words
    at = app(token=tokens["owner"], page="history", lang="en")
    assert f"From the file: {counts[1]} text fields, {counts[2]} tasks and {counts[0]} history entries." in texts(at)


def test_a_yes_in_step3_says_so_once(app: MakeApp, store: Store) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "En lektiecafé", 0, "Anna")
    cand = store.add_candidate(owner, "Biblioteket", "Anna")
    store.update_candidate(owner, cand.id, {"priority": 1}, 1, "Anna")
    at = app(token=tokens["owner"], page="step3")
    at.button(key="s3_yes").click().run()
    no_errors(at)
    said = [e.value for e in at.success if "Biblioteket" in e.value]
    assert len(said) == 1 and said[0].startswith("Flot!")
    at.run()  # on the next visit the page says who the partner is
    said = [e.value for e in at.success if "Biblioteket" in e.value]
    assert len(said) == 1 and "har sagt ja og er jeres partner" in said[0]
