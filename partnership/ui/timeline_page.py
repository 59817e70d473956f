"""The timeline page: the tasks of the partnership on a Plotly timeline with lanes and
filters, the task list (create, edit, close: ``partnership.ui.tasks``) and the calendar
downloads. The health check has its own module (``health_page``).

The figure is built only when what it shows changes: it is kept in session state under
the project, revision, language, lanes, filters and day it was drawn for, so a rerun
for any other reason (a widget elsewhere, the live poller's presence line) reuses it.
The chart is an SVG picture of the same timeline (``charts``), kept the same way, until
the reader asks for the interactive Plotly chart (button ``tl_interactive``).

Widget keys: lanes ``tl_lanes``; window ``tl_window`` (``time_window``); filters ``tl_f_side``, ``tl_f_person``,
``tl_f_status``, ``tl_f_kind`` (reset button ``tl_f_reset``); chart ``tl_chart`` (its
picture ``tl_picture``, the button asking for the chart ``tl_interactive``); task
list prefix ``tl`` (one block: ``task_block``, its editor ``tasks``); calendar
``tl_ics_all``, ``tl_ics_person`` (select) and ``tl_ics_one``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from partnership import downloads, funding, timeline, timeline_reduce
from partnership.i18n import fmt_datetime, t
from partnership.model import Role, Side, Snapshot, Task, TaskKind, TaskStatus
from partnership.render import timeline_chart, timeline_svg, timeline_svg_narrow
from partnership.steps import AGREEMENT_TASK_KINDS
from partnership.timeline_window import Window
from partnership.ui import charts, file_links, labels, paging, shell, task_block, tasks, time_window

ss = st.session_state

KEY = "tl"
FIGURE = "tl_figure"
"""Session-state key of the cached figure: ``(cache key, figure)``."""
PICTURE = "tl_picture_svg"
"""Session-state key of the cached SVG picture: ``(cache key, svg)``."""
PLOTLY_CONFIG: dict[str, Any] = {
    # No Plotly toolbar: its zoom/pan/lasso tools are not what a volunteer needs, its
    # tooltips are English, and on a phone it covered the legend. The calendar and the
    # task list below the chart are the ways out; hovering a bar shows its full title.
    "displayModeBar": False,
    "displaylogo": False,
    "scrollZoom": False,
}
FILTERS = ("side", "person", "status", "kind")


# -- what the page shows (pure) ---------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """The lanes and filters the reader chose; an empty filter shows everything."""

    lanes: timeline.LaneMode = "person"
    sides: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    window: Window | None = None
    """The stretch of time shown (``time_window``); None: everything."""

    @property
    def active(self) -> int:
        """How many filters narrow the tasks."""
        return sum(1 for chosen in (self.sides, self.people, self.statuses, self.kinds) if chosen)

    def apply(self, found: Sequence[Task]) -> list[Task]:
        return timeline.filter_tasks(found, sides=self.sides, people=self.people, statuses=self.statuses,
                                     kinds=self.kinds)

    def cache_key(self) -> tuple[Any, ...]:
        return (self.lanes, *(tuple(sorted(x)) for x in (self.sides, self.people, self.statuses, self.kinds)),
                self.window)


def agreement_period(snap: Snapshot) -> tuple[date | None, date | None]:
    """The period the signed agreement covers, as far as the data tells: from the day it
    was signed to the last date of its agreed activities, milestones and follow-up
    meetings. (None, None) while it is not signed; no end when no agreed task has a date
    on or after the signing day."""
    if snap.project.signed_at is None:
        return None, None
    start = snap.project.signed_at.astimezone(UTC).date()
    if snap.term.end is not None:  # issue 25: the period the sides agreed on
        return snap.term.start or min(start, snap.term.end), snap.term.end
    dates = [d for x in snap.tasks if x.kind.value in AGREEMENT_TASK_KINDS and not x.internal
             for d in (x.start, x.due) if d is not None]
    end = max(dates, default=None)
    return start, end if end is not None and end >= start else None


def ordered(found: Sequence[Task]) -> list[Task]:
    """Open tasks first, earliest date first; done tasks last."""
    def first(task: Task) -> date:
        return task.start or task.due or date.max

    return sorted(found, key=lambda x: (x.status is TaskStatus.DONE, first(x), x.due or date.max,
                                        x.title.casefold()))


def _drawn(snap: Snapshot, view: View, today: date, lang: str) -> tuple[list[Task], dict[str, Any]]:
    """What the chart draws: the tasks ``view`` lets through (summarised when there are
    many), and the rest of the drawing's arguments."""
    shown, _ = timeline_reduce.reduce_tasks(view.apply(drawn_tasks(snap, lang)), lanes=view.lanes,
                                            label=lambda n: t("limits.bucket", lang, n=n))
    return shown, {"today": today, "lang": lang, "lanes": view.lanes, "period": agreement_period(snap),
                   "our_org": snap.project.our_org, "partner_org": snap.project.partner_org, "window": view.window}


