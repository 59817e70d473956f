"""The end-of-term decision in real browsers (issue 25): the association and the partner
each choose "close" on step 5; the partnership closes when the second choice arrives,
the association's open page follows by itself, and the store refuses every write."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from partnership import agreement
from partnership.errors import Forbidden
from tests.e2e.conftest import OpenAs
from tests.support import browser
from tests.support.streamlit_server import StreamlitServer

pytestmark = pytest.mark.e2e

SLOW_MS = 30_000  # a loaded 2-core machine: a save and the other page's push may take a while


def choose_close(page: Any, note: str) -> None:
    box = page.locator(".st-key-out_choice")
    box.get_by_text("Afslut partnerskabet", exact=True).click()
    page.wait_for_function(
        "() => !!document.querySelector('.st-key-out_choice input[type=radio]:checked')", timeout=SLOW_MS)
    page.locator(".st-key-out_note textarea").fill(note)
    page.locator(".st-key-out_submit button").click()


def test_both_sides_choose_to_close_and_the_project_becomes_read_only(server: StreamlitServer,
                                                                      open_as: OpenAs) -> None:
    store = server.store
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.update_project(owner, {"partner_org": "Biblioteket"}, 1, "Anna")
    partner = store.open(tokens["partner"])
    store.set_term(owner, date.today() - timedelta(days=340), date.today() + timedelta(days=25), 0, "Anna")
    text = agreement.render_markdown(store.snapshot(owner))
    store.approve(owner, "Anna", agreement.content_hash(text), text, "Anna")
    store.approve(partner, "Ole", agreement.content_hash(text), text, "Ole")

    ours = open_as(tokens["owner"], "step5", name="Anna", ready=".st-key-out_submit")
    assert "Aftaleperioden slutter om 25 dage" in browser.text(ours)
    choose_close(ours, "Tak for et godt år.")
    browser.wait_text(ours, "Venter på Biblioteket", timeout=SLOW_MS)
    assert store.snapshot(owner).term.closed_at is None

    theirs = open_as(tokens["partner"], "step5", name="Ole", ready=".st-key-out_submit")
    assert "Boldklubben Øst (Anna) vælger: Afslut partnerskabet" in browser.text(theirs)
    choose_close(theirs, "")
    browser.wait_text(theirs, "Partnerskabet er afsluttet", ".st-key-term_closed", timeout=SLOW_MS)
    browser.wait_text(ours, "Tak for et godt år.", ".st-key-term_closed", timeout=SLOW_MS)  # pushed, no reload
    for page in (ours, theirs):
        # The closing note is drawn before the run that draws it has ended; the controls it
        # replaces go when it ends (Streamlit clears a run's stale elements then).
        browser.wait_idle(page, timeout=SLOW_MS)
        page.wait_for_selector(".st-key-out_submit, .st-key-s5_reopen", state="detached", timeout=SLOW_MS)
        assert page.locator(".st-key-out_submit, .st-key-s5_reopen").count() == 0
        assert page.locator(".st-key-s5_dl_pdf a[download]").count() == 1  # the export is still offered

    assert store.snapshot(owner).term.closed_at is not None
    with pytest.raises(Forbidden) as refused:
        store.set_field(owner, "s4_vision", "En ny vision", 0, "Anna")
    assert refused.value.code == "closed"
