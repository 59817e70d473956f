"""Overview: where the partnership stands and what to do next."""

from datetime import date

from partnership.ui import dashboard, links, live, overview, shell

ctx = shell.ctx()
snap = shell.require(ctx, "overview")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
overview.header(ctx, snap)
links.overview_cards(ctx)
if snap.project.signed_at:
    dashboard.dashboard(ctx, snap, date.today())
overview.next_actions(ctx, snap, date.today())
overview.steps(ctx, snap)
overview.meetings(ctx, snap)