def figure(snap: Snapshot, view: View, today: date, lang: str, narrow: bool = False) -> go.Figure:
    """The timeline as a Plotly figure; ``narrow``: laid out for a phone's width."""
    shown, drawing = _drawn(snap, view, today, lang)
    return timeline_chart.timeline_figure(shown, snap.people, **drawing, narrow=narrow)


def picture(snap: Snapshot, view: View, today: date, lang: str) -> str:
    """The same timeline as an SVG picture (``charts``: shown until the reader asks for Plotly),
    drawn twice: wide, with the lanes on the left, and narrow, with the lanes stacked, for
    a phone. The screen's width picks one (``phone.css``): the server cannot know it."""
    shown, drawing = _drawn(snap, view, today, lang)
    return (f'<div class="tl-wide">{timeline_svg.timeline_svg(shown, snap.people, **drawing)}</div>'
            f'<div class="tl-narrow">{timeline_svg_narrow.narrow_svg(shown, snap.people, **drawing)}</div>')


def chart_inputs(snap: Snapshot) -> tuple[Any, ...]:
    """What the figure is drawn from: the tasks and people (by version), the two
    organisations and the agreement period."""
    p = snap.project
    return (p.id, p.our_org, p.partner_org, p.signed_at, tuple((x.id, x.version) for x in snap.tasks),
            tuple((x.id, x.version) for x in snap.people), tuple((a.id, a.version) for a in snap.funding),
            snap.term.start, snap.term.end)


def drawn_tasks(snap: Snapshot, lang: str) -> list[Task]:
    """The tasks and the funding applications' deadlines (as milestones, issue 25)."""
    return [*snap.tasks, *funding.timeline_tasks(snap, lang)]


def cached_figure(snap: Snapshot, view: View, today: date, lang: str,
                  state: Any = None, narrow: bool = False) -> go.Figure:
    """The figure for these tasks, view, language and day (and width); built again only
    when one of them changed (``state`` is st.session_state, or a dict in tests). A change
    elsewhere in the project (a field the other side saved) reuses the figure."""
    return charts.kept(FIGURE, (*_drawn_from(snap, view, today, lang), narrow),
                       lambda: figure(snap, view, today, lang, narrow), state)


def cached_picture(snap: Snapshot, view: View, today: date, lang: str, state: Any = None) -> str:
    """The picture, kept like the figure."""
    return charts.kept(PICTURE, _drawn_from(snap, view, today, lang), lambda: picture(snap, view, today, lang),
                       state)


def _drawn_from(snap: Snapshot, view: View, today: date, lang: str) -> tuple[Any, ...]:
    return (chart_inputs(snap), lang, today, *view.cache_key())


# -- the page's parts -----------------------------------------------------------------------


