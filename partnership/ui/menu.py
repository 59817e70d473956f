"""The page menu on a phone: a labelled "Menu" button at the top of every page.

Below 768 px Streamlit folds its menu at the top (``st.navigation(position="top")``)
into the sidebar, behind an unlabelled "»" in a corner: a volunteer on a phone did not
know the steps were there. This button says "Menu" in the page's language and opens a
popover with a link to every page the role may open (the same URL paths, the link kept
in their query) and the language switch (``ps_menu_lang``). On a wider screen the menu at the top is
shown and this button is hidden (``phone.css``).

Keys: the button's container ``ps_menu``, the language switch ``ps_menu_lang``.
"""

from __future__ import annotations

import streamlit as st

from partnership.i18n import DEFAULT_LANG, LANGS
from partnership.ui import shell

ss = st.session_state

LANG_NAMES = {"da": "Dansk", "en": "English"}


def show(c: shell.Page, url: str) -> None:
    """The button and its popover, for the page ``url`` (a ``shell.PAGES`` path)."""
    here = next(spec for spec in shell.PAGES if spec.url == url)
    with st.container(key="ps_menu"), st.popover(
            f"{c.t('nav.menu')} · {_label(c, here)}", icon=":material/menu:", width="stretch"):
        for spec in shell.PAGES:
            if spec.url and c.access.role in spec.roles:
                st.page_link(c.pages[spec.url], label=_label(c, spec), icon=spec.icon,
                             query_params=shell.url_params(c), width="stretch")
        # The language as in the sidebar (shell.sidebar); not a link to this page with
        # "lang" in its query: Streamlit does not follow a link to the page it is on.
        st.segmented_control(c.t("app.language"), options=list(LANGS), format_func=LANG_NAMES.__getitem__,
                             default=c.lang, key="ps_menu_lang", on_change=_switch_language)


def _label(c: shell.Ctx, spec: shell.PageSpec) -> str:
    """A page's name in the menu; a step says it is one ("Trin 4 · Fælles idé")."""
    number = spec.url.removeprefix("step")
    return c.t("nav.step", n=number, title=c.t(spec.title)) if number.isdigit() else c.t(spec.title)



def _switch_language() -> None:
    """The next run is in the language chosen (what the sidebar's switch does)."""
    lang = ss.get("ps_menu_lang")
    if lang not in LANGS:
        return
    ss["lang"] = lang
    ss["lang_switch"] = lang  # the sidebar's switch, else still on the old language, would switch back
    if lang == DEFAULT_LANG:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = lang
