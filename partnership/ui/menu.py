"""The page menu on a phone: a labelled "Menu" button at the top of every page.

Below 768 px Streamlit folds its menu at the top (``st.navigation(position="top")``)
into the sidebar, behind an unlabelled "»" in a corner: a volunteer on a phone did not
know the steps were there. This button says "Menu" in the page's language and opens a
popover with a link to every page the role may open (the same URL paths, the link kept
in their query) and the language switch. On a wider screen the menu at the top is
shown and this button is hidden (``phone.css``).

Widget keys: the button's container ``ps_menu``, the language button ``ps_menu_lang``.
"""

from __future__ import annotations

import streamlit as st

from partnership.i18n import DEFAULT_LANG
from partnership.ui import shell

ss = st.session_state

OTHER_LANG = {"da": "en", "en": "da"}
LANG_NAMES = {"da": "Dansk", "en": "English"}


def show(c: shell.Page, url: str) -> None:
    """The button and its popover, for the page ``url`` (a ``shell.PAGES`` path)."""
    here = next(spec for spec in shell.PAGES if spec.url == url)
    with st.container(key="ps_menu"), st.popover(
            f"{c.t('nav.menu')} · {c.t(here.title)}", icon=":material/menu:", width="stretch"):
        for spec in shell.PAGES:
            if spec.url and c.access.role in spec.roles:
                st.page_link(c.pages[spec.url], label=_label(c, spec), icon=spec.icon,
                             query_params=shell.url_params(c), width="stretch")
        other = OTHER_LANG.get(c.lang, DEFAULT_LANG)
        st.button(LANG_NAMES[other], key="ps_menu_lang", icon=":material/translate:", type="tertiary",
                  on_click=_switch_language, args=(other,), help=c.t("app.language"))


def _label(c: shell.Ctx, spec: shell.PageSpec) -> str:
    """A page's name in the menu; a step says it is one ("Trin 4 · Fælles idé")."""
    number = spec.url.removeprefix("step")
    return c.t("nav.step", n=number, title=c.t(spec.title)) if number.isdigit() else c.t(spec.title)


def _switch_language(lang: str) -> None:
    """What the sidebar's switch does, from the menu: the next run is in ``lang``."""
    ss["lang"] = lang
    ss["lang_switch"] = lang  # else the sidebar's switch, still on the old language, switches back
    if lang == DEFAULT_LANG:
        st.query_params.pop("lang", None)
    else:
        st.query_params["lang"] = lang
