"""History: every change, newest first, with filters; any earlier value can be brought back."""

from partnership.ui import history, page

ctx = page.enter("history")
history.header(ctx, ctx.snap)
everything = history.load(ctx)
found = history.filters(ctx, everything)
history.entries(ctx, ctx.snap, found, total=len(everything))
