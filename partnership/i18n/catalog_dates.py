"""The date field (ui/datefield.py): its hint and its calendar's words. Month and day
names come from Babel in the page's language."""

from __future__ import annotations

DA: dict[str, str] = {
    "date.placeholder": "dd.mm.åååå",
    "date.help": "Skriv datoen som dag, måned og år, fx 24.12.2026, 24122026 eller 24/12-2026 – eller vælg "
    "den i kalenderen.",
    "date.button": "Kalender",
    "date.open": "Kalender – vælg dato for {label}",
    "date.dialog": "Vælg dato for {label}",
    "date.prev": "Forrige måned",
    "date.next": "Næste måned",
    "date.close": "Luk",
}

EN: dict[str, str] = {
    "date.placeholder": "dd.mm.yyyy",
    "date.help": "Type the date as day, month and year, e.g. 24.12.2026, 24122026 or 24/12-2026 – or pick it "
    "in the calendar.",
    "date.button": "Calendar",
    "date.open": "Calendar – choose a date for {label}",
    "date.dialog": "Choose a date for {label}",
    "date.prev": "Previous month",
    "date.next": "Next month",
    "date.close": "Close",
}
