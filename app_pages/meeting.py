"""The meeting view of the first evening, for a projector (the association's links only)."""

from partnership.ui import live, meeting, shell

ctx = shell.require(shell.ctx(), "meeting")  # no name asked: a projector writes nothing
live.start(ctx)
meeting.view(ctx, ctx.snap)
