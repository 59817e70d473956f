"""Overview: where the partnership stands and what to do next."""

from datetime import date

from partnership.ui import dashboard, links, overview, page, reminders, start_from, term

ctx = page.enter("overview")
overview.header(ctx, ctx.snap)
term.notice(ctx, ctx.snap, date.today())
links.overview_cards(ctx)
if ctx.snap.project.signed_at:
    dashboard.dashboard(ctx, ctx.snap, date.today())
overview.next_actions(ctx, ctx.snap, date.today())
overview.steps(ctx, ctx.snap)
overview.meetings(ctx, ctx.snap)
reminders.section(ctx)
start_from.section(ctx, ctx.access, ctx.snap, "room_from")
