"""Live collaboration without streamlit: the in-process hub (``hub.Hub``) that the event
route (partnership/web/events.py) and the pages (partnership/ui/live.py) share."""
