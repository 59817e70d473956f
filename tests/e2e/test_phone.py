"""The app on a 390 px phone, in a real Chromium: the page menu is a labelled Danish
button on the first screen; the timeline fits the screen (no sideways scrolling) with
its legend whole and a window that moves; Streamlit's own English (the uploader, the
dropdowns' "No results") is not shown; add forms stay open for the next item. And on a
wide screen: Streamlit's menu at the top, and the page drawn where it stays."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import quote

import pytest

from partnership.demo import create_demo
from partnership.timeline_window import add_months, first_of_month, window
from partnership.ui.time_window import label
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

PHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
         "Version/17.5 Mobile/15E148 Safari/604.1")
"""What a phone's browser says it is ("Mobi" in it)."""
WIDTH, HEIGHT = 390, 844
HOLD_BACK = "window.requestIdleCallback = () => 0;"
"""Keeps the tab from starting Plotly: the picture stays (partnership/ui/charts.py)."""
ENGLISH = re.compile(r"\b(?:Upload|per file|Select|Browse files|Drag and drop|No results)\b")

PSEUDO = """(sel) => [...document.querySelectorAll(sel)].flatMap(e => [getComputedStyle(e, '::before').content,
    getComputedStyle(e, '::after').content]).filter(c => c && c !== 'none' && c !== 'normal').join('\\n')"""
"""The words CSS draws (``content:``) on the elements ``sel`` finds."""


@pytest.fixture(scope="module")
def tokens(server: StreamlitServer) -> dict[str, str]:
    return create_demo(server.store, "Anna Holm")[1]


@pytest.fixture
def phone(chromium: Any, server: StreamlitServer) -> Iterator[Any]:
    """``phone(path, token)``: the page in a fresh 390 px phone browser, drawn."""
    contexts: list[Any] = []

    def make(path: str, token: str | None, width: int = WIDTH, agent: str = PHONE, init: str = "") -> Any:
        context = chromium.new_context(viewport={"width": width, "height": HEIGHT}, user_agent=agent)
        context.set_default_timeout(browser.TIMEOUT_MS)
        contexts.append(context)
        context.add_cookies([{"name": "ps_name", "value": quote("Anna Holm"), "url": server.url}])
        page = context.new_page()
        page.add_init_script(HOLD_BACK + init)
        browser.open_page(page, f"{server.url}/{path}" + (f"?k={quote(token)}" if token else ""))
        return page

    yield make
    for context in contexts:
        context.close()


def settle(page: Any, ms: int = 400) -> None:
    page.wait_for_timeout(ms)
    browser.wait_idle(page)


# -- the menu -----------------------------------------------------------------------------


def test_the_menu_is_a_labelled_button_on_the_first_screen_and_leads_to_every_page(
        phone: Any, tokens: dict[str, str]) -> None:
    page = phone("overview", tokens["owner"])
    button = page.locator(".st-key-ps_menu button").first
    assert button.is_visible()
    assert button.inner_text().replace("menu", "", 1).strip().startswith("Menu · Oversigt")
    box = button.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT and box["width"] >= 200
    on_top = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.st-key-ps_menu')",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert on_top, "nothing covers the button"
    button.click()
    menu = page.locator('[data-testid="stPopoverBody"]')
    links = [x.strip() for x in menu.get_by_role("link").all_inner_texts()]
    assert [re.sub(r"^\w+\s*", "", x) for x in links][:2] == ["Oversigt", "Trin 1 · Idé"]
    assert len(links) == 11  # every page the association may open (meeting view and privacy too), not the start page
    menu.get_by_role("link", name="Tidslinje").click()
    page.wait_for_url(re.compile(r"/timeline\?k="))
    browser.wait_text(page, "Tidslinje og opfølgning", "h1")


def test_the_menu_switches_the_language(phone: Any, tokens: dict[str, str]) -> None:
    page = phone("step4", tokens["partner"])
    page.locator(".st-key-ps_menu button").first.click()
    page.locator(".st-key-ps_menu_lang button", has_text="English").click()
    browser.wait_text(page, "Step 4", "h1")
    assert "Menu · Step 4 · Shared idea" in page.locator(".st-key-ps_menu button").first.inner_text()
    assert "lang=en" in page.url


def test_a_wide_screen_has_streamlits_menu_at_the_top_and_no_button(phone: Any, tokens: dict[str, str]) -> None:
    page = phone("overview", tokens["owner"], width=1300, agent="Mozilla/5.0 (X11; Linux x86_64)")
    assert page.locator('[data-testid="stTopNav"]').is_visible()
    assert not page.locator(".st-key-ps_menu").is_visible()


