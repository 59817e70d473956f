"""Link cards and the two tiny browser components behind them.

A link card is a container keyed ``link_<role>`` holding the full address as text, a
copy button that needs no hover (phones), and for the owner: send it to yourself, save
it as a file, and one sentence saying the link is the key.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from partnership.contact import mailto
from partnership.model import Role, Side, Snapshot
from partnership.ui import file_links, shell
from partnership.usertext import clean, plain

_COPY_JS = Path(__file__).with_name("copy_button.js").read_text(encoding="utf-8")

_COPY_CSS = """
button {
  font: inherit; font-size: 0.95rem; padding: 0.4rem 0.9rem; min-height: 2.5rem; cursor: pointer;
  border-radius: 0.5rem; border: 1px solid rgba(49, 51, 63, 0.2);
  background: var(--st-primary-color, #ff4b4b); color: white;
}
button:focus-visible { outline: 2px solid var(--st-text-color, #31333f); outline-offset: 2px; }
"""

_COPY = st.components.v2.component("ps_copy_link", html="<button type='button'></button>", css=_COPY_CSS,
                                   js=_COPY_JS)

def copy_button(c: shell.Ctx, text: str, key: str, *,
                words: tuple[str, str] = ("links.copy", "links.copy_failed")) -> None:
    """A button that copies ``text``; ``words`` are the catalogue keys of its label and
    of what it says when the browser refuses (the link's by default). ``key`` ends in
    "_copy": phone.css keeps the button's room by it until its script has loaded."""
    if not key.endswith("_copy"):
        raise ValueError(f"a copy button's key ends in '_copy': {key!r}")
    _COPY(data={"text": text, "label": c.t(words[0]), "done": c.t("links.copied"), "failed": c.t(words[1])},
          key=key)


def card(c: shell.Ctx, role: Role, token: str | None, *, title: str = "") -> bool:
    """The card for ``role``'s link; False (and a plain notice) when the link cannot be
    shown again (made before links were kept)."""
    with st.container(border=True, key=f"link_{role.value}"):
        st.markdown(f"**{title or c.t(f'settings.{role.value}.title')}**")
        st.caption(c.t(f"settings.{role.value}.what"))
        if token is None:
            st.warning(c.t("links.not_kept"), icon=":material/history:")
            return False
        url = c.link(token)
        # Plain text (monospace and wrapping by style.py), not st.code: the code block's
        # syntax highlighter is 1.5 MB of JavaScript whose start cost about 1 s of a first
        # load of the overview and settings (bench/bench_browser.py); the card has its own
        # copy button.
        st.text(url)
        copy_button(c, url, key=f"link_{role.value}_copy")
        if role is Role.OWNER:
            st.markdown(c.t("links.owner.key"))
            left, right = st.columns(2)
            left.link_button(c.t("links.send_self"), mailto(c.t("links.send_self_subject"),
                                                                     c.t("links.send_self_body", url=url)),
                             icon=":material/forward_to_inbox:", width="stretch")
            with right:
                file_links.show(file_links.FileLink("link_owner_download", c.t("links.download"),
                                                    file_links.url(token, "link.txt", c.lang),
                                                    "partnerskab-link.txt"))
    return True


def shown_links(c: shell.Page) -> dict[Role, str | None]:
    """The owner's view of every live link (read fresh: another owner may have replaced one)."""
    return c.store.links(c.access)


CREATED = "links_just_created"
"""Set in session state right after creating or importing (the overview welcomes)."""


def overview_cards(c: shell.Page) -> None:
    """On the owner's overview, until the partner has opened the project once (and
    always right after creating): the owner's own link (the key), and the partner's
    ready to copy."""
    if not c.snap.may.links:  # the owner's alone (Snapshot.may)
        return
    just_created = bool(st.session_state.get(CREATED))
    if Role.PARTNER in c.store.opened(c.access) and not just_created:
        return
    shown = shown_links(c)
    if just_created:
        st.success(c.t("links.created"), icon=":material/check_circle:")
    card(c, Role.OWNER, shown[Role.OWNER])
    card(c, Role.PARTNER, shown[Role.PARTNER], title=c.t("links.partner.invite_title"))


def invitation(c: shell.Ctx, snap: Snapshot, url: str) -> str:
    """The e-mail that brings the partner in: their link and the idea as we wrote it."""
    p = snap.project
    parts = [c.t("links.s3_greeting", name=p.partner_org), c.t("links.s3_body", org=p.our_org)]
    idea = snap.field("s1_idea").value.strip()
    if idea:
        parts.append(c.t("links.s3_idea", idea=idea))
    parts += [c.t("links.s3_link", url=url), c.t("links.s3_closing", org=p.our_org)]
    return "\n\n".join(parts)


def partner_address(snap: Snapshot) -> str:
    """The partner's contact e-mail, where one of their people has given one."""
    for person in snap.people:
        if person.side is Side.PARTNER and "@" in person.contact and " " not in person.contact.strip():
            return person.contact.strip()
    return ""


def invite(c: shell.Page, snap: Snapshot) -> None:
    """Right after "... har sagt ja" (step 3): the partner's link and an invitation draft
    (for a member only while the owner shows links to members)."""
    if c.role is Role.MEMBER and not snap.members_see_links:
        st.info(c.t("settings.member_links_hidden"), icon=":material/lock:")
        return
    token = shown_links(c).get(Role.PARTNER)
    if not card(c, Role.PARTNER, token, title=c.t("links.s3_invite", name=plain(snap.project.partner_org))):
        st.page_link(c.pages["settings"], label=c.t("nav.settings"), icon=":material/settings:",
                     query_params=shell.url_params(c))
        return
    assert token is not None
    body = clean(invitation(c, snap, c.link(token)))
    with st.container(border=True, key="links_invitation"):
        st.caption(c.t("links.s3_invite_lead", name=plain(snap.project.partner_org)))
        st.text(body)  # not st.code: see card()
        copy, send = st.columns([1, 2], vertical_alignment="center")
        with copy:
            copy_button(c, body, key="links_invitation_copy",
                        words=("links.invitation.copy", "links.invitation.copy_failed"))
        send.link_button(c.t("links.s3_mailto"), mailto(c.t("links.s3_subject"), body, to=partner_address(snap)),
                       icon=":material/send:")
