"""Step 3: make contact and sell the idea (inside the association)."""

from datetime import date

import streamlit as st

from partnership.ui import page, step3

ctx = page.enter("step3")
st.title(ctx.t("step.3.title"))
st.markdown(ctx.t("step.3.lead"))
candidate = step3.chosen(ctx, ctx.snap)
step3.website(ctx, ctx.snap)
step3.email(ctx, ctx.snap, candidate)
step3.meeting_people(ctx, ctx.snap)
step3.plan_b(ctx, ctx.snap, candidate)
step3.follow_up(ctx, ctx.snap, candidate, date.today())
step3.answer(ctx, ctx.snap, candidate)
