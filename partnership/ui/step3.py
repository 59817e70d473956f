"""Step 3: the contact e-mail, the first meeting's people, plan B, follow-up, the answer."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import streamlit as st

from partnership import contact, validation
from partnership.i18n import fmt_date
from partnership.model import Candidate, CandidateStatus, Person, Side, Snapshot, Task
from partnership.steps import MAX_NAME
from partnership.ui import datefield, editor, links, shell
from partnership.usertext import plain

ss = st.session_state


def chosen(c: shell.Ctx, snap: Snapshot) -> Candidate | None:
    cand = contact.chosen(snap)
    if cand is None:
        st.info(c.t("s3.none_chosen"))
        st.page_link(c.pages["step2"], label=c.t("step.2.title"), icon=":material/arrow_back:",
                     query_params=shell.url_params(c))
    else:
        st.header(c.t("s3.chosen", name=plain(cand.name)))
    return cand


def website(c: shell.Page, snap: Snapshot) -> None:
    p = snap.project
    k = editor.record_key("project", "website")
    editor.show_flash(k)

    def save(changes: dict[str, Any], version: int) -> Any:
        return c.store.update_project(c.access, changes, version, c.name)

    if editor.record_conflict(c, "project", "website", save, lambda n: c.t("s3.website"), lambda n, v: str(v)):
        return
    if editor.record_open("project", "website"):
        st.text_input(c.t("s3.website"), key=f"{k}_website", max_chars=MAX_NAME, help=c.t("s3.website_help"),
                      placeholder="https://")
        a, b, _ = st.columns([1, 1, 4])
        a.button(c.t("edit.save"), key=f"{k}_save", type="primary", on_click=lambda: editor.save_record(
            "project", "website", editor.record_values("project", "website", ["website"]), save))
        b.button(c.t("edit.cancel"), key=f"{k}_cancel", on_click=editor.close_record, args=("project", "website"))
        return
    left, right = st.columns([5, 1], vertical_alignment="center")
    left.markdown(f"**{c.t('s3.website')}:** {plain(p.website, '–')}")
    right.button(c.t("edit.edit"), key=f"{k}_edit", icon=":material/edit:", on_click=editor.start_record,
                 args=("project", "website", p.version, {"website": p.website}))


def email(c: shell.Page, snap: Snapshot, cand: Candidate | None) -> None:
    fv = snap.field("s3_email")
    draft = contact.draft_email(snap, cand, c.lang, c.name)
    st.button(c.t("s3.draft"), key="s3_draft", icon=":material/auto_fix_high:", help=c.t("s3.draft_help"),
              on_click=editor.start_field, args=("s3_email", draft, fv.version))
    editor.field_editor(c, snap, "s3_email", height=320)
    text = fv.value.strip()
    if text:
        # The text is on the page already (the field above); a copy button, not a code
        # block: the code block's 1.5 MB highlighter cost the page's first load ~0.4 s.
        copy, send = st.columns([1, 3], vertical_alignment="center")
        with copy:
            links.copy_button(c, text, key="s3_copy", words=("s3.copy", "s3.copy_failed"))
        send.link_button(c.t("s3.mailto"), contact.mailto(c.t("s3.subject"), text), icon=":material/send:")


def meeting_people(c: shell.Page, snap: Snapshot) -> None:
    st.header(c.t("s3.people"))
    st.caption(c.t("s3.people_lead"))
    ours = [p for p in snap.people if p.side is Side.ASSOCIATION]
    editor.show_flash("s3_people")
    for person in ours:
        st.checkbox(plain(person.name) + (f" · {plain(person.title)}" if person.title else ""),
                    value=person.first_meeting,
                    key=f"s3_meet_{person.id}_{person.version}", on_change=_toggle_meeting, args=(c, person))
    count = sum(p.first_meeting for p in ours)
    if not 2 <= count <= 3:
        st.caption(c.t("s3.people_count", n=count))
    if ss.pop("s3_p_clear", False):  # cleared only after a save: a refusal keeps what was typed
        editor.reset_form("s3_p", {"name": "", "title": "", "contact": "", "consent": False, "meet": True})
    with st.form("s3_add_person", border=True):
        a, b, d = st.columns(3)
        name = a.text_input(c.t("s3.person_name"), max_chars=MAX_NAME, key="s3_p_name")
        title = b.text_input(c.t("s3.person_title"), max_chars=MAX_NAME, key="s3_p_title")
        reach = d.text_input(c.t("s3.person_contact"), max_chars=MAX_NAME, key="s3_p_contact")
        st.caption(c.t("s3.people_private"))
        consent = st.checkbox(c.t("people.consent"), key="s3_p_consent")
        meet = st.checkbox(c.t("s3.in_meeting"), value=True, key="s3_p_meet")
        submitted = st.form_submit_button(c.t("s3.add_person"), icon=":material/person_add:")
    if submitted and editor.act(
        c, None, lambda: c.store.add_person(c.access, {"name": name, "side": "association", "title": title,
                                                       "contact": reach, "contact_consent": consent,
                                                       "first_meeting": meet}, c.name),
        problem="" if name.strip() else c.t("err.required", what=c.t("what.person.name")),
    ):
        ss["s3_p_clear"] = True
        st.rerun()


def _toggle_meeting(c: shell.Page, person: Person) -> None:
    editor.act(c, "s3_people", lambda: c.store.update_person(
        c.access, person.id, {"first_meeting": not person.first_meeting}, person.version, c.name))


def plan_b(c: shell.Page, snap: Snapshot, cand: Candidate | None) -> None:
    editor.field_editor(c, snap, "s3_plan_b")
    rest = [x for x in snap.candidates if x.status is CandidateStatus.ACTIVE and (cand is None or x.id != cand.id)]
    if rest:
        with st.expander(c.t("s3.plan_b_list"), icon=":material/list:"):
            for x in sorted(rest, key=lambda x: (x.priority or 99, x.position)):
                prio = f" · {c.t('s2.priority')} {x.priority}" if x.priority else ""
                st.markdown(f"- {plain(x.name)}{prio}")


def follow_up(c: shell.Page, snap: Snapshot, cand: Candidate | None, today: date) -> None:
    st.header(c.t("s3.follow_up"))
    st.caption(c.t("s3.follow_up_lead"))
    for task in open_follow_ups(snap):
        person = snap.person(task.responsible) if task.responsible else None
        by = fmt_date(task.due, c.lang) or c.t("s3.no_date")
        said = c.t("s3.follow_up_set", who=plain(person.name), when=by) if person else \
            c.t("s3.follow_up_unowned", when=by)  # an older follow-up, saved before one was required
        st.markdown(":material/event: " + said + f" · {plain(task.title)}")
    if ss.get("s3_need_date") and cand is not None:
        st.warning(c.t("s3.new_date", name=plain(cand.name)), icon=":material/event:")
    ours = [p for p in snap.people if p.side is Side.ASSOCIATION]
    ss.setdefault("s3_fu_date", today + timedelta(days=7))
    with st.form("s3_follow_up", border=True):
        a, b = st.columns(2)
        names = {p.id: p.name for p in ours}
        who = a.selectbox(c.t("s3.responsible"), options=["", *names], key="s3_fu_who",
                          format_func=lambda pid: names.get(pid) or c.t("s3.nobody"))
        with b:
            datefield.date_input(c, c.t("s3.follow_up_date"), "s3_fu_date", in_form=True)
        submitted = st.form_submit_button(c.t("s3.save_follow_up"), icon=":material/event_available:")
    if not submitted:
        return
    title = c.t("s3.follow_up_title", name=cand.name if cand else c.t("mail.you"))
    when, problem = datefield.read(c, "s3_fu_date", c.t("s3.follow_up_date"))

    def add() -> Task:
        fields = validation.task_changes({"title": title[:MAX_NAME], "kind": "follow_up", "internal": True,
                                          "side": "association", "responsible": who, "due": when}, today=today)
        validation.task_responsible(fields["kind"], fields["responsible"])
        return c.store.add_task(c.access, fields, c.name)

    if editor.act(c, None, add, problem=problem or ("" if when else c.t("s3.need_date"))):
        ss.pop("s3_need_date", None)
        st.rerun()


def open_follow_ups(snap: Snapshot) -> list[Any]:
    return [t for t in snap.tasks if contact.is_open_follow_up(t)]


def answer(c: shell.Page, snap: Snapshot, cand: Candidate | None) -> None:
    """The partner's answer: a yes makes them the partner, a no moves on to plan B."""
    st.header(c.t("s3.answer"))
    just_said = editor.show_flash("s3_answer") == "success"  # the yes's own message: one message per action
    if snap.project.partner_org:
        if not just_said:
            st.success(c.t("s3.partner_is", name=plain(snap.project.partner_org)), icon=":material/handshake:")
        links.invite(c, snap)
        st.page_link(c.pages["step4"], label=c.t("step.4.title"), icon=":material/arrow_forward:",
                     query_params=shell.url_params(c))
        return
    if cand is None:
        return
    yes, no = st.columns(2)
    yes.button(c.t("s3.said_yes", name=plain(cand.name)), key="s3_yes", icon=":material/thumb_up:", type="primary",
               on_click=_said_yes, args=(c, snap, cand))
    no.button(c.t("s3.said_no", name=plain(cand.name)), key="s3_no", icon=":material/thumb_down:",
              on_click=_said_no, args=(c, snap, cand))


