"""The start page: create a partnership, open one with a link, the example project and
importing a file."""

from __future__ import annotations

DA: dict[str, str] = {
    "start.title": "Partnerskabsværktøjet",
    "start.opened": "Partnerskaber, du har åbnet her",
    "start.opened_lead": "Listen gemmes kun i denne browser – ingen konto. Fjern et partnerskab fra listen, "
    "hvis andre bruger computeren; det sletter ikke partnerskabet.",
    "start.opened_forget": "Fjern",
    "start.stage_step": "nu ved trin {n}: {step}",
    "start.stage_ready": "alle trin er udfyldt",
    "start.stage_signed": "aftalen er underskrevet",
    "start.lead": "Et værktøj til foreninger, der vil skabe et partnerskab med en anden organisation – "
    "og holde det i live. I går gennem fem trin: de tre første i jeres egen forening på ét møde, de to "
    "sidste sammen med partneren.",
    "start.steps": "**Jeres møde:** 1 Skitsér idéen · 2 Vælg en partner · 3 Tag kontakt  \n"
    "**Med partneren:** 4 Skærp idéen sammen · 5 Skriv aftalen – og følg op bagefter.",
    "start.create": "Opret et partnerskab",
    "start.open": "Åbn med et link",
    "start.example": "Se et eksempel",
    "start.import": "Indlæs en gemt fil",
    "start.import_lead": "Har I en JSON-fil fra »Links og indstillinger« (eller kommandolinjen)? Hent den ind som "
    "et nyt partnerskab med nye links. Med kommer: felter, forslag, personer, opgaver, sundhedstjek og "
    "historik. Godkendelser og underskrifter kommer ikke med – en fil kan ikke bevise, hvem der har "
    "underskrevet – så aftalen skal godkendes igen af begge parter. Tidligere underskrevne udgaver af aftalen "
    "står i historikken som importerede, kun til læsning.",
    "start.import_file": "JSON-fil",
    "start.import_button": "Hent ind",
    "start.our_org": "Jeres forenings navn",
    "start.your_name": "Dit navn",
    "start.working_title": "Arbejdstitel",
    "start.working_title_help": "Et kort navn for idéen – I kan altid ændre det.",
    "start.create_button": "Opret",
    "start.paste": "Indsæt linket",
    "start.paste_help": "Hele linket, fx http://…/?k=…",
    "start.open_button": "Åbn",
    "start.example_lead": "Et udfyldt eksempel: en idrætsforening og et bibliotek, der laver lektiecafé. "
    "Se hvordan alle trin kan se ud – eksemplet er dit eget at rette i.",
    "start.example_button": "Åbn eksemplet",
    "start.missing": "Udfyld: {fields}.",
}


EN: dict[str, str] = {
    "start.title": "Partnership tool",
    "start.opened": "Partnerships you have opened here",
    "start.opened_lead": "The list is kept only in this browser – no account. Remove a partnership from the "
    "list if others use this computer; that does not delete the partnership.",
    "start.opened_forget": "Remove",
    "start.stage_step": "now at step {n}: {step}",
    "start.stage_ready": "every step is filled in",
    "start.stage_signed": "the agreement is signed",
    "start.lead": "A tool for associations that want to build a partnership with another organisation – and "
    "keep it alive. You go through five steps: the first three inside your own association in one meeting, "
    "the last two together with the partner.",
    "start.steps": "**Your meeting:** 1 Sketch the idea · 2 Choose a partner · 3 Make contact  \n"
    "**With the partner:** 4 Sharpen the idea together · 5 Write the agreement – and follow up afterwards.",
    "start.create": "Create a partnership",
    "start.open": "Open with a link",
    "start.example": "See an example",
    "start.import": "Load a saved file",
    "start.import_lead": "Do you have a JSON file from “Links and settings” (or the command line)? Import it as a new "
    "partnership with new links. Coming along: fields, suggestions, people, tasks, health checks and history. "
    "Approvals and signatures do not – a file cannot prove who signed – so the agreement must be approved "
    "again by both sides. Earlier signed versions of the agreement are in the history as imported, read only.",
    "start.import_file": "JSON file",
    "start.import_button": "Import",
    "start.our_org": "Your association's name",
    "start.your_name": "Your name",
    "start.working_title": "Working title",
    "start.working_title_help": "A short name for the idea – you can always change it.",
    "start.create_button": "Create",
    "start.paste": "Paste the link",
    "start.paste_help": "The whole link, e.g. http://…/?k=…",
    "start.open_button": "Open",
    "start.example_lead": "A filled-in example: a sports club and a library running a homework café. See what "
    "every step can look like – the example is yours to edit.",
    "start.example_button": "Open the example",
    "start.missing": "Fill in: {fields}.",
}
