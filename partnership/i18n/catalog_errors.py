"""Errors as sentences (``err.<code>``), the names of the things they are about
(``what.<field>``), and the notices for an unsure save or a store that is down."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- errors ------------------------------------------------------------------------
    "err.invalid_link": "Linket virker ikke. Det kan være skrevet forkert eller være blevet udskiftet. "
    "Bed den, der sendte det, om et nyt.",
    "err.forbidden": "Det har dit link ikke adgang til.",
    "err.signed": "Aftalen er underskrevet og låst. Åbn den for ændringer på aftalesiden først.",
    "err.conflict": "En anden har gemt imens.",
    "err.storage": "Vi kunne ikke gemme eller hente data lige nu. Prøv igen om lidt – intet er ændret.",
    "err.unexpected": "Noget gik galt. Intet er gået tabt; prøv igen, eller genindlæs siden.",
    "err.invalid": "Noget i det indtastede er ikke gyldigt ({what}).",
    "err.not_text": "{what} skal være tekst.",
    "err.too_long": "{what} er for lang: {length} tegn, højst {limit} er tilladt.",
    "err.required": "{what} skal udfyldes.",
    "err.bad_email": "Det ligner ikke en e-mailadresse. Skriv den som navn@eksempel.dk.",
    "err.empty_text": "Feltet er tomt. Skriv noget, før du gemmer.",
    "err.unknown_field": "Ukendt felt: {what}.",
    "err.bad_score": "{what} skal være et tal fra 1 til 5.",
    "err.bad_priority": "Prioriteten skal være 1, 2 eller 3.",
    "err.bad_date": "{what} er ikke en gyldig dato.",
    "err.bad_choice": "{what} har en værdi, der ikke er tilladt.",
    "err.date_in_past": "Datoen ligger i fortiden. Vælg i dag eller en senere dato.",
    "err.due_before_start": "Slutdatoen ligger før startdatoen.",
    "err.date_unreadable": "{what}: »{typed}« kan ikke læses som en dato. Skriv dag, måned og år, fx {example} "
    "eller 24122026 – eller vælg dagen i kalenderen.",
    "err.date_no_such_day": "{what}: »{typed}« findes ikke i kalenderen. Ret dagen eller måneden, fx {example}.",
    "err.responsible_required": "Vælg hvem der er ansvarlig for opfølgningen – den kan ikke gemmes uden en "
    "ansvarlig person.",
    "err.duplicate_candidate": "»{name}« står allerede på listen.",
    "err.duplicate_private": "»{name}« har en anden allerede foreslået – det kommer frem, når tiden er gået.",
    "err.owner_signs": "Det er ejerens link, der godkender aftalen for foreningen (og åbner den igen).",
    "err.not_found": "Det findes ikke længere ({what}). Genindlæs siden.",
    "err.not_restorable": "Denne ændring kan ikke gendannes.",
    "err.already_approved": "Jeres side har allerede godkendt netop denne udgave af aftalen.",
    "err.stale_agreement": "Aftalen er ændret, mens du læste den. Læs den nye udgave og godkend igen.",
    "err.not_signed": "Aftalen er ikke underskrevet.",
    "err.bad_import": "Filen er ikke en gyldig eksport fra Partnerskabsværktøjet.",
    "err.record_cap": "Projektet har nået grænsen på {limit} {what}. Slet eller saml nogle, før du tilføjer "
                      "flere – intet er gemt, og din tekst er bevaret.",
    "err.rate_limited": "Der er oprettet eller importeret mange projekter på kort tid. Vent et øjeblik og prøv "
                        "igen – intet er gemt.",
    "err.file_too_large": "Filen er for stor ({size}). Den største fil, der kan importeres, er {limit}.",
    "err.storage_full": (
        "Databasen er fuld, så vi kunne ikke gemme. Din tekst står stadig her – kopiér den, "
        "og giv den, der driver værktøjet, besked."
    ),
    "err.storage_busy": "Databasen er optaget lige nu. Prøv igen om et øjeblik – intet er ændret.",
    "err.consent_required": (
        "Sæt flueben ved, at personen har sagt ja til, at vi gemmer mail eller telefon – ellers lad feltet stå "
        "tomt. Intet er gemt, og det, du skrev, står her stadig."
    ),
    "err.engine_down": (
        "Databasen kunne ikke startes eller nås, så værktøjet kan ikke vise noget lige nu. Prøv at genindlæse "
        "siden om lidt. Den, der driver værktøjet, kan bruge Supabase i stedet: sæt [supabase] url og key i "
        "appens secrets (se docs/supabase.md)."
    ),
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

    # -- what an error is about --------------------------------------------------------
    "what.project.title": "Arbejdstitlen",
    "what.project.our_org": "Foreningens navn",
    "what.project.partner_org": "Partnerens navn",
    "what.project.website": "Hjemmesiden",
    "what.actor": "Dit navn",
    "what.mail.email": "E-mailadressen",
    "what.mail.lang": "Sproget",
    "what.candidate.name": "Navnet på forslaget",
    "what.candidate.note": "Noten",
    "what.person.name": "Navnet",
    "what.person.title": "Rollen",
    "what.person.contact": "Kontaktoplysningen",
    "what.task.title": "Titlen",
    "what.task.due": "Datoen",
    "what.task.responsible": "Den ansvarlige",
    "what.approval.name": "Navnet på den, der godkender",
    "what.cap.tasks": "opgaver",
    "what.cap.people": "personer",
    "what.cap.candidates": "kandidater",
    "what.cap.health_checks": "sundhedstjek",
    "what.health.answers": "Svarene",
    "what.health.name": "Navnet",
    "what.health.shared_goals": "Svaret om fælles mål",
    "what.health.tasks_as_agreed": "Svaret om opgaverne",
    "what.health.communication": "Svaret om kommunikation",
    "what.health.mutual_benefit": "Svaret om gensidigt udbytte",
    "what.health.equal_ownership": "Svaret om ejerskab",
    "what.health.resources_ok": "Svaret om ressourcer",

    # -- funding and the end of the term (issue 25) ----------------------------------------
    "err.closed": "Partnerskabet er afsluttet, så intet kan ændres. Alt kan stadig læses og eksporteres.",
    "err.bad_amount": "Beløbet skal være et helt antal kroner, 0 eller mere, fx 25.000.",
    "what.funding": "Ansøgningen",
    "what.funding.fund": "Fonden",
    "what.funding.amount": "Beløbet",
    "what.funding.deadline": "Ansøgningsfristen",
    "what.funding.status": "Status",
    "what.funding.responsible": "Den ansvarlige",
    "what.funding.note": "Noten",
    "what.term.start": "Periodens start",
    "what.term.end": "Periodens slut",
    "what.evaluation.name": "Navnet",
    "what.evaluation.reached": "Hvad I nåede",
    "what.outcome": "Valget",
    "what.outcome.note": "Bemærkningen",
    "what.cap.funding": "ansøgninger",
    "what.cap.evaluations": "evalueringer",

    # -- unsure saves and a store that is down -----------------------------------------
    "safety.check_saved": "Tjek om det blev gemt",
    "safety.draft_kept": "Din tekst er ikke gemt endnu, men den står her stadig.",
    "safety.store_down": "Vi kan ikke hente projektet lige nu. Siden prøver igen af sig selv.",

    # -- follow-up meetings (migration _meetings) -----------------------------------------
    "err.bad_time": "{what} skal være et klokkeslæt som 17.00 eller 17:30.",
    "err.too_many": "{what} har for mange punkter: højst {limit}.",
    "what.meeting": "Mødet",
    "what.meeting.day": "Mødets dato",
    "what.meeting.time": "Klokkeslættet",
    "what.meeting.duration": "Varigheden",
    "what.meeting.place": "Stedet",
    "what.meeting.participants": "Deltagerne",
    "what.meeting.agenda": "Dagsordenen",
    "what.meeting.decisions": "Beslutningen",
    "what.meeting.notes": "Referatet",
    "what.meeting.cancel_reason": "Begrundelsen for aflysningen",
    "what.rhythm.every_weeks": "Antal uger mellem møderne",
    "what.rhythm.weekday": "Ugedagen",
    "what.rhythm.until": "Slutdatoen",
    "what.cap.meetings": "møder",
    "what.device": "denne browsers nøgle",
}


EN: dict[str, str] = {
    # -- errors ------------------------------------------------------------------------
    "err.invalid_link": "This link does not work. It may be mistyped or may have been replaced. Ask whoever "
    "sent it for a new one.",
    "err.forbidden": "Your link does not give access to that.",
    "err.signed": "The agreement is signed and locked. Reopen it for changes on the agreement page first.",
    "err.conflict": "Someone else saved meanwhile.",
    "err.storage": "We could not save or load data just now. Try again in a moment – nothing was changed.",
    "err.unexpected": "Something went wrong. Nothing is lost; try again, or reload the page.",
    "err.invalid": "Something in the input is not valid ({what}).",
    "err.not_text": "{what} must be text.",
    "err.too_long": "{what} is too long: {length} characters, at most {limit} are allowed.",
    "err.required": "{what} is required.",
    "err.bad_email": "That does not look like an e-mail address. Write it as name@example.com.",
    "err.empty_text": "The field is empty. Write something before saving.",
    "err.unknown_field": "Unknown field: {what}.",
    "err.bad_score": "{what} must be a number from 1 to 5.",
    "err.bad_priority": "The priority must be 1, 2 or 3.",
    "err.bad_date": "{what} is not a valid date.",
    "err.bad_choice": "{what} has a value that is not allowed.",
    "err.date_in_past": "The date is in the past. Choose today or a later date.",
    "err.due_before_start": "The end date is before the start date.",
    "err.date_unreadable": "{what}: “{typed}” cannot be read as a date. Type day, month and year, e.g. {example} "
    "or 24122026 – or pick the day in the calendar.",
    "err.date_no_such_day": "{what}: “{typed}” is not a day in the calendar. Correct the day or the month, "
    "e.g. {example}.",
    "err.responsible_required": "Choose who is responsible for the follow-up – it cannot be saved without "
    "someone responsible.",
    "err.duplicate_candidate": "“{name}” is already on the list.",
    "err.duplicate_private": "Someone else has already suggested “{name}” – it appears when the time is up.",
    "err.owner_signs": "The owner's link approves the agreement for the association (and reopens it).",
    "err.not_found": "It no longer exists ({what}). Reload the page.",
    "err.not_restorable": "This change cannot be restored.",
    "err.already_approved": "Your side has already approved exactly this version of the agreement.",
    "err.stale_agreement": "The agreement changed while you were reading it. Read the new version and "
    "approve again.",
    "err.not_signed": "The agreement is not signed.",
    "err.bad_import": "The file is not a valid export from the partnership tool.",
    "err.record_cap": "The project has reached its limit of {limit} {what}. Delete or merge some before adding "
                      "more – nothing was saved and your text is kept.",
    "err.rate_limited": "Many projects were created or imported in a short time. Wait a moment and try again – "
                        "nothing was saved.",
    "err.file_too_large": "The file is too large ({size}). The largest file that can be imported is {limit}.",
    "err.storage_full": (
        "The database is full, so we could not save. Your text is still here – copy it, and tell "
        "whoever runs the tool."
    ),
    "err.storage_busy": "The database is busy right now. Try again in a moment – nothing was changed.",
    "err.consent_required": (
        "Tick that the person has agreed that we keep their e-mail or phone – or leave the field empty. Nothing "
        "was saved, and what you typed is still here."
    ),
    "err.engine_down": (
        "The database could not be started or reached, so the tool cannot show anything right now. Try "
        "reloading the page in a moment. Whoever runs the tool can use Supabase instead: set [supabase] url "
        "and key in the app's secrets (see docs/supabase.md)."
    ),
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

    # -- what an error is about --------------------------------------------------------
    "what.project.title": "The working title",
    "what.project.our_org": "The association's name",
    "what.project.partner_org": "The partner's name",
    "what.project.website": "The website",
    "what.actor": "Your name",
    "what.mail.email": "The e-mail address",
    "what.mail.lang": "The language",
    "what.candidate.name": "The suggestion's name",
    "what.candidate.note": "The note",
    "what.person.name": "The name",
    "what.person.title": "The role",
    "what.person.contact": "The contact details",
    "what.task.title": "The title",
    "what.task.due": "The date",
    "what.task.responsible": "The responsible person",
    "what.approval.name": "The approver's name",
    "what.cap.tasks": "tasks",
    "what.cap.people": "people",
    "what.cap.candidates": "candidates",
    "what.cap.health_checks": "health checks",
    "what.health.answers": "The answers",
    "what.health.name": "The name",
    "what.health.shared_goals": "The answer about shared goals",
    "what.health.tasks_as_agreed": "The answer about the tasks",
    "what.health.communication": "The answer about communication",
    "what.health.mutual_benefit": "The answer about mutual benefit",
    "what.health.equal_ownership": "The answer about ownership",
    "what.health.resources_ok": "The answer about resources",

    # -- funding and the end of the term (issue 25) ----------------------------------------
    "err.closed": "The partnership is closed, so nothing can be changed. Everything can still be read and exported.",
    "err.bad_amount": "The amount must be a whole number of kroner, 0 or more, e.g. 25,000.",
    "what.funding": "The application",
    "what.funding.fund": "The fund",
    "what.funding.amount": "The amount",
    "what.funding.deadline": "The application deadline",
    "what.funding.status": "The status",
    "what.funding.responsible": "The person responsible",
    "what.funding.note": "The note",
    "what.term.start": "The start of the period",
    "what.term.end": "The end of the period",
    "what.evaluation.name": "The name",
    "what.evaluation.reached": "What you reached",
    "what.outcome": "The choice",
    "what.outcome.note": "The remark",
    "what.cap.funding": "applications",
    "what.cap.evaluations": "evaluations",

    # -- unsure saves and a store that is down -----------------------------------------
    "safety.check_saved": "Check whether it was saved",
    "safety.draft_kept": "Your text is not saved yet, but it is still here.",
    "safety.store_down": "We cannot load the project right now. The page will try again by itself.",

    # -- follow-up meetings (migration _meetings) -----------------------------------------
    "err.bad_time": "{what} must be a time of day such as 17.00 or 17:30.",
    "err.too_many": "{what} has too many items: at most {limit}.",
    "what.meeting": "The meeting",
    "what.meeting.day": "The meeting's date",
    "what.meeting.time": "The time",
    "what.meeting.duration": "The length",
    "what.meeting.place": "The place",
    "what.meeting.participants": "The participants",
    "what.meeting.agenda": "The agenda",
    "what.meeting.decisions": "The decision",
    "what.meeting.notes": "The minutes",
    "what.meeting.cancel_reason": "The reason for cancelling",
    "what.rhythm.every_weeks": "The number of weeks between meetings",
    "what.rhythm.weekday": "The weekday",
    "what.rhythm.until": "The end date",
    "what.cap.meetings": "meetings",
    "what.device": "this browser's key",
}
