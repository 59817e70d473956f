"""Links and settings: the owner's four links, names, export and delete; a member's
names and, as the owner chooses, the partner's and the viewer's link."""

from partnership.model import Role
from partnership.ui import page, settings, shell

settings.deleted_notice(shell.ctx())
ctx = page.enter("settings")
settings.header(ctx)
settings.links(ctx, ctx.snap)
settings.names(ctx, ctx.snap)
if ctx.role is Role.OWNER:
    settings.export(ctx, ctx.snap)
if ctx.snap.may.delete:
    settings.delete(ctx, ctx.snap)
