"""What a first load draws, in Chromium: the timeline's SVG picture, and the Plotly chart
that takes its place once asked for (partnership/ui/charts.py), and add forms
that are drawn once opened and keep typed text when closed (partnership/ui/lazy.py)."""

from __future__ import annotations

from typing import Any

import pytest

from partnership import funding
from partnership.demo import create_demo
from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

@pytest.fixture(scope="module")
def tokens(server: StreamlitServer) -> dict[str, str]:
    return create_demo(server.store, "Anna Holm")[1]


def boxes(page: Any) -> dict[str, Any]:
    """The picture's and the Plotly chart's display and height, and the chart box's height."""
    found: dict[str, Any] = page.evaluate("""() => {
        const one = (sel) => { const e = document.querySelector(sel);
            return e ? [getComputedStyle(e).display, Math.round(e.getBoundingClientRect().height)] : null; };
        return {picture: one('.st-key-tl_picture'), chart: one('.st-key-tl_chart'),
                plotly: !!document.querySelector('.st-key-tl_chart .main-svg'),
                box: Math.round(document.querySelector('.st-key-tl_chart_box').getBoundingClientRect().height),
                ids: [...document.querySelectorAll('.st-key-tl_picture svg [data-id]')].map(g => g.dataset.id)};
    }""")
    return found


def plotly_fetched(page: Any) -> bool:
    """Whether the page has fetched Plotly's frontend module."""
    return bool(page.evaluate(
        "() => performance.getEntriesByType('resource').some(e => e.name.includes('/PlotlyChart.'))"))


def test_the_timeline_is_a_picture_and_plotly_takes_its_place_when_asked_for(
        chromium: Any, server: StreamlitServer, tokens: dict[str, str]) -> None:
    url = f"{server.url}/timeline?k={tokens['owner']}&n=Anna"
    context = chromium.new_context(viewport={"width": 1300, "height": 900})
    try:
        page = context.new_page()
        browser.open_page(page, url, ready=".st-key-tl_picture svg.tl-svg")
        page.wait_for_timeout(2500)  # idle for a while: nothing starts Plotly by itself
        browser.wait_idle(page)
        before = boxes(page)
        assert before["picture"][0] == "block" and before["chart"] is None and not before["plotly"]
        assert not plotly_fetched(page)
        snap = server.store.snapshot(server.store.open(tokens["owner"]))
        drawn = [*snap.tasks, *funding.timeline_tasks(snap, "da")]  # the funding deadlines are milestones too
        assert set(before["ids"]) == {x.id for x in drawn if x.start or x.due}
        page.get_by_role("button", name="Interaktiv tidslinje").click()
        page.wait_for_selector(".st-key-tl_chart .main-svg")
        browser.wait_idle(page)
        after = boxes(page)
        assert plotly_fetched(page)
        assert after["picture"] is None or after["picture"][0] == "none"  # gone, or hidden until the next run
        # The chart took the picture's place: the box holds the chart alone. The picture is
        # drawn with its proportions (no empty band under it on a page under 1,000 px), the
        # chart at the figure's height, so what is below may move once, after this click.
        assert after["box"] == after["chart"][1] and after["box"] >= before["box"]
        assert before["box"] == before["picture"][1] < 560  # 840 px wide: scaled, no band
        assert page.locator(".st-key-tl_interactive").count() == 0
    finally:
        context.close()


def test_an_add_form_is_drawn_once_opened_and_keeps_typed_text_when_closed(open_as: OpenAs,
                                                                            tokens: dict[str, str]) -> None:
    page = open_as(tokens["owner"], "timeline", name="Anna Holm")
    assert page.locator(".st-key-tl_new_title input").count() == 0
    summary = page.locator(".st-key-tl_new_open summary")
    summary.click()
    page.locator(".st-key-tl_new_title input").fill("Halvfærdig opgave")
    for _ in range(2):  # closed and opened again: the form stayed drawn, with what was typed
        summary.click()
        page.wait_for_timeout(300)
        browser.wait_idle(page)
    assert page.locator(".st-key-tl_new_title input").input_value() == "Halvfærdig opgave"


def test_the_filters_open_from_their_button_in_danish_and_say_how_many_are_in_use(
        open_as: OpenAs, server: StreamlitServer, tokens: dict[str, str]) -> None:
    page = open_as(tokens["owner"], "timeline", name="Anna Holm")
    assert page.locator('[data-testid="stMultiSelect"]').count() == 0  # drawn once the popover opens
    page.get_by_role("button", name="Filtrér").click()
    page.locator('[data-testid="stMultiSelect"]').nth(2).click()  # status
    options = page.get_by_role("listbox").inner_text()
    assert "Planlagt" in options and "Select all" not in options
    page.get_by_role("option", name="I gang").click()
    browser.wait_idle(page)
    page.keyboard.press("Escape")
    snap = server.store.snapshot(server.store.open(tokens["owner"]))
    drawn = [*snap.tasks, *funding.timeline_tasks(snap, "da")]  # the funding deadlines are milestones too
    going = sum(1 for x in drawn if x.status.value == "in_progress")
    browser.wait_text(page, f"{going} af {len(drawn)} opgaver vises.")
    assert page.get_by_role("button", name="Filtre: 1 i brug").count() == 1
