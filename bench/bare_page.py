"""The floor for bench/bench_lighthouse.py: a bare Streamlit page of the same version
(a title, a line of text, one input) - what any Streamlit app costs a browser."""

import streamlit as st

st.title("Hej")
st.write("En side uden noget andet.")
st.text_input("Navn")
