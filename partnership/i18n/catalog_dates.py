"""The date field (ui/datefield.py): its hint and its calendar's words. Month and day
names come from Babel in the page's language."""

from __future__ import annotations

DA: dict[str, str] = {
    "date.placeholder": "dd.mm.åååå",
    "date.button": "Kalender",
    "date.open": "Kalender – vælg dato for {label}",
    "date.dialog": "Vælg dato for {label}",
    "date.prev": "Forrige måned",
    "date.next": "Næste måned",
    "date.close": "Luk",
}

EN: dict[str, str] = {
    "date.placeholder": "dd.mm.yyyy",
    "date.button": "Calendar",
    "date.open": "Calendar – choose a date for {label}",
    "date.dialog": "Choose a date for {label}",
    "date.prev": "Previous month",
    "date.next": "Next month",
    "date.close": "Close",
}
