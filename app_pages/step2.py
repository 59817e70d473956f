"""Step 2: choose a partner (inside the association)."""

import streamlit as st

from partnership.ui import live, shell, step2

ctx = shell.ctx()
snap = shell.require(ctx, "step2")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
st.title(ctx.t("step.2.title"))
st.markdown(ctx.t("step.2.lead"))
step2.timer(ctx)
step2.add_form(ctx)
step2.top_three(ctx, snap)
step2.candidates(ctx, snap)
