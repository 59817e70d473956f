"""Step 4 (with the partner): sharpen the idea together."""

from datetime import date

from partnership.ui import live, shell, step4

ctx = shell.ctx()
snap = shell.require(ctx, "step4")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
others = live.others()
today = date.today()
step4.header(ctx, snap, 4)
step4.signed_notice(ctx, snap)
step4.vision(ctx, snap, others)
step4.how(ctx, snap, others, today)
step4.working_group(ctx, snap)
step4.funding(ctx, snap, others, today)
step4.progress(ctx, snap)
