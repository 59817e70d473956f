"""Drafts kept in the browser and offered back after a restart, a replica failure or a
reload (ui/drafts.py)."""

from __future__ import annotations

DA: dict[str, str] = {
    "draft.kept": "Din tekst fra {when} er gemt her – gem den nu.",
    "draft.kept_record": "Dine ændringer fra {when} er gemt her – åbn dem og gem dem.",
    "draft.at_time": "kl. {time}",
    "draft.at_date": "{when}",
    "draft.yours": "Din tekst (ikke gemt endnu)",
    "draft.save": "Gem den nu",
    "draft.edit": "Skriv videre",
    "draft.discard": "Kassér",
    "draft.discarded": "Den gemte tekst er kasseret.",
}

EN: dict[str, str] = {
    "draft.kept": "Your text from {when} is kept here – save it now.",
    "draft.kept_record": "Your changes from {when} are kept here – open them and save them.",
    "draft.at_time": "{time}",
    "draft.at_date": "{when}",
    "draft.yours": "Your text (not saved yet)",
    "draft.save": "Save it now",
    "draft.edit": "Continue editing",
    "draft.discard": "Discard",
    "draft.discarded": "The kept text has been discarded.",
}
