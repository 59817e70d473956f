"""Step 5 (with the partner): follow-up and term, the generated cooperation agreement,
its completeness and balance, approval by both sides, the signed state with reopening,
every signed version, and the downloads."""

from __future__ import annotations

import re
from collections.abc import Iterable

import streamlit as st

from partnership import agreement, downloads, rules, signature, usertext
from partnership.errors import PartnershipError, ValidationError
from partnership.i18n import LANGS, fmt_datetime, t
from partnership.model import AgreementVersion, Approval, Presence, Side, Snapshot, TaskKind
from partnership.steps import MAX_NAME
from partnership.ui import editor, file_links, labels, lazy, shell, tasks
from partnership.ui import term as term_ui
from partnership.ui.step4 import locked

ss = st.session_state

STATE_ICON = {"missing": ":red[:material/cancel:]", "partly": ":orange[:material/contrast:]",
              "in_place": ":green[:material/check_circle:]"}

# -- pure helpers -------------------------------------------------------------------------


def texts(snap: Snapshot) -> dict[str, str]:
    """The agreement text in every language (approvals may name any of them)."""
    return {lang: agreement.render_markdown(snap, lang) for lang in LANGS}


def hashes(snap: Snapshot) -> dict[str, str]:
    return {lang: agreement.content_hash(text) for lang, text in texts(snap).items()}


def latest(snap: Snapshot, side: Side) -> Approval | None:
    """The side's latest approval (None if it has not approved since the last reopen)."""
    return rules.latest_approvals(snap.approvals).get(side)


def is_valid(snap: Snapshot, approval: Approval, current: dict[str, str] | None = None) -> bool:
    """Whether ``approval`` still names the current agreement text (in any language)."""
    if snap.project.signed_at is not None:
        return approval.content_hash == snap.project.signed_hash
    return approval.content_hash in (current or hashes(snap)).values()


def approval_lang(snap: Snapshot, side: Side, lang: str, current: dict[str, str] | None = None) -> str:
    """The language ``side`` approves in: the one the other side's still-valid approval
    names (so both approve the very same text), else the reader's."""
    current = current or hashes(snap)
    other = latest(snap, Side.PARTNER if side == Side.ASSOCIATION else Side.ASSOCIATION)
    if other is not None:
        for code, digest in current.items():
            if digest == other.content_hash:
                return code
    return lang


_HEADING = re.compile(r"^(#{1,4})(?=\s)", re.M)


def for_page(markdown: str) -> str:
    """The agreement's Markdown for showing inside the page: headings two levels down,
    so the document's title does not outshout the page's own."""
    return _HEADING.sub(lambda m: "#" * (len(m.group(1)) + 2), markdown)


def download_links(c: shell.Ctx, snap: Snapshot, *, key: str, version: AgreementVersion | None = None,
                   with_tasks: bool = False) -> list[file_links.FileLink]:
    """The agreement as .md, print-ready .html, .docx and .pdf - the current text, or the
    signed ``version`` - each a finished document (the text, the signature block, the
    fingerprint); with ``with_tasks`` also the joint tasks as .csv. Links to the file
    route, so any replica serves them (``partnership/web/files.py``)."""
    assert c.access is not None
    token, lang = c.access.token, c.lang
    suffix = version.signed_at.strftime("%Y-%m-%d") if version is not None else ""
    version_id = version.id if version is not None else None
    found = []
    for fmt in downloads.AGREEMENT_FORMATS:
        what = f"agreement.{fmt}"
        found.append(file_links.FileLink(f"{key}_{fmt}", t(f"s5.dl.{fmt}", lang),
                                         file_links.url(token, what, lang, version_id=version_id),
                                         downloads.file_name(snap, what, lang, suffix=suffix)))
    if with_tasks:
        found.append(file_links.FileLink(f"{key}_csv", t("s5.dl.csv", lang), file_links.url(token, "tasks.csv", lang),
                                         downloads.file_name(snap, "tasks.csv", lang)))
    return found


