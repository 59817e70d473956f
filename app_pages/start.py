"""Start: create a partnership, open one by its link, look at the example, or import."""

from partnership.ui import shell, start_from, start_page

ctx = shell.ctx()
start_page.redirect_if_open(ctx)
shell.sidebar(ctx, None)
start_page.header(ctx)
start_page.opened_before(ctx, start_from.section)
create, open_link, example, restore = start_page.tabs(ctx)
with create:
    start_page.create_form(ctx)
with open_link:
    start_page.open_form(ctx)
with example:
    start_page.example(ctx)
with restore:
    start_page.import_form(ctx)
