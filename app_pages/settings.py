"""Links and settings (owner only): the three links, the partnership's names, export, delete."""

from partnership.ui import live, settings, shell

ctx = shell.ctx()
settings.deleted_notice(ctx)
snap = shell.require(ctx, "settings")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
settings.header(ctx)
settings.links(ctx)
settings.names(ctx, snap)
settings.export(ctx, snap)
settings.delete(ctx, snap)
