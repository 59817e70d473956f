"""Step 3: make contact and sell the idea (inside the association)."""

from datetime import date

import streamlit as st

from partnership.ui import live, shell, step3

ctx = shell.ctx()
snap = shell.require(ctx, "step3")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
st.title(ctx.t("step.3.title"))
st.markdown(ctx.t("step.3.lead"))
candidate = step3.chosen(ctx, snap)
step3.website(ctx, snap)
step3.email(ctx, snap, candidate)
step3.meeting_people(ctx, snap)
step3.plan_b(ctx, snap, candidate)
step3.follow_up(ctx, snap, candidate, date.today())
step3.answer(ctx, snap, candidate)
