"""Renderers: the only package that may import the heavy output libraries (Plotly,
python-docx, icalendar).

Each module turns what the pure domain computed into a figure or a file (bytes); none
does I/O, and none may import streamlit, sqlite3 or supabase (``tests/unit/test_layers.py``
checks the layer table, ruff's banned imports keep the libraries out of the domain).
"""
