"""Links and settings (owner only): the three links, the partnership's names, export, delete."""

from partnership.ui import page, settings, shell

settings.deleted_notice(shell.ctx())
ctx = page.enter("settings")
settings.header(ctx)
settings.links(ctx)
settings.names(ctx, ctx.snap)
settings.export(ctx, ctx.snap)
settings.delete(ctx, ctx.snap)
