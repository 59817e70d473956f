"""Step 4 (with the partner): sharpen the idea together."""

from datetime import date

from partnership.ui import page, step4

ctx = page.enter("step4")
today = date.today()
step4.header(ctx, ctx.snap, 4)
step4.signed_notice(ctx, ctx.snap)
step4.vision(ctx, ctx.snap, ctx.others)
step4.how(ctx, ctx.snap, ctx.others, today)
step4.working_group(ctx, ctx.snap)
step4.funding(ctx, ctx.snap, ctx.others, today)
step4.progress(ctx, ctx.snap)