def show_document(c: shell.Ctx, snap: Snapshot, markdown: str, approvals: Iterable[Approval] | None = None) -> None:
    """The agreement text on the page, then its signature block and, in small print,
    the fingerprint with what it proves."""
    digest = agreement.content_hash(markdown)
    st.markdown(for_page(markdown))
    st.markdown(for_page(signature.signature_markdown(snap, digest, c.lang, approvals)))
    st.caption(signature.fingerprint_note(digest, c.lang))


def _org(c: shell.Ctx, snap: Snapshot, side: Side) -> str:
    return labels.org_name(c, snap, side)


# -- the page's parts ---------------------------------------------------------------------


def signed_state(c: shell.Page, snap: Snapshot) -> None:
    """The "Underskrevet" state with both approvals and the reopen control; after a
    reopen, its confirmation."""
    editor.show_flash("s5_reopen")
    p = snap.project
    if p.signed_at is None:
        return
    with st.container(border=True, key="s5_signed"):
        editor.show_flash("s5_approve")
        st.success(f"**{c.t('s5.signed')}** · {fmt_datetime(p.signed_at, c.lang)}", icon=":material/verified:")
        for side in Side:
            a = latest(snap, side)
            if a is not None:
                by = c.t("s5.approved_by", name=usertext.plain(a.name), when=fmt_datetime(a.approved_at, c.lang))
                st.markdown(f"{usertext.plain(_org(c, snap, side))}: {by}")
        st.caption(c.t("s5.signed_lead"))
        if p.signed_hash not in hashes(snap).values():
            st.info(c.t("s5.signed_changed"), icon=":material/info:")
        if snap.may.reopen:  # the owner and the partner, until the project is closed (the store says so)
            _reopen_control(c)


def _reopen_control(c: shell.Page) -> None:
    if not ss.get("s5_reopen_ask"):
        st.button(c.t("s5.reopen"), key="s5_reopen", icon=":material/lock_open:",
                  on_click=lambda: ss.__setitem__("s5_reopen_ask", True))
        return
    st.warning(c.t("s5.reopen_warn"), icon=":material/warning:")
    sure = st.checkbox(c.t("s5.reopen_sure"), key="s5_reopen_sure")
    row = st.container(horizontal=True)
    row.button(c.t("s5.reopen_go"), key="s5_reopen_go", type="primary", disabled=not sure,
               icon=":material/lock_open:", on_click=_reopen, args=(c,))
    row.button(c.t("edit.cancel"), key="s5_reopen_cancel", on_click=_close_reopen)


def _close_reopen() -> None:
    ss.pop("s5_reopen_ask", None)
    ss.pop("s5_reopen_sure", None)


def _reopen(c: shell.Page) -> None:
    if editor.act(c, "s5_reopen", lambda: c.store.reopen(c.access, c.name), done=c.t("s5.reopened")):
        _close_reopen()


def follow_up(c: shell.Page, snap: Snapshot, others: list[Presence]) -> None:
    st.header(c.t("s5.h.follow_up"))
    editor.field_editor(c, snap, "s5_follow_up", readonly=locked(snap, "s5_follow_up"), others=others)
    st.markdown(f"**{c.t('s5.meetings')}**")
    if snap.may.add_tasks:
        st.caption(c.t("s5.meetings_lead"))
    tasks.task_list(c, snap, key="s5", kinds=(TaskKind.FOLLOW_UP,), default_kind=TaskKind.FOLLOW_UP)


def term(c: shell.Page, snap: Snapshot, others: list[Presence]) -> None:
    st.header(c.t("s5.h.term"))
    term_ui.period(c, snap)  # the structured period (issue 25)
    editor.field_editor(c, snap, "s5_term", readonly=locked(snap, "s5_term"), others=others)


