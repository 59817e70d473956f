"""Working together live: who else is here, the inline editors, edit conflicts and the
notices while someone else writes."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- who else is here --------------------------------------------------------------
    "live.here": "Også her nu: {names}",
    "live.changed_notice": "Der er nye ændringer – de vises, når du lukker vinduet.",
    "live.someone.owner": "en fra foreningen",
    "live.someone.partner": "en fra partneren",
    "live.someone.member": "et medlem",
    "live.someone.viewer": "en læser",

    # -- presence in the editors -------------------------------------------------------
    "presence.editing_badge": "{names} skriver her nu",
    "presence.conflict_title_unknown": "En anden har gemt en ny udgave, mens du skrev. Intet er gået tabt – "
    "vælg hvad der skal gælde:",
    "presence.theirs_unknown": "Den anden udgave",
    "presence.conflict_help": "Din tekst er ikke gået tabt. »Flet de to« sætter begge tekster ind i feltet, "
    "så du kan rette dem til én – og gemme igen.",

    # -- editors -----------------------------------------------------------------------
    "edit.edit": "Rediger",
    "edit.save": "Gem",
    "edit.cancel": "Annuller",
    "edit.add": "Tilføj",
    "edit.example": "Vis et eksempel",
    "edit.saved": "Gemt.",
    "edit.empty": "Ikke udfyldt endnu.",
    "edit.last_change": "Senest ændret af {who}, {when} · version {version}",
    "edit.moved_on": "{who} har gemt en ny udgave ({when}), mens du skrev. Gemmer du, får du valget mellem "
    "din og deres tekst.",

    # -- edit conflicts ----------------------------------------------------------------
    "conflict.title": "{who} gemte en anden udgave ({when}), mens du skrev. Intet er gået tabt – vælg hvad der "
    "skal gælde:",
    "conflict.mine": "Din udgave",
    "conflict.theirs": "Udgaven fra {who}",
    "conflict.keep_mine": "Behold min",
    "conflict.take_theirs": "Tag deres",
    "conflict.merge": "Flet de to",
    "conflict.edit_again": "Ret min igen",
    "conflict.took_theirs": "Du har taget den anden udgave. Din tekst er ikke gemt.",
}


EN: dict[str, str] = {
    # -- who else is here --------------------------------------------------------------
    "live.here": "Also here now: {names}",
    "live.changed_notice": "There are new changes – they appear when you close the window.",
    "live.someone.owner": "someone from the association",
    "live.someone.partner": "someone from the partner",
    "live.someone.member": "a member",
    "live.someone.viewer": "a reader",

    # -- presence in the editors -------------------------------------------------------
    "presence.editing_badge": "{names} is writing here now",
    "presence.conflict_title_unknown": "Someone else saved a new version while you were writing. Nothing is "
    "lost – choose what should stand:",
    "presence.theirs_unknown": "The other version",
    "presence.conflict_help": "Your text is not lost. “Merge the two” puts both texts in the field so that "
    "you can edit them into one – and save again.",

    # -- editors -----------------------------------------------------------------------
    "edit.edit": "Edit",
    "edit.save": "Save",
    "edit.cancel": "Cancel",
    "edit.add": "Add",
    "edit.example": "Show an example",
    "edit.saved": "Saved.",
    "edit.empty": "Not filled in yet.",
    "edit.last_change": "Last changed by {who}, {when} · version {version}",
    "edit.moved_on": "{who} saved a new version ({when}) while you were writing. If you save, you get the "
    "choice between your text and theirs.",

    # -- edit conflicts ----------------------------------------------------------------
    "conflict.title": "{who} saved another version ({when}) while you were writing. Nothing is lost – choose "
    "what should stand:",
    "conflict.mine": "Your version",
    "conflict.theirs": "The version from {who}",
    "conflict.keep_mine": "Keep mine",
    "conflict.take_theirs": "Take theirs",
    "conflict.merge": "Merge the two",
    "conflict.edit_again": "Edit mine again",
    "conflict.took_theirs": "You took the other version. Your text was not saved.",
}