PLACES = """window.__places = [];
const place = () => {
  const at = (sel) => { const e = document.querySelector(sel); if (!e) return null;
    const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.top)]; };
  const box = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (box) {
    const r = box.getBoundingClientRect(), css = getComputedStyle(box);
    const main = [Math.round(r.left + parseFloat(css.paddingLeft)), Math.round(r.top + parseFloat(css.paddingTop))];
    const now = JSON.stringify({main, h1: at('[data-testid="stMain"] h1'),
                                link: at('.st-key-link_owner [data-testid="stText"]')});
    if (window.__places[window.__places.length - 1] !== now) window.__places.push(now);
  }
  requestAnimationFrame(place);
};
requestAnimationFrame(place);"""
"""Records, frame by frame (what is painted), each place where the page's content box starts and
where its heading and the owner's link are drawn, from the content box's first appearance on."""


@pytest.mark.parametrize("width", [1000, 1400])
def test_a_wide_screen_draws_the_page_where_it_stays(phone: Any, server: StreamlitServer, width: int) -> None:
    """Streamlit drew the page centred, then wide, then 2 rem lower under its top menu, then
    300 px to the right beside the sidebar (layout shift 0.24-0.34 at 1,400 px); the copy
    button then pushed the link down 40 px. The page is drawn where it ends from the start.
    A project of its own: the link cards are shown until the partner has opened it."""
    owner = create_demo(server.store, "Anna Holm")[1]["owner"]
    page = phone("", owner, width=width, agent="Mozilla/5.0 (X11; Linux x86_64)", init=PLACES)
    page.wait_for_selector(".st-key-link_owner [data-testid='stText']")
    settle(page, 800)
    places = [json.loads(p) for p in page.evaluate("window.__places")]
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    for part in ("main", "h1", "link"):
        assert len({tuple(p[part]) for p in places if p[part]}) == 1, (part, places)
    sidebar = page.locator('[data-testid="stSidebar"]').bounding_box()
    assert places[-1]["h1"][0] > sidebar["x"] + sidebar["width"], (places[-1], sidebar)


# -- the timeline -------------------------------------------------------------------------

FITS = """() => {
  const svg = document.querySelector('.st-key-tl_picture .tl-narrow svg');
  const box = document.querySelector('.st-key-tl_chart_box');
  const r = svg.getBoundingClientRect();
  const inside = (sel) => [...svg.querySelectorAll(sel)].map(t => { const b = t.getBoundingClientRect();
      return {text: t.textContent, left: b.left - r.left, right: r.right - b.right}; });
  return {page: document.documentElement.scrollWidth, body: document.body.scrollWidth,
          box: [box.scrollWidth, box.clientWidth], svg: r.width, view: svg.viewBox.baseVal.width,
          wide: getComputedStyle(document.querySelector('.st-key-tl_picture .tl-wide')).display,
          legend: inside('.tl-legend text'), texts: inside('text')};
}"""


PLOTLY_FITS = """() => {
  const svg = document.querySelector('.st-key-tl_chart .main-svg');
  const box = document.querySelector('.st-key-tl_chart_box');
  const r = svg.getBoundingClientRect();
  const chart = document.querySelector('.st-key-tl_chart');
  return {page: document.documentElement.scrollWidth, box: [box.scrollWidth, box.clientWidth], svg: r.width,
          legend: [...chart.querySelectorAll('.legendtext')].map(t => { const b = t.getBoundingClientRect();
            return {text: t.textContent, left: b.left - r.left, right: r.right - b.right}; }),
          ticks: chart.querySelectorAll('.ytick text').length,
          lanes: [...chart.querySelectorAll('.annotation-text')].map(t => t.textContent)};
}"""


