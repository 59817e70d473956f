"""History: every change, newest first, with filters; any earlier value can be brought back."""

from partnership.ui import history, live, shell

ctx = shell.ctx()
snap = shell.require(ctx, "history")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
history.header(ctx, snap)
everything = history.load(ctx)
found = history.filters(ctx, everything)
history.entries(ctx, snap, found, total=len(everything))
