"""Sending mail: SMTP settings (``settings``), the client (``smtp``) and a reminder run
(``remind``). No streamlit and no database client: the store's outbox is handed in."""
