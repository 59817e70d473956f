"""Every page of the example project, as the association and as the partner, at desktop
(1,300 px) and phone (390 px) width, in a real Chromium:

- axe-core (the npm package, pinned in package.json; scripts/test-deps.sh installs it)
  finds no serious or critical violation of the WCAG 2.1 A/AA rules;
- no English in the Danish UI: the visible text, placeholders, tooltips and the names a
  screen reader reads (aria-label, title: Streamlit's own controls are renamed by
  partnership/ui/aria.py) hold none of a list of English words, apart from a short
  allowlist (the language switch's own "English", Word as a product name), and the
  document's language is Danish.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from partnership.demo import create_demo
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "owner": ["", "overview", "step1", "step2", "step3", "step4", "step5", "timeline", "timeline:Sundhedstjek",
              "history", "settings", "meeting"],
    "member": ["step2", "settings", "meeting"],
    "partner": ["overview", "step4", "step5", "timeline", "timeline:Sundhedstjek", "history"],
}
"""Page paths; "path:Tab" opens the page's tab of that name (only the open tab is drawn)."""
WIDTHS = (1300, 390)

ENGLISH = re.compile(
    r"\b(?:the|and|your|you|with|press|enter|submit|apply|upload|browse|drag|drop|files?|per file|download|"
    r"zoom|autoscale|fullscreen|reset|choose|please|loading|search|clear|close|show|hide|view|copy|"
    r"task|tasks|meeting|agreement|signed|approved|step|yyyy|dd\.mm\.yyyy|"
    r"sidebar|expand|collapse|help|heading|icon|progress|pages|open|more|"
    r"day|weekday|every|until|place|participants|decisions|duration|active|amount|deadline|granted|planned)\b",
    re.IGNORECASE,
)
ALLOWED = ("English", "Word (.docx)")
"""The language switch names English in English; Word is a product's name."""

COLLECT = """() => {
  // Material icons are ligatures: their text ("download") draws a symbol, never a word.
  const hide = document.createElement('style');
  hide.textContent = '[data-testid="stIconMaterial"] { display: none !important; }';
  document.head.appendChild(hide);
  const seen = [document.body.innerText];
  hide.remove();
  for (const el of document.querySelectorAll('[placeholder], [title], [data-title]')) {
    const box = el.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    for (const name of ['placeholder', 'title', 'data-title']) {
      // A select box always has a value in this app (never index=None), so the search
      // field's placeholder is never shown; every other placeholder counts.
      if (name === 'placeholder' && el.closest('[data-testid="stSelectbox"]')) continue;
      const value = el.getAttribute(name);
      if (value) seen.push(value);
    }
  }
  // What a screen reader names: every aria-label and title outside what is hidden from it,
  // drawn or not (the uploader's input has no size; the sidebar's buttons may be folded).
  for (const el of document.querySelectorAll('[aria-label], [title]')) {
    if (el.closest('[aria-hidden="true"]')) continue;
    for (const name of ['aria-label', 'title']) {
      const value = el.getAttribute(name);
      if (value) seen.push(value);
    }
  }
  seen.push('lang=' + document.documentElement.lang);
  return seen.join('\\n');
}"""


def english_in(text: str) -> list[str]:
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    found = []
    for line in text.splitlines():
        if ENGLISH.search(line):
            found.append(line.strip()[:120])
    return found


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[StreamlitServer, dict[str, str]]]:
    """A server holding the example project (created through the store, like `demo`)."""
    browser.require()
    if not AXE.exists():
        message = f"axe-core is missing at {AXE}: run scripts/test-deps.sh (npm ci)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with StreamlitServer(Path(tmp_path_factory.mktemp("a11y")), poll_s=1.0) as srv:
        _, tokens = create_demo(srv.store)
        yield srv, tokens


def _open(chromium: Any, url: str, width: int, tab: str = "") -> tuple[Any, Any]:
    # axe-core is injected as an inline script, which the app's Content-Security-Policy
    # rightly refuses; the policy itself is checked by tests/e2e/test_hostile_text.py.
    context = chromium.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    context.set_default_timeout(browser.TIMEOUT_MS)
    page = context.new_page()
    for attempt in range(2):  # the live poller may rerun just as we wait: one retry
        try:
            browser.open_page(page, url)
            break
        except Exception:
            if attempt:
                raise
    if tab:
        page.get_by_role("tab", name=tab).click()
        _settle(page)
    # Open every add form and version list at once (each is drawn once opened,
    # partnership/ui/lazy.py: a rerun each; the last run draws them all).
    for toggle in page.locator('[data-testid="stExpander"] summary').all():
        if toggle.is_visible():  # not those in a tab that is not shown
            toggle.click()
    _settle(page)
    return context, page


def _settle(page: Any) -> None:
    """Wait for the runs under way and the late elements (charts, fragments), and for
    partnership/ui/aria.js to have named what they drew (it looks 100 ms after a change)."""
    page.wait_for_timeout(300)
    browser.wait_idle(page)
    page.wait_for_function("() => !(window.__psAria && window.__psAria.timer)")


def _check(page: Any) -> None:
    text = str(page.evaluate(COLLECT))
    assert "Traceback" not in text
    assert english_in(text) == []
    assert "lang=da" in text.splitlines()
    assert serious_violations(page) == []


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations of the WCAG 2.1 A/AA rules on the page
    (axe is injected once per page)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found: list[str] = page.evaluate(
        """async (tags) => {
             const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
             return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
               .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
           }""", WCAG)
    return found


CASES = [(role, path) for role, paths in PAGES.items() for path in paths]


@pytest.mark.parametrize(("role", "path"), CASES, ids=[f"{r}-{p or 'start'}" for r, p in CASES])
def test_every_page_is_danish_and_passes_axe(example: tuple[StreamlitServer, dict[str, str]], chromium: Any,
                                             role: str, path: str) -> None:
    """At each width in turn (WIDTHS: the desktop first, with its sidebar open, then the
    same page narrowed to a phone's width - the server draws both alike, the layout is
    CSS - which saves a page load per case)."""
    server, tokens = example
    name = "Anna Holm" if role == "owner" else "Ole Berg"
    path, _, tab = path.partition(":")
    url = f"{server.url}/{path}?k={tokens[role]}&n={name.replace(' ', '%20')}" if path else f"{server.url}/"
    context, page = _open(chromium, url, WIDTHS[0], tab)
    try:
        for width in WIDTHS:
            if width != WIDTHS[0]:
                page.set_viewport_size({"width": width, "height": 900})
                page.wait_for_function("(w) => window.innerWidth === w", arg=width)
                _settle(page)
            _check(page)
    finally:
        context.close()


def test_the_english_check_would_catch_streamlits_hints() -> None:
    assert english_in("Press Enter to submit form") and english_in("200MB per file • JSON")
    assert english_in("dd.mm.yyyy") and english_in("Download plot as a png")
    assert english_in("Expand sidebar") and english_in("Help for Forsinket") and english_in("schedule icon")
    assert english_in("2 more")  # the top menu's fold
    assert english_in("Oprettet: day: 2026-11-20 · participants: Anna") and english_in("Status: granted")
    assert english_in("Dansk\nEnglish\nHent som Word (.docx)") == []
    assert english_in("Lektiecafé hver tirsdag · Opfølgningsmøde 1 · Tekstfil (.md)") == []
