"""Timeline: the tasks of the partnership over time, who does what, the calendar files,
and the health check at each follow-up."""

from datetime import date

from partnership.ui import health_page, live, shell, timeline_page

ctx = shell.ctx()
snap = shell.require(ctx, "timeline")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
today = date.today()
timeline_page.header(ctx, snap)
plan, health = timeline_page.tabs(ctx)
with plan:
    view = timeline_page.controls(ctx, snap)
    timeline_page.chart(ctx, snap, view, today)
    timeline_page.task_section(ctx, snap, view, today)
    timeline_page.calendar_section(ctx, snap)
with health:
    health_page.health_check(ctx, snap)