def header(c: shell.Ctx, snap: Snapshot) -> None:
    st.title(c.t("tl.title"))
    st.markdown(c.t("tl.lead"))
    if snap.project.signed_at is not None:
        st.caption(":material/verified: " + c.t("overview.signed", when=fmt_datetime(snap.project.signed_at,
                                                                                       c.lang)))
    else:
        st.info(c.t("tl.not_signed"), icon=":material/edit_calendar:")
    if snap.role is Role.VIEWER:
        st.caption(c.t("tl.viewer"))


def tabs(c: shell.Ctx) -> Sequence[Any]:
    """The three tabs: the timeline with its tasks, the health check, and the follow-up
    meetings (``ui/meetings.py``). Only the open
    tab is drawn (``.open``; choosing the other reruns the page): the health check's
    form and chart are a good part of what a first load of the page had to draw."""
    return st.tabs([f":material/timeline: {c.t('tl.tab.plan')}",
                    f":material/monitor_heart: {c.t('tl.tab.health')}",
                    f":material/groups: {c.t('mt.tab')}"], on_change="rerun", key="tl_tab")


def _reset_filters() -> None:
    for name in FILTERS:
        ss[f"tl_f_{name}"] = []


def controls(c: shell.Ctx, snap: Snapshot, today: date | None = None) -> View:
    """Lanes (by person or by organisation), and the four filters in a popover that says
    how many are in use (none while there are no tasks to arrange). In a popover, the
    filters take no room above the chart (on a phone they filled the first screen) and
    the browser draws them only when it is opened."""
    if not snap.tasks:
        return View()
    # One row that wraps, not columns: on a phone the two fit side by side (columns stack).
    row = st.container(horizontal=True, vertical_alignment="bottom", gap="small")
    lanes = row.segmented_control(
        c.t("tl.lanes"), options=["person", "side"], format_func=lambda v: c.t(f"tl.lanes.{v}"),
        default="person", required=True, key="tl_lanes",
    ) or "person"
    active = sum(1 for name in FILTERS if ss.get(f"tl_f_{name}"))
    label = c.t("tl.filter.some", n=active) if active else c.t("tl.filter")
    # select_all=False: the dropdown's "Select all" line is English and cannot be translated.
    pick = functools.partial(st.multiselect, placeholder=c.t("tl.filter.all"), select_all=False)
    with row.popover(label, icon=":material/filter_alt:"):
        sides = pick(c.t("tl.filter.side"), options=[s.value for s in Side], key="tl_f_side",
                     format_func=lambda v: labels.org_name(c, snap, Side(v)))
        people = [p for p in labels.people_options(snap) if p]
        if any(not x.responsible for x in snap.tasks):
            people.append("")
        chosen_people = pick(c.t("tl.filter.person"), options=people, key="tl_f_person",
                             format_func=lambda pid: _person_option(c, snap, pid))
        statuses = pick(c.t("tl.filter.status"), options=[s.value for s in TaskStatus], key="tl_f_status",
                        format_func=lambda v: c.t(f"agr.status.{v}"))
        kinds = pick(c.t("tl.filter.kind"), options=[k.value for k in TaskKind], key="tl_f_kind",
                     format_func=lambda v: c.t(f"timeline.kind.{v}"))
    shown = time_window.controls(c, today or date.today())
    return View(lanes="side" if lanes == "side" else "person", sides=tuple(sides), people=tuple(chosen_people),
                statuses=tuple(statuses), kinds=tuple(kinds), window=shown)


def _person_option(c: shell.Ctx, snap: Snapshot, pid: str) -> str:
    person = snap.person(pid) if pid else None
    return person.name if person else c.t("timeline.unassigned")


