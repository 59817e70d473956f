"""The app frame: its name, the store notice, roles and sides, the menu, the reader's name
and the page styling texts."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- the frame ---------------------------------------------------------------------
    "app.name": "Partnerskabsværktøjet",
    "app.language": "Sprog",
    "app.store_embedded": "Data gemmes i en lokal demo-database. På en gratis demo-server kan data forsvinde.",
    "app.store_supabase": "Data gemmes sikkert i Supabase.",
    "app.store_postgres": "Data gemmes i jeres egen PostgreSQL-database.",
    "app.no_link": "Åbn et partnerskab med dit link, eller opret et nyt på forsiden.",
    "app.not_for.owner": "Denne side kan ikke åbnes med foreningens link.",
    "app.not_for.partner": "Denne side kan ikke åbnes med partnerens link.",
    "app.not_for.viewer": "Denne side kan ikke åbnes med læselinket.",

    # -- roles -------------------------------------------------------------------------
    "role.owner": "foreningen",
    "role.partner": "partneren",
    "role.viewer": "læser",
    "role.member": "medlem",

    # -- sides -------------------------------------------------------------------------
    "side.association": "Foreningen",
    "side.partner": "Partneren",

    # -- the menu ----------------------------------------------------------------------
    "nav.start": "Forside",
    "nav.overview": "Oversigt",
    "nav.timeline": "Tidslinje",
    "nav.history": "Historik",
    "nav.privacy": "Privatliv",
    "nav.settings": "Links og indstillinger",
    "nav.menu": "Menu",
    "nav.step": "Trin {n} · {title}",
    "nav.meeting": "Mødevisning",

    # -- the reader's name -------------------------------------------------------------
    "who.prompt": "Hvad hedder du?",
    "who.placeholder": "Dit navn – tryk Enter",
    "who.why": "Dit navn står ved alt, du ændrer, så de andre kan se, hvem der har skrevet hvad.",
    "who.needed": "Skriv dit navn øverst på siden først.",

    # -- page styling ------------------------------------------------------------------
    "style.choose_file": "Vælg fil",
    "style.upload_note": "Højst {mb} MB · JSON",
    "style.no_results": "Ingen passer",
    "style.year": "åååå",
    "style.timeline_region": "Tidslinjen (kan rulles til siden)",
    "style.assessment_region": "Vurderingen af forslagene (kan rulles til siden)",
}


EN: dict[str, str] = {
    # -- the frame ---------------------------------------------------------------------
    "app.name": "Partnership tool",
    "app.language": "Language",
    "app.store_embedded": "Data is kept in a local demo database. On a free demo server, data may vanish.",
    "app.store_supabase": "Data is kept safely in Supabase.",
    "app.store_postgres": "Data is kept in your own PostgreSQL database.",
    "app.no_link": "Open a partnership with your link, or create a new one on the start page.",
    "app.not_for.owner": "This page cannot be opened with the association's link.",
    "app.not_for.partner": "This page cannot be opened with the partner's link.",
    "app.not_for.viewer": "This page cannot be opened with the read-only link.",

    # -- roles -------------------------------------------------------------------------
    "role.owner": "the association",
    "role.partner": "the partner",
    "role.viewer": "reader",
    "role.member": "member",

    # -- sides -------------------------------------------------------------------------
    "side.association": "The association",
    "side.partner": "The partner",

    # -- the menu ----------------------------------------------------------------------
    "nav.start": "Start",
    "nav.overview": "Overview",
    "nav.timeline": "Timeline",
    "nav.history": "History",
    "nav.privacy": "Privacy",
    "nav.settings": "Links and settings",
    "nav.menu": "Menu",
    "nav.step": "Step {n} · {title}",
    "nav.meeting": "Meeting view",

    # -- the reader's name -------------------------------------------------------------
    "who.prompt": "What is your name?",
    "who.placeholder": "Your name – press Enter",
    "who.why": "Your name is shown with everything you change, so the others can see who wrote what.",
    "who.needed": "Write your name at the top of the page first.",

    # -- page styling ------------------------------------------------------------------
    "style.choose_file": "Choose file",
    "style.upload_note": "Up to {mb} MB · JSON",
    "style.no_results": "No matches",
    "style.year": "yyyy",
    "style.timeline_region": "The timeline (scrolls sideways)",
    "style.assessment_region": "The assessment of the suggestions (scrolls sideways)",
}
