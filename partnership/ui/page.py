"""The preamble every page in app_pages/ runs, in one place."""

from __future__ import annotations

from dataclasses import replace

from partnership.ui import agenda, live, menu, shell
from partnership.ui import term as term_ui


def enter(url: str) -> shell.Page:
    """Open the page ``url`` (its ``shell.PAGES`` entry) for this run: stop with a message
    unless the link is open and its role may see it, show the phone's menu (``menu``),
    keep the page live, ask once for the person's name, show Møde 1's agenda while it is
    under way (``agenda.bar``). Returns the page context with the
    snapshot and who else is here."""
    page = shell.require(shell.ctx(), url)
    menu.show(page, url)
    live.start(page)
    shell.ask_name(page)
    term_ui.closed_banner(page, url)
    agenda.bar(page, url)
    return replace(page, others=live.others())
