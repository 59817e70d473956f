"""Step 2: choose a partner (inside the association)."""

import streamlit as st

from partnership.ui import assessment, page, step2

ctx = page.enter("step2")
st.title(ctx.t("step.2.title"))
st.markdown(ctx.t("step.2.lead"))
step2.timer(ctx, ctx.snap)
step2.add_form(ctx)
assessment.grid(ctx, ctx.snap)
step2.top_three(ctx, ctx.snap)
assessment.proposal(ctx, ctx.snap)
step2.candidates(ctx, ctx.snap)
