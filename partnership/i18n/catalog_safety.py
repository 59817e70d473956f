"""Messages for faults: a full or busy database, an unsure save, a too large request, a
refused import file, dates out of range, and imported history."""

from __future__ import annotations

DA: dict[str, str] = {
    "err.storage_full": (
        "Databasen er fuld, så vi kunne ikke gemme. Din tekst står stadig her – kopiér den, "
        "og giv den, der driver værktøjet, besked."
    ),
    "err.storage_busy": "Databasen er optaget lige nu. Prøv igen om et øjeblik – intet er ændret.",
    "err.storage_unsure": (
        "Forbindelsen blev afbrudt, efter at vi sendte dit svar, så vi ved ikke, om det blev gemt. "
        "Din tekst står stadig her. Tjek, om ændringen er kommet med, før du gemmer igen."
    ),
    "err.too_large": (
        "Forespørgslen var for stor til at blive behandlet i tide. Prøv med mindre tekst ad gangen – "
        "intet er ændret."
    ),
    "err.bad_import_at": "Filen kan ikke importeres. Første problem – {where}: {problem}",
    "err.too_deep": "Filen er for dybt indlejret til at kunne læses.",
    "err.bad_number": "{what} skal være et helt tal mellem {low} og {high}.",
    "err.date_range": "{what} skal ligge mellem år {low} og {high}.",
    "safety.check_saved": "Tjek om det blev gemt",
    "safety.draft_kept": "Din tekst er ikke gemt endnu, men den står her stadig.",
    "safety.store_down": "Vi kan ikke hente projektet lige nu. Siden prøver igen af sig selv.",
    "history.imported": "Importeret historik – kun til læsning",
    "history.kind.import": "Projektet blev importeret fra en fil",
    "history.imported_lead": (
        "Disse ændringer kommer fra den importerede fil. De kan ikke gendannes, og godkendelser "
        "fra filen gælder ikke: projektet skal godkendes igen."
    ),
}

EN: dict[str, str] = {
    "err.storage_full": (
        "The database is full, so we could not save. Your text is still here – copy it, and tell "
        "whoever runs the tool."
    ),
    "err.storage_busy": "The database is busy right now. Try again in a moment – nothing was changed.",
    "err.storage_unsure": (
        "The connection broke after we sent your change, so we do not know whether it was saved. "
        "Your text is still here. Check whether the change went through before you save again."
    ),
    "err.too_large": (
        "The request was too large to be handled in time. Try with less text at a time – nothing was changed."
    ),
    "err.bad_import_at": "The file cannot be imported. First problem – {where}: {problem}",
    "err.too_deep": "The file is nested too deeply to be read.",
    "err.bad_number": "{what} must be a whole number between {low} and {high}.",
    "err.date_range": "{what} must be between the years {low} and {high}.",
    "safety.check_saved": "Check whether it was saved",
    "safety.draft_kept": "Your text is not saved yet, but it is still here.",
    "safety.store_down": "We cannot load the project right now. The page will try again by itself.",
    "history.imported": "Imported history – read only",
    "history.kind.import": "The project was imported from a file",
    "history.imported_lead": (
        "These changes come from the imported file. They cannot be restored, and approvals from the "
        "file do not count: the project must be approved again."
    ),
}
