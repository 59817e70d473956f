"""Timeline: the tasks of the partnership over time, who does what, the calendar files,
the health check at each follow-up, and the follow-up meetings with their minutes."""

from datetime import date

from partnership.ui import health_page, meetings, page, timeline_page

ctx = page.enter("timeline")
today = date.today()
timeline_page.header(ctx, ctx.snap)
plan, health, meeting_tab = timeline_page.tabs(ctx)
if plan.open:
    with plan:
        view = timeline_page.controls(ctx, ctx.snap, today)
        timeline_page.chart(ctx, ctx.snap, view, today)
        timeline_page.task_section(ctx, ctx.snap, view, today)
        timeline_page.calendar_section(ctx, ctx.snap)
if health.open:
    with health:
        health_page.health_check(ctx, ctx.snap)
if meeting_tab.open:
    with meeting_tab:
        meetings.section(ctx, ctx.snap, today)
