"""Real browser: the conflict panel is readable where two people compare their texts -
both texts in full contrast (never faded grey on grey), side by side on a wide screen and
one above the other on a 390 px phone. Screenshots of the panel are written to the test's
folder (and to ``$PARTNERSHIP_SHOTS`` when set, to look at them)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.e2e.test_danish_and_accessible import AXE, serious_violations
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

MINE = "Flere børn skal læse hver dag.\n\nVi mødes hver tirsdag på biblioteket, og frivillige hjælper med lektier."
THEIRS = "Alle børn i bydelen skal have et sted at lave lektier – også dem, hvis forældre ikke kan hjælpe."

# Relative luminance and contrast ratio, as WCAG defines them.
LUMINANCE = """(rgb) => {
  const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""


def conflict_page(chromium: Any, server: StreamlitServer, width: int, draft: bool = False) -> Any:
    """A page at ``width`` px whose save of the vision met Bo's newer text (or, with
    ``draft``, that offers the text it kept before a reload)."""
    owner, tokens = server.store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    server.store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    # bypass_csp: axe-core goes in as an inline script, which the app's policy refuses
    context = chromium.new_context(viewport={"width": width, "height": 1200}, bypass_csp=True)
    context.set_default_timeout(browser.TIMEOUT_MS)
    context.add_cookies([{"name": "ps_name", "value": "Anna", "url": server.url}])
    page = context.new_page()
    browser.open_page(page, f"{server.url}/step4?k={quote(tokens['owner'])}", ".st-key-f_s4_vision")
    page.locator(".st-key-f_s4_vision button", has_text="Rediger").click()
    area = page.locator(".st-key-f_s4_vision textarea")
    area.wait_for(state="visible")
    area.fill(MINE)
    if draft:
        page.reload()
        page.locator(".st-key-draft_s4_vision").wait_for(state="visible")
        browser.wait_idle(page)
        return page
    server.store.set_field(owner, "s4_vision", THEIRS, 0, "Bo")
    page.locator(".st-key-fe_s4_vision_save button").click()
    page.locator(".st-key-conflict_s4_vision").wait_for(state="visible")
    browser.wait_idle(page)
    return page


def contrast(page: Any, selector: str) -> float:
    """The contrast ratio of the text in ``selector`` against its card's background."""
    ratio: float = page.evaluate(f"""(sel) => {{
      const lum = {LUMINANCE};
      const text = document.querySelector(sel + ' [data-testid="stText"]');
      const card = document.querySelector(sel);
      let opacity = 1;
      for (let e = text; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      if (opacity < 1) return 0;
      const a = lum(getComputedStyle(text).color), b = lum(getComputedStyle(card).backgroundColor);
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }}""", selector)
    return ratio


def shoot(page: Any, name: str, folder: Path) -> Path:
    path = folder / name
    page.locator(".st-key-conflict_s4_vision").screenshot(path=str(path))
    if os.environ.get("PARTNERSHIP_SHOTS"):
        Path(os.environ["PARTNERSHIP_SHOTS"]).mkdir(parents=True, exist_ok=True)
        page.locator(".st-key-conflict_s4_vision").screenshot(path=str(Path(os.environ["PARTNERSHIP_SHOTS"]) / name))
    return path


@pytest.mark.parametrize("width", [1280, 390])
def test_both_texts_are_in_full_contrast(chromium: Any, server: StreamlitServer, tmp_path: Path, width: int) -> None:
    page = conflict_page(chromium, server, width)
    shoot(page, f"conflict-{width}.png", tmp_path)
    for which in ("mine", "theirs"):
        ratio = contrast(page, f".st-key-cmp_{which}_s4_vision")
        assert ratio >= 7, f"{which}: contrast {ratio:.1f}:1 (WCAG AAA wants 7:1)"
    text = page.locator(".st-key-conflict_s4_vision").inner_text()
    assert "Flere børn skal læse" in text and "Alle børn i bydelen" in text
    page.context.close()


def test_side_by_side_on_a_wide_screen(chromium: Any, server: StreamlitServer) -> None:
    page = conflict_page(chromium, server, 1280)
    mine = page.locator(".st-key-cmp_mine_s4_vision").bounding_box()
    theirs = page.locator(".st-key-cmp_theirs_s4_vision").bounding_box()
    assert abs(mine["y"] - theirs["y"]) < 2 and theirs["x"] >= mine["x"] + mine["width"]
    assert mine["width"] > 300
    page.context.close()


def test_one_above_the_other_on_a_phone(chromium: Any, server: StreamlitServer) -> None:
    page = conflict_page(chromium, server, 390)
    mine = page.locator(".st-key-cmp_mine_s4_vision").bounding_box()
    theirs = page.locator(".st-key-cmp_theirs_s4_vision").bounding_box()
    assert theirs["y"] >= mine["y"] + mine["height"], "theirs below mine"
    assert mine["width"] > 300 and theirs["width"] > 300, "each as wide as the phone allows"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, "nothing wider than the phone"
    page.context.close()


@pytest.mark.parametrize("draft", [False, True], ids=["conflict", "kept-draft"])
def test_the_panel_and_a_kept_draft_pass_axe_on_a_phone(chromium: Any, server: StreamlitServer, tmp_path: Path,
                                                       draft: bool) -> None:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run scripts/test-deps.sh (npm ci)")
    page = conflict_page(chromium, server, 390, draft=draft)
    if draft:
        page.locator(".st-key-draft_s4_vision").screenshot(path=str(tmp_path / "draft-390.png"))
        if os.environ.get("PARTNERSHIP_SHOTS"):
            page.locator(".st-key-draft_s4_vision").screenshot(
                path=str(Path(os.environ["PARTNERSHIP_SHOTS"]) / "draft-390.png"))
        assert contrast(page, ".st-key-cmp_draft_draft_s4_vision") >= 7
    assert serious_violations(page) == []
    page.context.close()