def agreement_view(c: shell.Ctx, snap: Snapshot) -> None:
    """The generated agreement with its completeness and balance checks."""
    st.header(c.t("s5.h.agreement"))
    st.info(c.t("s5.nonbinding"), icon=":material/handshake:")
    left, right = st.columns(2, gap="large")
    with left:
        completeness(c, snap)
    with right:
        balance(c, snap)
    st.markdown(f"**{c.t('s5.text')}**")
    signed = signature.signed_version(snap)
    with st.container(border=True, height=620, key="s5_text"):
        if signed is not None:  # a signed agreement reads as the very text both approved
            show_document(c, snap, signed.markdown)
        else:
            show_document(c, snap, agreement.render_markdown(snap, c.lang))


def completeness(c: shell.Ctx, snap: Snapshot) -> None:
    st.markdown(f"**{c.t('s5.h.check')}**")
    blocking = set(agreement.missing_required(snap))
    lines = []
    for key, state in agreement.completeness(snap):
        line = f"{STATE_ICON[state]} {c.t(key)} – {c.t(f'agr.state.{state}')}"
        if key in blocking:
            line += f" · _{c.t('s5.required')}_"
        lines.append(line)
    st.markdown("  \n".join(lines))


def balance(c: shell.Ctx, snap: Snapshot) -> None:
    st.markdown(f"**{c.t('s5.h.balance')}**")
    st.caption(c.t("s5.balance_lead"))
    figures = agreement.balance(snap)
    sides = list(Side)
    # The first column has a header too: screen readers name each figure by its row and column.
    rows = [f"| {c.t('s5.balance_measure')} | {' | '.join(usertext.plain(_org(c, snap, s)) for s in sides)} |",
            "|---|" + "---:|" * len(sides)]
    for measure in ("tasks", "open", "responsible"):
        rows.append(f"| {c.t(f'agr.balance.{measure}')} | "
                    + " | ".join(str(figures[s][measure]) for s in sides) + " |")
    st.markdown("\n".join(rows))
    verdict, most = agreement.balance_verdict({s: figures[s]["open"] for s in sides})
    if verdict == "uneven" and most is not None:
        st.caption(":material/balance: " + c.t("s5.balance_uneven", org=usertext.plain(_org(c, snap, most))))
    elif verdict == "even":
        st.caption(":material/balance: " + c.t("s5.balance_even"))


def approval(c: shell.Page, snap: Snapshot) -> None:
    """Each side's latest approval (still valid or voided), and the approve control."""
    if snap.project.signed_at is not None:
        return
    st.header(c.t("s5.h.approval"))
    st.caption(c.t("s5.approval_lead"))
    current = hashes(snap)
    for col, side in zip(st.columns(2), Side, strict=True):
        with col.container(border=True, key=f"s5_side_{side.value}"):
            st.markdown(f"**{usertext.plain(_org(c, snap, side))}**")
            a = latest(snap, side)
            if a is None:
                st.caption(c.t("s5.not_approved"))
                continue
            st.markdown(c.t("s5.approved_by", name=usertext.plain(a.name), when=fmt_datetime(a.approved_at, c.lang)))
            if is_valid(snap, a, current):
                st.success(c.t("s5.valid"), icon=":material/check:")
            else:
                st.warning(c.t("s5.voided"), icon=":material/history:")
    own = snap.role.side
    if own is None:  # a viewer reads, never approves
        return
    if not snap.may_sign:  # a member: the owner's link signs for the association
        st.caption(c.t("s5.owner_signs"))
        return
    if snap.may.approve:
        _approve_box(c, snap, own, current)


