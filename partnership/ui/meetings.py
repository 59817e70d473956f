"""The follow-up meetings on the timeline page (its tab "Møder"): the follow-up plan's
rhythm, planning a meeting, its agenda, and the minutes written together during it.

Every write is compare-and-set (``partnership.meetings``; the SQL functions hold the
rules). The minutes are edited like a field (``editor``): inline, the version captured
when editing starts, a stale save shown in the conflict panel (``conflict``) with both
texts; the other side's saves arrive by the live push, which reruns the page. A task
from the minutes is a real task (``Store.meeting_task``) and shows on the timeline.

Widget keys: rhythm form ``mt_r_<field>`` (submit ``mt_r_submit``), new meeting
``mt_new_<field>`` (submit ``mt_new_submit``), the meeting shown ``mt_pick``; per meeting
``<id>``: agenda ``mt_agenda_<id>`` (``mt_propose_<id>``, ``mt_agenda_save_<id>``),
minutes container ``f_mm_<id>`` (text ``fe_mm_<id>_text``, ``fe_mm_<id>_edit``/``_save``/
``_cancel``), decision ``mt_dec_<id>`` (``mt_dec_add_<id>``), task form ``mt_task_<id>_<field>``
(``mt_task_<id>_submit``), the pack's link ``mt_pack``; cancelling: ``ui/meeting_cancel.py``.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

import streamlit as st

from partnership import downloads, meetings
from partnership.errors import Conflict
from partnership.i18n import fmt_date, fmt_datetime
from partnership.meetings import Meeting, Meetings
from partnership.model import Side, Snapshot
from partnership.ui import conflict as conflict_panel
from partnership.ui import datefield, editor, file_links, labels, lazy, live, meeting_cancel, shell
from partnership.usertext import plain

ss = st.session_state


def section(c: shell.Page, snap: Snapshot, today: date | None = None) -> None:
    """The whole tab: rhythm, a new meeting, and the chosen meeting with its minutes."""
    today = today or date.today()
    book = c.store.meetings(c.access)
    st.header(c.t("mt.title"))
    st.caption(c.t("mt.lead"))
    writer = snap.may.meetings  # the store says (Snapshot.may)
    _rhythm(c, snap, book, writer)
    if writer:
        _new_meeting(c, snap, book, today)
    if not book.meetings:
        st.info(c.t("mt.none"), icon=":material/event_available:")
        return
    chosen = _pick(c, book, today)
    _meeting(c, snap, book, chosen, writer)


# -- the rhythm --------------------------------------------------------------------------


def _rhythm(c: shell.Page, snap: Snapshot, book: Meetings, writer: bool) -> None:
    st.subheader(c.t("mt.rhythm"))
    rhythm = book.rhythm
    if rhythm is not None and rhythm.active:
        st.markdown(plain(meetings.rhythm_text(rhythm, c.lang)))
    else:
        st.caption(c.t("mt.rhythm_none"))
    if not writer:
        return
    editor.show_flash("mt_r")
    box = lazy.expander(c.t("mt.rhythm_edit"), key="mt_r_open", icon=":material/event_repeat:")
    if box is None:
        return
    with box, st.form("mt_r_form", border=False):
        a, b, d = st.columns(3)
        a.number_input(c.t("mt.every_weeks"), min_value=1, max_value=52, step=1,
                       value=rhythm.every_weeks if rhythm else 6, key="mt_r_weeks")
        b.selectbox(c.t("mt.weekday"), options=list(range(7)), index=rhythm.weekday if rhythm else 1,
                    key="mt_r_weekday", format_func=lambda v: c.t(f"mt.weekday.{v}"))
        d.text_input(c.t("mt.time"), value=f"{rhythm.time:%H.%M}" if rhythm else "17.00", key="mt_r_time",
                     placeholder="17.00")
        e, f = st.columns(2)
        e.number_input(c.t("mt.duration"), min_value=15, max_value=720, step=15,
                       value=rhythm.duration if rhythm else 60, key="mt_r_duration")
        f.text_input(c.t("mt.place"), value=rhythm.place if rhythm else "", key="mt_r_place", max_chars=500)
        _people(c, snap, "mt_r_people", rhythm.participants if rhythm else ())
        datefield.date_input(c, c.t("mt.until"), "mt_r_until", in_form=True)
        st.form_submit_button(c.t("mt.rhythm_save"), key="mt_r_submit", type="primary", on_click=_save_rhythm,
                              args=(c, rhythm.version if rhythm else 0))


def _people(c: shell.Ctx, snap: Snapshot, key: str, chosen: tuple[str, ...]) -> None:
    options = [p for p in labels.people_options(snap) if p]
    st.multiselect(c.t("mt.participants"), options=options, default=[p for p in chosen if p in options], key=key,
                   format_func=lambda pid: labels.person_label(c, snap, pid), placeholder=c.t("mt.nobody"),
                   select_all=False)


def _save_rhythm(c: shell.Page, version: int) -> None:
    until, problem = datefield.read(c, "mt_r_until", c.t("mt.until"))
    fields: dict[str, Any] = {
        "every_weeks": int(ss.get("mt_r_weeks") or 6), "weekday": int(ss.get("mt_r_weekday") or 0),
        "time": str(ss.get("mt_r_time") or "").strip(), "duration": int(ss.get("mt_r_duration") or 60),
        "place": ss.get("mt_r_place") or "", "participants": list(ss.get("mt_r_people") or []),
    }
    if until is not None:
        fields["until"] = until
    editor.act(c, "mt_r", lambda: c.store.set_meeting_rhythm(c.access, fields, version, c.name), problem=problem,
               done=c.t("mt.rhythm_saved"))


# -- a new meeting -------------------------------------------------------------------------


def _new_meeting(c: shell.Page, snap: Snapshot, book: Meetings, today: date) -> None:
    editor.show_flash("mt_new")
    box = lazy.expander(c.t("mt.new"), key="mt_new_open", icon=":material/add:")
    if box is None:
        return
    with box, st.form("mt_new_form", border=False):
        a, b, d = st.columns(3)
        with a:
            datefield.date_input(c, c.t("mt.day"), "mt_new_day", in_form=True)
        b.text_input(c.t("mt.time"), key="mt_new_time", placeholder="17.00")
        d.number_input(c.t("mt.duration"), min_value=15, max_value=720, step=15, value=60, key="mt_new_duration")
        st.text_input(c.t("mt.place"), key="mt_new_place", max_chars=500, placeholder=c.t("mt.place_hint"))
        _people(c, snap, "mt_new_people", ())
        st.form_submit_button(c.t("mt.add"), key="mt_new_submit", type="primary", on_click=_add, args=(c, snap, book))


def _add(c: shell.Page, snap: Snapshot, book: Meetings) -> None:
    day, problem = datefield.read(c, "mt_new_day", c.t("mt.day"))
    if day is None and not problem:
        problem = c.t("err.required", what=c.t("what.meeting.day"))
    at = str(ss.get("mt_new_time") or "").strip()
    if not problem and not at:
        problem = c.t("err.required", what=c.t("what.meeting.time"))

    def add() -> Meeting:
        fields: dict[str, Any] = {"day": day, "time": at, "duration": int(ss.get("mt_new_duration") or 60),
                                  "place": ss.get("mt_new_place") or "",
                                  "participants": list(ss.get("mt_new_people") or [])}
        draft = Meeting("", day or date.today(), time(0))
        fields["agenda"] = meetings.propose_agenda(snap, book, draft, c.lang)
        return c.store.add_meeting(c.access, fields, c.name)

    made = editor.act(c, "mt_new", add, problem=problem, done=c.t("mt.added"))
    if made:
        ss["mt_pick"] = made.value.id
        editor.reset_form("mt_new", {"day": "", "time": "", "place": "", "people": []})


# -- one meeting -----------------------------------------------------------------------------


def _pick(c: shell.Ctx, book: Meetings, today: date) -> Meeting:
    ids = [m.id for m in book.meetings]
    coming = book.coming(today)
    if ss.get("mt_pick") not in ids:
        ss["mt_pick"] = coming[0].id if coming else ids[-1]
    labels_by_id = {m.id: meeting_cancel.label(c, m, meetings.when_text(m, c.lang)) for m in book.meetings}
    picked = st.selectbox(c.t("mt.pick"), options=ids, key="mt_pick", format_func=lambda i: labels_by_id[i])
    return book.get(picked) or book.meetings[0]


def _meeting(c: shell.Page, snap: Snapshot, book: Meetings, m: Meeting, writer: bool) -> None:
    names = {p.id: p.name for p in snap.people}
    with st.container(border=True, key=f"mt_box_{m.id}"):
        st.subheader(meetings.when_text(m, c.lang))
        meeting_cancel.status(c, m, writer)  # cancel or hold one meeting (issue 25)
        if m.place.strip():
            st.markdown(f"**{c.t('mt.place')}:** {plain(m.place)}")
        who = [plain(names[p]) for p in m.participants if p in names]
        st.markdown(f"**{c.t('mt.participants')}:** {', '.join(who) or c.t('mt.nobody')}")
        token = c.access.token
        file_links.show(file_links.FileLink(
            "mt_pack", c.t("mt.pack"), file_links.url(token, "meeting.html", c.lang, meeting_id=m.id),
            downloads.file_name(snap, "meeting.html", c.lang, suffix=m.day.isoformat())))
        _agenda(c, snap, book, m, writer)
        st.markdown(f"#### {c.t('mt.minutes')}")
        _minutes(c, m, writer)
        _decisions(c, m, writer)
        _tasks(c, snap, m, writer)


def _agenda(c: shell.Page, snap: Snapshot, book: Meetings, m: Meeting, writer: bool) -> None:
    st.markdown(f"#### {c.t('mt.agenda')}")
    if not writer:
        st.markdown("\n".join(f"{n}. {plain(p)}" for n, p in enumerate(m.agenda, 1)) or c.t("mt.agenda_empty"))
        return
    key = f"mt_agenda_{m.id}"
    stored = "\n".join(m.agenda)
    if ss.get(f"{key}_base") != m.version:
        if key not in ss or ss.get(key) == ss.get(f"{key}_orig"):  # untouched here: show the newer agenda
            ss[key] = stored
            ss[f"{key}_orig"] = stored
            ss[f"{key}_base"] = m.version
        elif ss.get(f"{key}_orig") != stored:
            st.info(c.t("edit.moved_on", who=plain(m.updated_by), when=fmt_datetime(m.updated_at, c.lang)),
                    icon=":material/update:")
    editor.show_flash(key)
    st.text_area(c.t("mt.agenda_help"), key=key, height=160)
    row = editor.button_row()
    row.button(c.t("mt.agenda_save"), key=f"mt_agenda_save_{m.id}", type="primary", on_click=_save_agenda,
               args=(c, m))
    row.button(c.t("mt.propose"), key=f"mt_propose_{m.id}", icon=":material/auto_awesome:", on_click=_propose,
               args=(c, snap, book, m))


def _propose(c: shell.Ctx, snap: Snapshot, book: Meetings, m: Meeting) -> None:
    ss[f"mt_agenda_{m.id}"] = "\n".join(meetings.propose_agenda(snap, book, m, c.lang))


def _save_agenda(c: shell.Page, m: Meeting) -> None:
    key = f"mt_agenda_{m.id}"
    points = [line.strip() for line in str(ss.get(key) or "").splitlines() if line.strip()]
    version = ss.get(f"{key}_base", m.version)
    if editor.act(c, key, lambda: c.store.update_meeting(c.access, m.id, {"agenda": points}, version, c.name),
                  done=c.t("mt.agenda_saved")):
        ss.pop(f"{key}_base", None)
        ss[f"{key}_orig"] = ss.get(key)


def _minutes(c: shell.Page, m: Meeting, writer: bool) -> None:
    key = f"mm_{m.id}"
    with st.container(key=f"f_{key}", border=True):
        editor.show_flash(key)
        found = ss.get(f"fe_{key}_conflict")
        if found:
            conflict_panel.field_panel(c, key, found, _keep_mine, _take_theirs, _merge)
        elif ss.get(f"fe_{key}_open") and writer:
            live.mark_open(f"re_meeting_{m.id}")
            if m.notes_version != ss.get(f"fe_{key}_base", 0):
                st.info(c.t("edit.moved_on", who=plain(m.notes_by), when=fmt_datetime(m.notes_at, c.lang)),
                        icon=":material/update:")
            st.text_area(c.t("mt.minutes"), key=f"fe_{key}_text", height=200, label_visibility="collapsed")
            row = editor.button_row()
            row.button(c.t("edit.save"), key=f"fe_{key}_save", type="primary", icon=":material/save:",
                       on_click=_save_open, args=(key,))
            row.button(c.t("edit.cancel"), key=f"fe_{key}_cancel", on_click=_close, args=(key,))
        else:
            with st.container(key=f"mt_notes_{m.id}"):
                st.text(m.notes or c.t("mt.minutes_empty"))
            if m.notes_by:
                st.caption(c.t("mt.minutes_by", who=plain(m.notes_by), when=fmt_datetime(m.notes_at, c.lang)))
            if writer:
                st.button(c.t("edit.edit"), key=f"fe_{key}_edit", icon=":material/edit:", on_click=_start,
                          args=(key, m.id))


def _start(key: str, meeting_id: str) -> None:
    """Open the minutes with the text stored now (the other side may have saved since)."""
    c = shell.current()
    now = c.store.meetings(c.access).get(meeting_id)
    ss[f"fe_{key}_text"] = now.notes if now else ""
    ss[f"fe_{key}_base"] = now.notes_version if now else 0
    ss[f"fe_{key}_open"] = True


def _close(key: str) -> None:
    for suffix in ("_open", "_base", "_conflict"):
        ss.pop(f"fe_{key}{suffix}", None)
    live.mark_closed(f"re_meeting_{key.removeprefix('mm_')}")


def _save(key: str, text: str, version: int) -> None:
    c = shell.current()

    def keep_both(exc: Conflict) -> None:
        cur = exc.current
        ss[f"fe_{key}_conflict"] = {"mine": text, "theirs": str(cur.value or ""), "version": cur.version,
                                    "by": cur.updated_by, "at": cur.updated_at}

    def save() -> int:
        live.leaving(c)
        return c.store.meeting_notes(c.access, key.removeprefix("mm_"), text, version, c.name)

    if editor.act(c, key, save, done=c.t("edit.saved"), conflict=keep_both):
        _close(key)


def _save_open(key: str) -> None:
    _save(key, ss.get(f"fe_{key}_text", ""), ss.get(f"fe_{key}_base", 0))


def _keep_mine(key: str) -> None:
    found = ss.pop(f"fe_{key}_conflict")
    ss[f"fe_{key}_text"], ss[f"fe_{key}_base"] = found["mine"], found["version"]
    _save(key, found["mine"], found["version"])


def _take_theirs(key: str) -> None:
    _close(key)
    editor.flash(key, "info", shell.current().t("conflict.took_theirs"))


def _merge(key: str) -> None:
    found = ss.pop(f"fe_{key}_conflict")
    ss[f"fe_{key}_text"] = f"{found['theirs']}\n\n{found['mine']}"
    ss[f"fe_{key}_base"] = found["version"]
    ss[f"fe_{key}_open"] = True


def _decisions(c: shell.Page, m: Meeting, writer: bool) -> None:
    st.markdown(f"#### {c.t('mt.decisions')}")
    with st.container(key=f"mt_decisions_{m.id}"):
        st.markdown("\n".join(f"- {plain(d)}" for d in m.decisions) or c.t("mt.decisions_none"))
    if not writer:
        return
    key = f"mt_dec_{m.id}"
    editor.show_flash(key)
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
    row.text_input(c.t("mt.decision_new"), key=key, max_chars=1000)
    row.button(c.t("mt.decision_add"), key=f"mt_dec_add_{m.id}", icon=":material/gavel:", on_click=_add_decision,
               args=(c, m))


def _add_decision(c: shell.Page, m: Meeting) -> None:
    key = f"mt_dec_{m.id}"
    text = str(ss.get(key) or "").strip()
    problem = "" if text else c.t("err.required", what=c.t("what.meeting.decisions"))
    changes = {"decisions": [*m.decisions, text]}
    if editor.act(c, key, lambda: c.store.update_meeting(c.access, m.id, changes, m.version, c.name),
                  problem=problem, done=c.t("mt.decision_added")):
        ss[key] = ""


def _tasks(c: shell.Page, snap: Snapshot, m: Meeting, writer: bool) -> None:
    st.markdown(f"#### {c.t('mt.tasks')}")
    made = [x for x in snap.tasks if x.id in m.task_ids]
    names = {p.id: p.name for p in snap.people}
    with st.container(key=f"mt_tasks_{m.id}"):
        st.markdown("\n".join(
            f"- {plain(x.title)} – {plain(names.get(x.responsible, '') or c.t('timeline.unassigned'))}"
            + (f", {fmt_date(x.due, c.lang)}" if x.due else "") for x in made) or c.t("mt.tasks_none"))
    if not writer:
        return
    k = f"mt_task_{m.id}"
    editor.show_flash(k)
    with st.form(f"{k}_form", border=False):
        title, who, due = st.columns([3, 2, 2])
        title.text_input(c.t("tasks.f.title"), key=f"{k}_title", max_chars=200)
        who.selectbox(c.t("tasks.f.responsible"), options=labels.people_options(snap), key=f"{k}_who",
                      format_func=lambda pid: labels.person_label(c, snap, pid))
        with due:
            datefield.date_input(c, c.t("tasks.f.due"), f"{k}_due", in_form=True)
        st.form_submit_button(c.t("mt.task_add"), key=f"{k}_submit", icon=":material/add_task:",
                              on_click=_add_task, args=(c, snap, m))


def _add_task(c: shell.Page, snap: Snapshot, m: Meeting) -> None:
    k = f"mt_task_{m.id}"
    title = str(ss.get(f"{k}_title") or "").strip()
    due, problem = datefield.read(c, f"{k}_due", c.t("tasks.f.due"))
    who = ss.get(f"{k}_who") or ""
    person = snap.person(who) if who else None
    side = person.side if person is not None else (snap.role.side or Side.ASSOCIATION)
    fields = {"title": title, "responsible": who, "due": due, "side": side.value,
              "note": c.t("mt.task_note", date=fmt_date(m.day, c.lang))}
    problem = ("" if title else c.t("err.required", what=c.t("what.task.title"))) or problem
    if editor.act(c, k, lambda: c.store.meeting_task(c.access, m.id, fields, m.version, c.name), problem=problem,
                  done=c.t("mt.task_added", title=plain(title))):
        editor.reset_form(k, {"title": "", "due": "", "who": ""})

