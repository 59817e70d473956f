"""Step 5 (with the partner): write the agreement, approve it, sign it."""

from partnership.ui import live, shell, step4, step5

ctx = shell.ctx()
snap = shell.require(ctx, "step5")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
others = live.others()
step4.header(ctx, snap, 5)
step5.signed_state(ctx, snap)
step5.follow_up(ctx, snap, others)
step5.term(ctx, snap, others)
step5.agreement_view(ctx, snap)
step5.approval(ctx, snap)
step5.exports(ctx, snap)
step5.versions(ctx, snap)
