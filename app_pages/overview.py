"""Overview: where the partnership stands and what to do next."""

from datetime import date

from partnership.ui import live, overview, shell

ctx = shell.ctx()
snap = shell.require(ctx, "overview")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
overview.header(ctx, snap)
overview.next_actions(ctx, snap, date.today())
overview.steps(ctx, snap)
overview.meetings(ctx, snap)
