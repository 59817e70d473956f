"""Messages for the limits that keep big projects and abuse cheap: paging of long lists,
the aggregated timeline, caps on records, upload size, throttling and a busy store."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- long lists -------------------------------------------------------------------
    "limits.more": "Vis flere ({shown} af {total} vist)",
    "limits.search": "Søg i opgaverne",
    "limits.search_placeholder": "Skriv en del af titlen",
    "limits.search_none": "Ingen opgaver matcher søgningen.",
    "limits.aggregated": "Der er {n} opgaver – for overblikkets skyld samler tidslinjen dem pr. måned og "
                         "række. Brug filtrene for at se de enkelte opgaver.",
    "limits.bucket": "{n} opgaver",
    # -- caps and throttling ------------------------------------------------------------
    "err.record_cap": "Projektet har nået grænsen på {limit} {what}. Slet eller saml nogle, før du tilføjer "
                      "flere – intet er gemt, og din tekst er bevaret.",
    "err.rate_limited": "Der er oprettet eller importeret mange projekter på kort tid. Vent et øjeblik og prøv "
                        "igen – intet er gemt.",
    "err.file_too_large": "Filen er for stor ({size}). Den største fil, der kan importeres, er {limit}.",
    "what.cap.tasks": "opgaver",
    "what.cap.people": "personer",
    "what.cap.candidates": "kandidater",
    "what.cap.health_checks": "sundhedstjek",
}

EN: dict[str, str] = {
    "limits.more": "Show more ({shown} of {total} shown)",
    "limits.search": "Search the tasks",
    "limits.search_placeholder": "Type part of the title",
    "limits.search_none": "No task matches the search.",
    "limits.aggregated": "There are {n} tasks – to keep the overview, the timeline groups them by month and "
                         "lane. Use the filters to see the single tasks.",
    "limits.bucket": "{n} tasks",
    "err.record_cap": "The project has reached its limit of {limit} {what}. Delete or merge some before adding "
                      "more – nothing was saved and your text is kept.",
    "err.rate_limited": "Many projects were created or imported in a short time. Wait a moment and try again – "
                        "nothing was saved.",
    "err.file_too_large": "The file is too large ({size}). The largest file that can be imported is {limit}.",
    "what.cap.tasks": "tasks",
    "what.cap.people": "people",
    "what.cap.candidates": "candidates",
    "what.cap.health_checks": "health checks",
}