def _said_yes(c: shell.Page, snap: Snapshot, cand: Candidate) -> None:
    editor.act(c, "s3_answer",  # one transaction: the partner's name, and the open follow-ups closed
               lambda: c.store.said_yes(c.access, cand.id, snap.project.version, c.name),
               done=c.t("s3.yes_done", name=plain(cand.name)))


def _said_no(c: shell.Page, snap: Snapshot, cand: Candidate) -> None:
    """Record the refusal (which also closes the open follow-ups), promote the next
    candidate, redraft the e-mail for them and ask for a new follow-up date."""
    following = contact.chosen(snap, passing_over=cand.id)
    draft = contact.draft_email(snap, following, c.lang, c.name) if following else None
    refusal = editor.act(c, "s3_answer", lambda: c.store.record_refusal(
        c.access, cand.id, cand.version, c.name, email=draft, email_version=snap.field("s3_email").version))
    if refusal is None:
        return
    nxt = refusal.value
    if nxt is None:
        editor.flash("s3_answer", "info", c.t("s3.no_more"))
    else:
        ss["s3_need_date"] = True
        editor.flash("s3_answer", "success", c.t("s3.no_done", name=plain(nxt.name)))
        if following is None or nxt.id != following.id:
            # Someone re-ranked the list meanwhile: offer the draft for whoever is next now.
            fresh = c.store.snapshot(c.access)
            editor.start_field("s3_email", contact.draft_email(fresh, nxt, c.lang, c.name),
                               fresh.field("s3_email").version)
