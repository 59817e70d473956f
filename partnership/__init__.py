"""Partnerskabsværktøjet: the domain, stores and UI pieces of the partnership tool."""
