"""Step 5 (joint with the partner)."""

import streamlit as st

from partnership.model import Role
from partnership.steps import STEPS
from partnership.ui import editor, live, shell

ctx = shell.ctx()
snap = shell.require(ctx, "step5")
live.start(ctx, snap.revision)
shell.ask_name(ctx)
st.title(ctx.t("step.5.title"))
st.markdown(ctx.t("step.5.lead"))
for spec in STEPS[5 - 1].fields:
    editor.field_editor(ctx, snap, spec.key, readonly=snap.role is Role.VIEWER or snap.project.signed_at is not None,
                        others=live.others())