def chart(c: shell.Ctx, snap: Snapshot, view: View, today: date) -> None:
    """The timeline, or a sentence saying why there is none."""
    every = drawn_tasks(snap, c.lang)
    shown = view.apply(every)
    if not every:
        st.info(c.t("tl.no_tasks"), icon=":material/event_note:")
        return
    if view.active:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.caption(c.t("tl.shown", shown=len(shown), total=len(every)))
        right.button(c.t("tl.filter.reset"), key="tl_f_reset", on_click=_reset_filters, icon=":material/close:",
                     type="tertiary")
    if not shown:
        st.info(c.t("tl.no_match"), icon=":material/filter_alt_off:")
        return
    if all(x.start is None and x.due is None for x in shown):
        st.info(c.t("tl.no_dates"), icon=":material/event_busy:")
        return
    dated = sum(1 for x in shown if x.start is not None or x.due is not None)
    if dated > timeline_reduce.AGGREGATE_ABOVE:
        st.caption(":material/stacked_bar_chart: " + c.t("limits.aggregated", n=paging.number(dated, c.lang)))
    with st.container(key="tl_chart_box"):  # scrolls sideways on a phone (style.py), so labels keep their room
        charts.picture(lambda: cached_picture(snap, view, today, c.lang), key="tl_picture")
        if charts.ready():
            # A phone gets the narrow layout, as wide as its page (phone.css lifts the
            # wide chart's minimum width there); the server knows the phone by its User-Agent.
            st.plotly_chart(cached_figure(snap, view, today, c.lang, narrow=time_window.on_phone()), width="stretch",
                            theme=None, key="tl_chart", config=PLOTLY_CONFIG)
    if not charts.ready():  # Plotly's 4.7 MB only for a reader who asks for it
        # What the button does is said under it, not in a tooltip: a tooltip's code was one
        # more chunk for a first load to fetch and start.
        st.button(c.t("tl.interactive"), key="tl_interactive", on_click=charts.choose, icon=":material/zoom_in:")
        st.caption(f"{c.t('tl.legend_help')} {c.t('tl.interactive_help')}")
    else:
        st.caption(c.t("tl.legend_help"))


def task_section(c: shell.Page, snap: Snapshot, view: View, today: date) -> None:
    """The tasks the filters let through as one block of cards, with one control to
    choose a task, switch its status or open its editor, then the add form (none for a
    viewer)."""
    st.header(c.t("tl.tasks"))
    readonly = not snap.may.add_tasks  # a viewer, a closed project (Snapshot.may)
    if not readonly:
        st.caption(c.t("tl.tasks_lead"))
    rows, more = paging.paged(c, ordered(view.apply(snap.tasks)), KEY)
    # One block of cards and one control for them (ui/task_block.py), not a control per card.
    task_block.task_block(c, snap, rows, key=KEY, readonly=readonly, today=today)
    more()
    if not readonly:
        tasks.add_form(c, snap, key=KEY, default_kind=TaskKind.TASK, label=c.t("tl.add"),
                       expanded=not snap.tasks)


def calendar_section(c: shell.Ctx, snap: Snapshot) -> None:
    """Download the partnership's calendar, or one person's."""
    st.header(c.t("tl.cal"))
    st.caption(c.t("tl.cal_lead"))
    dated = downloads.calendar_tasks(snap)
    if not dated:
        st.caption(c.t("tl.cal.none"))
        return
    everyone, one = st.columns(2, vertical_alignment="bottom")
    token = c.access.token if c.access is not None else ""
    with everyone:
        file_links.show(file_links.FileLink("tl_ics_all", c.t("tl.cal.all"),
                                            file_links.url(token, "calendar.ics", c.lang),
                                            downloads.file_name(snap, "calendar.ics", c.lang)))
    responsible = {x.responsible for x in dated if x.responsible}
    people = [pid for pid in labels.people_options(snap) if pid in responsible]
    if not people:
        one.caption(c.t("tl.cal.no_people"))
        return
    with one:
        pick, button = st.columns([3, 2], vertical_alignment="bottom")
        chosen = pick.selectbox(c.t("tl.cal.person"), options=people, key="tl_ics_person",
                                format_func=lambda pid: labels.person_label(c, snap, pid))
        if chosen not in people:
            chosen = people[0]
        with button:
            file_links.show(file_links.FileLink(
                "tl_ics_one", c.t("tl.cal.download_person"),
                file_links.url(token, "calendar.ics", c.lang, person_id=chosen),
                downloads.file_name(snap, "calendar.ics", c.lang, person_id=chosen)))
