"""The confirmation link of an opt-in (double opt-in): ``<base>/ps/confirm?t=<token>&l=<lang>``.

It works without the project's link: the token (256 bits, one per opt-in, stored as its
SHA-256, valid for 7 days) names one subscription. As with the unsubscribe link
(``web.unsubscribe``), a GET only asks - mail scanners open the links they find and must
not confirm anyone - and the page's button POSTs to the same address, which confirms. An
expired link confirms nothing and says so. The page is in Danish or English, escaped,
with no script and no style.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from partnership import process
from partnership.errors import PartnershipError
from partnership.i18n import DEFAULT_LANG, t
from partnership.web.unsubscribe import IN_FLIGHT, MAX_BODY, lang_of, page


def _page(lang: str, message: str, form_action: str = "", status: int = 200) -> HTMLResponse:
    return page(lang, message, form_action, status, title_key="remind.confirm.page.title",
                button_key="remind.confirm.page.button")


def _confirm(token: str) -> tuple[str, str] | None:
    return process.store().mail_confirm(token)


async def confirm(request: Request) -> HTMLResponse:
    """GET asks, POST confirms (see the module docstring)."""
    lang = lang_of(request.query_params.get("l", DEFAULT_LANG))
    token = request.query_params.get("t", "")
    if request.method == "GET":
        if not token:
            return _page(lang, t("remind.page.unknown", lang), status=404)
        return _page(lang, t("remind.confirm.page.ask", lang),
                    form_action=str(request.url.path) + "?" + request.url.query)
    body = (await request.body())[:MAX_BODY]
    token = token or (parse_qs(body.decode("ascii", "replace")).get("t") or [""])[0]
    client = request.client.host if request.client else "?"
    if not IN_FLIGHT.take(client):
        return _page(lang, t("remind.page.busy", lang), status=429)
    try:
        found = await run_in_threadpool(_confirm, token)
    except PartnershipError:
        return _page(lang, t("remind.page.busy", lang), status=503)
    finally:
        IN_FLIGHT.give_back(client)
    if found is None:
        return _page(lang, t("remind.page.unknown", lang), status=404)
    lang, state = lang_of(found[0]), found[1]
    return _page(lang, t(f"remind.confirm.page.{state}", lang), status=410 if state == "expired" else 200)