def _approve_box(c: shell.Page, snap: Snapshot, side: Side, current: dict[str, str]) -> None:
    lang = approval_lang(snap, side, c.lang, current)
    text = texts(snap)[lang]
    editor.show_flash("s5_approve")
    with st.container(border=True, key="s5_approve_box"):
        if lang != c.lang:
            other = Side.PARTNER if side == Side.ASSOCIATION else Side.ASSOCIATION
            st.caption(c.t("s5.approve_lang", language=c.t(f"s5.lang.{lang}"),
                           org=usertext.plain(_org(c, snap, other))))
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        left.text_input(c.t("s5.approver", org=usertext.plain(_org(c, snap, side))), value=c.name, key="s5_approver",
                        max_chars=MAX_NAME)
        right.button(c.t("s5.approve"), key="s5_approve", type="primary", icon=":material/approval:",
                     on_click=_approve, args=(c, text, lang), width="stretch")


def _approve(c: shell.Page, seen: str, lang: str) -> None:
    k = "s5_approve"
    name = (ss.get("s5_approver") or "").strip()
    side = c.role.side
    fresh = editor.act(c, k, lambda: c.store.snapshot(c.access), named=False,
                       problem="" if name else c.t("err.required", what=c.t("what.approval.name")))
    if fresh is None:
        return
    gaps = agreement.missing_required(fresh.value)
    if gaps:
        editor.flash(k, "error", c.t("agr.blocked_by", items="; ".join(c.t(g) for g in gaps)))
        return
    text = agreement.render_markdown(fresh.value, lang)

    def approve() -> Snapshot:
        if text != seen:
            raise ValidationError("the agreement changed meanwhile", code="stale_agreement", what="agreement")
        c.store.approve(c.access, name, agreement.content_hash(text), text, c.name or name)
        return c.store.snapshot(c.access)

    approved = editor.act(c, k, approve, named=False)
    if approved is None:
        return
    after = approved.value
    # The approval that signs it says nothing of its own: the signed state's green box is
    # its message (one message per action, not two saying the same).
    if after.project.signed_at is None and side is not None:
        other = Side.PARTNER if side == Side.ASSOCIATION else Side.ASSOCIATION
        editor.flash(k, "success", c.t("s5.approved", org=usertext.plain(_org(c, after, side)),
                                                    other=usertext.plain(_org(c, after, other))))


def exports(c: shell.Ctx, snap: Snapshot) -> None:
    st.header(c.t("s5.h.export"))
    st.caption(c.t("s5.export_lead"))
    file_links.row(download_links(c, snap, key="s5_dl", with_tasks=True))


def versions(c: shell.Page, snap: Snapshot) -> None:
    """Every signed version, newest first, readable and downloadable."""
    st.header(c.t("s5.h.versions"))
    if not snap.signed_versions:
        st.caption(c.t("s5.no_versions"))
        return
    ordered = sorted(snap.signed_versions, key=lambda v: v.signed_at, reverse=True)
    given = _all_approvals(c, snap)
    for v in ordered:
        _version(c, snap, v, given, current=snap.project.signed_at is not None and v is ordered[0]
                 and v.content_hash == snap.project.signed_hash)


def _all_approvals(c: shell.Page, snap: Snapshot) -> list[Approval]:
    """The live approvals plus those a reopen cleared (read back from the history), so
    an older signed version still names who signed it."""
    try:
        past = signature.approvals_from_history(c.store.history(c.access))
    except PartnershipError:
        past = []
    seen = {a.id for a in snap.approvals}
    return [*snap.approvals, *(a for a in past if a.id not in seen)]


def _version(c: shell.Ctx, snap: Snapshot, v: AgreementVersion, given: list[Approval], *, current: bool) -> None:
    label = c.t("s5.version", when=fmt_datetime(v.signed_at, c.lang))
    if current:
        label += f" · {c.t('s5.version_current')}"
    box = lazy.expander(label, key=f"s5_v_{v.id}_open", icon=":material/verified:")
    if box is None:
        return
    with box:
        file_links.row(download_links(c, snap, key=f"s5_v_{v.id}", version=v))
        with st.container(border=True):
            show_document(c, snap, v.markdown, given)
