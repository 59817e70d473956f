"""Step 5 (with the partner): write the agreement, approve it, sign it."""

from datetime import date

from partnership.ui import page, step4, step5, term

ctx = page.enter("step5")
step4.header(ctx, ctx.snap, 5)
step5.signed_state(ctx, ctx.snap)
term.end_of_term(ctx, ctx.snap, date.today())
step5.follow_up(ctx, ctx.snap, ctx.others)
step5.term(ctx, ctx.snap, ctx.others)
step5.agreement_view(ctx, ctx.snap)
step5.approval(ctx, ctx.snap)
step5.exports(ctx, ctx.snap)
step5.versions(ctx, ctx.snap)
