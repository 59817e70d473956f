"""The unsubscribe link of every reminder mail: ``<base>/ps/unsubscribe?t=<token>&l=<lang>``.

It works without the project's link: the token (256 bits, one per mail, stored as its
SHA-256) names one subscription. A GET only asks (mail scanners open links they find, and
must not unsubscribe anyone); the button POSTs to the same address, and so does a mail
client's one-click unsubscribe (RFC 8058, ``List-Unsubscribe-Post``). The answer is a
small page in Danish or English, escaped, with no script and no style.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from partnership import process
from partnership.errors import PartnershipError
from partnership.i18n import DEFAULT_LANG, LANGS, t
from partnership.web.events import Limits

_S = TypeVar("_S")

IN_FLIGHT = Limits(per_client=8, total=64)
MAX_BODY = 4096


def page(lang: str, message: str, form_action: str = "", status: int = 200, *,
         title_key: str = "remind.page.title", button_key: str = "remind.page.button") -> HTMLResponse:
    """The page: a title, one sentence, and the button when ``form_action`` is given
    (also the confirmation link's page, ``web.confirm``, with its own title and button)."""
    title = html.escape(t(title_key, lang))
    body = f"<h1>{title}</h1>\n<p>{html.escape(message)}</p>\n"
    if form_action:
        body += (f'<form method="post" action="{html.escape(form_action, quote=True)}">'
                 f'<button type="submit">{html.escape(t(button_key, lang))}</button></form>\n')
    document = (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<meta name="robots" content="noindex"><title>{title}</title></head>\n<body>\n{body}</body></html>\n')
    return HTMLResponse(document, status_code=status, headers={"Cache-Control": "no-store"})


def lang_of(value: str) -> str:
    return value if value in LANGS else DEFAULT_LANG


def _end(token: str) -> tuple[str, bool] | None:
    return process.store().mail_unsubscribe(token)


async def by_mail_link(request: Request, draw: Callable[..., HTMLResponse], ask_key: str,
                       act: Callable[[str], tuple[str, _S] | None],
                       done: Callable[[_S], tuple[str, int]]) -> HTMLResponse:
    """A link from a mail (unsubscribe, confirm): a GET draws the question and a button,
    the POST ``act``s on the token (in a worker thread, one at a time per client) and draws
    the message key and status that ``done`` makes of its answer, in the answer's language."""
    lang = lang_of(request.query_params.get("l", DEFAULT_LANG))
    token = request.query_params.get("t", "")
    if request.method == "GET":
        if not token:
            return draw(lang, t("remind.page.unknown", lang), status=404)
        return draw(lang, t(ask_key, lang), form_action=str(request.url.path) + "?" + request.url.query)
    body = (await request.body())[:MAX_BODY]
    token = token or (parse_qs(body.decode("ascii", "replace")).get("t") or [""])[0]
    client = request.client.host if request.client else "?"
    if not IN_FLIGHT.take(client):
        return draw(lang, t("remind.page.busy", lang), status=429)
    try:
        found = await run_in_threadpool(act, token)
    except PartnershipError:
        return draw(lang, t("remind.page.busy", lang), status=503)
    finally:
        IN_FLIGHT.give_back(client)
    if found is None:
        return draw(lang, t("remind.page.unknown", lang), status=404)
    key, status = done(found[1])
    return draw(lang_of(found[0]), t(key, lang_of(found[0])), status=status)


async def unsubscribe(request: Request) -> HTMLResponse:
    """GET asks, POST unsubscribes (see the module docstring)."""
    return await by_mail_link(request, page, "remind.page.ask", _end,
                              lambda ended: ("remind.page.done" if ended else "remind.page.already", 200))