def test_the_timeline_fits_a_phone_with_its_legend_whole(phone: Any, tokens: dict[str, str]) -> None:
    page = phone("timeline", tokens["owner"])
    page.wait_for_selector(".st-key-tl_picture .tl-narrow svg", state="visible")
    found = page.evaluate(FITS)
    assert found["page"] <= WIDTH and found["body"] <= WIDTH, "nothing scrolls sideways"
    assert found["box"][0] <= found["box"][1], "the chart's box does not scroll sideways either"
    assert found["wide"] == "none"
    assert WIDTH * 0.85 <= found["svg"] <= WIDTH, "as wide as the page, no wider"
    assert found["svg"] / found["view"] >= 0.95, "drawn at its size: its 12-13 px text stays readable"
    names = {x["text"] for x in found["legend"]}
    assert {"Planlagt", "I gang", "Forsinket"} <= names and not any("…" in n for n in names)
    cut = [x for x in found["texts"] if x["left"] < -0.5 or x["right"] < -0.5]
    assert cut == [], "every text of the picture (legend, dates, lanes, labels) inside it"

    # Once asked for, the interactive chart is laid out for the phone too (stacked lanes).
    page.get_by_role("button", name="Interaktiv tidslinje").click()
    page.wait_for_selector(".st-key-tl_chart .main-svg", state="visible", timeout=60_000)
    browser.wait_idle(page)
    plotly = page.evaluate(PLOTLY_FITS)
    assert plotly["page"] <= WIDTH and plotly["box"][0] <= plotly["box"][1], "no sideways scrolling"
    assert WIDTH * 0.85 <= plotly["svg"] <= WIDTH
    assert {"Planlagt", "I gang"} <= {x["text"] for x in plotly["legend"]}
    assert [x for x in plotly["legend"] if x["left"] < -0.5 or x["right"] < -0.5] == [], "the legend whole"
    assert plotly["ticks"] == 0, "no column of lane names on the left"
    assert "Anna Holm" in plotly["lanes"], "each lane's name on its strip"


def test_the_evenings_meeting_view_reads_on_a_phone(phone: Any, tokens: dict[str, str]) -> None:
    """The projector's view, opened by a member on a phone: ordinary type, the assessment in
    the screen's width with the points beside each name (the marks scroll sideways)."""
    page = phone("meeting", tokens["owner"])
    page.wait_for_selector(".st-key-meeting table")
    found = page.evaluate("""() => {
      const table = document.querySelector('.st-key-meeting table');
      const cells = [...table.querySelectorAll('tr:nth-child(2) td')].slice(0, 2).map(td => td.getBoundingClientRect());
      return {page: document.documentElement.scrollWidth, right: table.getBoundingClientRect().right,
              heads: [...table.querySelectorAll('th')].map(th => th.innerText.trim()),
              cells: cells.map(r => r.right), font: getComputedStyle(table.querySelector('td')).fontSize,
              scrolls: table.scrollWidth > table.clientWidth, tab: table.getAttribute('tabindex'),
              role: table.getAttribute('role'), name: table.getAttribute('aria-label')}
    }""")
    assert found["page"] <= WIDTH and found["right"] <= WIDTH, "the page does not scroll sideways"
    assert found["heads"][:2] == ["Navn", "Point"]
    assert all(right <= WIDTH for right in found["cells"]), "a name and its points on the screen"
    assert found["font"] == "16px", "ordinary type on a phone, not the projector's"
    # what scrolls is reached by keyboard and named, and stays a table to a screen reader
    assert found["scrolls"] and found["tab"] == "0" and found["role"] is None
    assert found["name"] == "Vurderingen af forslagene (kan rulles til siden)"


def test_the_timeline_shows_three_months_on_a_phone_and_moves_by_them(phone: Any, tokens: dict[str, str]) -> None:
    page = phone("timeline", tokens["owner"])
    nav = page.locator(".st-key-tl_window_nav")
    start = first_of_month(date.today())
    shown = window("quarter", start)
    assert shown is not None and label(shown, "da") in nav.inner_text()
    assert page.locator('.st-key-tl_window button[aria-checked="true"], .st-key-tl_window button[kind*="Active"]'
                        ).first.inner_text().strip() == "Tre måneder"
    page.locator(".st-key-tl_next button").click()
    later = window("quarter", add_months(start, 3))
    assert later is not None
    browser.wait_text(page, label(later, "da"), ".st-key-tl_window_nav")
    page.locator(".st-key-tl_window button", has_text="Hele forløbet").click()
    settle(page)
    assert not page.locator(".st-key-tl_window_nav").count()
    assert page.evaluate(FITS)["page"] <= WIDTH


# -- no English -----------------------------------------------------------------------------


def test_the_uploader_speaks_danish(phone: Any) -> None:
    page = phone("", None)
    page.get_by_role("tab", name="Indlæs en gemt fil").click()
    settle(page)
    uploader = page.locator('[data-testid="stFileUploader"]')
    assert uploader.is_visible()
    drawn = page.evaluate(PSEUDO, '[data-testid="stFileUploader"] *')
    seen = uploader.inner_text() + "\n" + drawn
    assert ENGLISH.findall(seen) == []
    assert "Vælg fil" in drawn and "Højst 5 MB" in drawn


