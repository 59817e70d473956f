"""The confirmation link of an opt-in (double opt-in): ``<base>/ps/confirm?t=<token>&l=<lang>``.

It works without the project's link: the token (256 bits, one per opt-in, stored as its
SHA-256, valid for 7 days) names one subscription. As with the unsubscribe link
(``web.unsubscribe``), a GET only asks - mail scanners open the links they find and must
not confirm anyone - and the page's button POSTs to the same address, which confirms. An
expired link confirms nothing and says so. The page is in Danish or English, escaped,
with no script and no style.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse

from partnership import process
from partnership.web.unsubscribe import by_mail_link, page


def _page(lang: str, message: str, form_action: str = "", status: int = 200) -> HTMLResponse:
    return page(lang, message, form_action, status, title_key="remind.confirm.page.title",
                button_key="remind.confirm.page.button")


def _confirm(token: str) -> tuple[str, str] | None:
    return process.store().mail_confirm(token)


async def confirm(request: Request) -> HTMLResponse:
    """GET asks, POST confirms (see the module docstring)."""
    return await by_mail_link(request, _page, "remind.confirm.page.ask", _confirm,
                              lambda state: (f"remind.confirm.page.{state}", 410 if state == "expired" else 200))