@pytest.mark.parametrize("width", [WIDTH, 1300])
def test_dropdowns_speak_danish_even_when_nothing_matches(phone: Any, tokens: dict[str, str], width: int) -> None:
    # A phone's browser opens a dropdown as a list to tap (Streamlit makes its field
    # read-only there); a desktop browser lets one type a filter that may match nothing.
    agent = PHONE if width == WIDTH else "Mozilla/5.0 (X11; Linux x86_64)"
    page = phone("timeline", tokens["owner"], width=width, agent=agent)
    seen = []
    # The filters' popover, then the task list's one control (ui/task_block.py): its select of the task.
    for popover, target in (('[data-testid="stPopover"]:has-text("Filtrér") button', ".st-key-tl_f_person input"),
                            (None, ".st-key-tl_pick input")):
        if popover is not None:
            page.locator(popover).first.click()
            settle(page, 200)
        field = page.locator(target).first
        browser.open_list(page, field)
        seen.append(page.evaluate("() => document.body.innerText"))
        if field.get_attribute("readonly") is None:
            page.keyboard.type("zzzz")
            page.wait_for_selector('[role="listbox"][data-empty="true"]', state="attached")
            seen.append(page.evaluate("() => document.body.innerText"))
            seen.append(page.evaluate(PSEUDO, '[role="listbox"]'))
        for _ in range(2):  # the dropdown, then its popover (if any)
            page.keyboard.press("Escape")
            page.wait_for_timeout(200)
    text = "\n".join(seen)
    assert ENGLISH.findall(text) == []
    assert ("Ingen passer" in text) is (width != WIDTH)


def test_a_task_is_chosen_set_done_and_opened_from_the_lists_one_control(phone: Any, server: StreamlitServer) -> None:
    # The timeline's tasks are one block of cards with one control (ui/task_block.py): on a
    # phone a volunteer taps the task, then its new status, then "Rediger".
    tokens = create_demo(server.store, "Anna Holm")[1]  # its own project: this test changes a task
    snap = server.store.snapshot(server.store.open(tokens["owner"]))
    task = next(x for x in snap.tasks if x.title == "Plakater til skolerne")
    page = phone("timeline", tokens["owner"])
    browser.choose(page, ".st-key-tl_pick", task.title)
    browser.choose(page, f".st-key-tl_qs_{task.id}_{task.version}", "Færdig")
    page.wait_for_selector(f".st-key-tl_qs_{task.id}_{task.version + 1} input")  # saved: its next version
    stored = next(x for x in server.store.snapshot(server.store.open(tokens["owner"])).tasks if x.id == task.id)
    assert stored.status.value == "done" and stored.updated_by == "Anna Holm"
    page.locator(".st-key-tl_cards li", has_text=task.title).filter(has_text="Færdig").wait_for()  # its card says so
    browser.edit_task(page, "tl", task.id, title=task.title)
    title = page.locator(f".st-key-re_tltask_{task.id}_title input")
    title.wait_for()
    browser.wait_idle(page)  # the editor's run has ended: its fields hold the task (CI once read "" mid-run)
    assert title.input_value() == task.title
    box = page.locator(".st-key-tl_task_actions").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH  # on the phone's screen, no sideways scroll


def test_the_english_list_would_catch_streamlits_words() -> None:
    assert ENGLISH.search("uploadUpload5MB per file • JSON") and ENGLISH.search("No results")
    assert not ENGLISH.search("Vælg fil\nHøjst 5 MB · JSON\nIngen passer")


# -- add forms ------------------------------------------------------------------------------

OPEN = "(key) => { const d = document.querySelector('.st-key-' + key + ' details'); return !!d && d.open; }"


def test_add_forms_stay_open_for_the_next_item(phone: Any, server: StreamlitServer) -> None:
    _, new = server.store.create_project("Lektiecafé", "Boldklubben", "Anna Holm")
    page = phone("step4", new["owner"])
    for form, field, names in (("s4_new", "title", ["Aktivitet A", "Aktivitet B"]),
                               ("people_new_association", "name", ["Per", "Pia"])):
        if not page.evaluate(OPEN, f"{form}_open"):
            page.locator(f".st-key-{form}_open summary").click()
        for name in names:
            page.locator(f".st-key-{form}_{field} input").fill(name)
            page.locator(f".st-key-{form}_submit button").click()
            browser.wait_text(page, name)  # in the new item's card and in the message
            settle(page)
            assert page.evaluate(OPEN, f"{form}_open"), f"{form} closed after adding {name}"
            assert page.locator(f".st-key-{form}_{field} input").input_value() == ""
    snap = server.store.snapshot(server.store.open(new["owner"]))
    assert {x.title for x in snap.tasks} == {"Aktivitet A", "Aktivitet B"}
    assert {x.name for x in snap.people} >= {"Per", "Pia"}
