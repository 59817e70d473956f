"""Messages for working together live: presence, the settings page (links, names,
export, delete) and the history page."""

from __future__ import annotations

DA: dict[str, str] = {
    # -- presence and editors -------------------------------------------------------------
    "presence.editing_badge": "{names} skriver her nu",
    "presence.conflict_title_unknown": "En anden har gemt en ny udgave, mens du skrev. Intet er gået tabt – "
    "vælg hvad der skal gælde:",
    "presence.theirs_unknown": "Den anden udgave",
    "presence.conflict_help": "Din tekst er ikke gået tabt. »Flet de to« sætter begge tekster ind i feltet, "
    "så du kan rette dem til én – og gemme igen.",
    # -- settings -------------------------------------------------------------------------
    "settings.lead": "Her styrer I, hvem der har adgang til partnerskabet, og hvad det hedder. Kun "
    "foreningens link kan se denne side.",
    "settings.links": "Links",
    "settings.links_lead": "Der er ingen brugernavne eller adgangskoder: den, der har et link, er med. "
    "Der er tre slags links, og hver giver adgang til noget forskelligt.",
    "settings.owner.title": "Foreningens link",
    "settings.owner.what": "Til jer i bestyrelsen og dem, der arbejder med idéen. Giver adgang til det hele: "
    "jeres egne trin 1–3, de fælles trin 4–5, tidslinjen, historikken og denne side.",
    "settings.owner.yours": "Det er det link, du selv bruger nu:",
    "settings.owner.rotate_warning": "Alle andre, der bruger foreningens nuværende link, mister adgangen med "
    "det samme og skal have det nye. Du selv fortsætter med det nye link.",
    "settings.partner.title": "Partnerens link",
    "settings.partner.what": "Send det til partneren, når de har sagt ja. Partneren ser kun invitationen "
    "(idéen, som I sendte den) og de fælles trin 4–5, tidslinjen og de fælles ændringer i historikken – "
    "og kan skrive med i de fælles trin. Jeres egne noter, listen over mulige partnere og jeres mail ser "
    "partneren aldrig.",
    "settings.partner.rotate_warning": "Har partneren allerede et link, holder det op med at virke med det samme. "
    "Send det nye link til partneren.",
    "settings.viewer.title": "Læse-link",
    "settings.viewer.what": "Til dem, der bare skal kunne følge med – fx bestyrelsen, kommunen eller en fond. "
    "De kan læse de fælles trin, aftalen og tidslinjen, men ikke ændre noget, og de ser ikke jeres egne "
    "trin 1–3.",
    "settings.viewer.rotate_warning": "Har nogen allerede læse-linket, holder det op med at virke med det samme. "
    "Send det nye link til dem, der stadig skal kunne læse med.",
    "settings.not_stored": "Af hensyn til sikkerheden gemmer vi ikke selve linkene, kun et fingeraftryk af "
    "dem – så et link kan ikke vises igen. Har I ikke sendt det endnu, er det blevet væk, eller er det "
    "kommet i forkerte hænder, så lav et nyt.",
    "settings.rotate": "Luk linket og lav et nyt",
    "settings.rotate_yes": "Ja, luk det og lav et nyt",
    "settings.cancel": "Fortryd",
    "settings.fresh": "Linket er skiftet: det gamle virker ikke længere. Send det nye ovenfor til dem, "
    "der skal bruge det.",
    "settings.fresh_once": "Kopiér det nu med knappen til højre i feltet. Det bliver ikke vist igen, når du "
    "har lukket det.",
    "settings.fresh_done": "Jeg har kopieret linket",
    "settings.names": "Partnerskabet",
    "settings.name.title": "Arbejdstitel",
    "settings.name.our_org": "Foreningens navn",
    "settings.name.partner_org": "Partnerens navn",
    "settings.name.none": "ikke valgt endnu",
    "settings.export": "Eksport",
    "settings.export_lead": "Hent alt i partnerskabet som én JSON-fil – alle trin, personer, opgaver og hele "
    "historikken. Filen kan lægges ind igen som et nyt partnerskab, fx hvis demo-serveren har mistet "
    "sine data.",
    "settings.export_button": "Hent som JSON",
    "settings.delete": "Slet partnerskabet",
    "settings.delete_lead": "Sletter alt: trin, personer, opgaver, aftalen og historikken. Alle tre links "
    "holder op med at virke. Det kan ikke fortrydes, så hent en eksport først, hvis I vil gemme noget.",
    "settings.delete_button": "Slet partnerskabet …",
    "settings.delete_confirm": "Vil du virkelig slette »{title}« for altid – for både jer og partneren?",
    "settings.delete_yes": "Ja, slet alt",
    "settings.deleted": "Partnerskabet »{title}« er slettet, og alle links virker ikke længere.",
    # -- history --------------------------------------------------------------------------
    "history.lead": "Alle ændringer, nyeste først. Du kan hente en tidligere udgave tilbage; det bliver en "
    "ny ændring, så intet forsvinder.",
    "history.lead_partner": "Alle ændringer i det, I laver sammen, nyeste først. Du kan hente en tidligere "
    "udgave tilbage; det bliver en ny ændring, så intet forsvinder.",
    "history.lead_viewer": "Alle ændringer i det fælles, nyeste først.",
    "history.filter_what": "Hvad",
    "history.filter_who": "Hvem",
    "history.filter_role": "Side",
    "history.all_topics": "Alt",
    "history.everyone": "Alle",
    "history.both_sides": "Begge sider",
    "history.none": "Der er ikke ændret noget endnu.",
    "history.none_matching": "Ingen ændringer passer til det valgte.",
    "history.count": "Viser {shown} af {total} ændringer",
    "history.more": "Vis flere",
    "history.step": "trin {n}",
    "history.byline": "{who} ({role}) · {when} · version {version}",
    "history.first": "Første udgave",
    "history.before": "Før",
    "history.after": "Efter",
    "history.full_text": "Vis hele teksten",
    "history.created": "Oprettet:",
    "history.reopened": "Aftalen blev åbnet for ændringer. Den underskrevne udgave kan stadig læses.",
    "history.approved": "{name} godkendte aftalen for {side}.",
    "history.health": "{name} udfyldte et sundhedstjek af samarbejdet.",
    "history.no_visible_change": "Ingen synlig ændring.",
    "history.is_current": "Det er den nuværende udgave",
    "history.restore": "Hent denne udgave tilbage",
    "history.restore_help": "Gemmer denne udgave som en ny version. Det, der står nu, forsvinder ikke – det "
    "kan hentes tilbage herfra.",
    "history.restored": "{what} er hentet tilbage (ny version {version}).",
    "history.conflict": "{what} er ændret imens af {who} ({when}, nu version {version}), så intet er hentet "
    "tilbage. Siden viser nu det nyeste – prøv igen, hvis du stadig vil have denne udgave.",
    "history.yes": "ja",
    "history.no": "nej",
    "history.answers": "{n} svar",
    "history.kind.field": "Tekstfelt",
    "history.kind.candidate": "Forslag til partner",
    "history.kind.person": "Person",
    "history.kind.task": "Opgave",
    "history.kind.project": "Partnerskabets navne",
    "history.kind.approval": "Godkendelse af aftalen",
    "history.kind.agreement": "Aftalen åbnet igen",
    "history.kind.health": "Sundhedstjek",
    "history.attr.title": "Titel",
    "history.attr.name": "Navn",
    "history.attr.kind": "Type",
    "history.attr.responsible": "Ansvarlig",
    "history.attr.side": "Organisation",
    "history.attr.start": "Start",
    "history.attr.due": "Frist",
    "history.attr.status": "Status",
    "history.attr.note": "Note",
    "history.attr.internal": "Kun foreningen",
    "history.attr.contact": "Kontakt",
    "history.attr.first_meeting": "Med til første møde",
    "history.attr.working_group": "I arbejdsgruppen",
    "history.attr.resources": "Ressourcer",
    "history.attr.competences": "Kompetencer",
    "history.attr.values": "Værdier",
    "history.attr.fit": "Passer til idéen",
    "history.attr.priority": "Prioritet",
    "history.attr.our_org": "Foreningens navn",
    "history.attr.partner_org": "Partnerens navn",
    "history.attr.website": "Hjemmeside",
    "history.attr.created_by": "Oprettet af",
}

EN: dict[str, str] = {
    # -- presence and editors -------------------------------------------------------------
    "presence.editing_badge": "{names} is writing here now",
    "presence.conflict_title_unknown": "Someone else saved a new version while you were writing. Nothing is "
    "lost – choose what should stand:",
    "presence.theirs_unknown": "The other version",
    "presence.conflict_help": "Your text is not lost. “Merge the two” puts both texts in the field so that "
    "you can edit them into one – and save again.",
    # -- settings -------------------------------------------------------------------------
    "settings.lead": "Here you decide who has access to the partnership and what it is called. Only the "
    "association's link can see this page.",
    "settings.links": "Links",
    "settings.links_lead": "There are no user names or passwords: whoever has a link is in. There are three "
    "kinds of link, and each gives access to something different.",
    "settings.owner.title": "The association's link",
    "settings.owner.what": "For your board and whoever works on the idea. Gives access to everything: your own "
    "steps 1–3, the joint steps 4–5, the timeline, the history and this page.",
    "settings.owner.yours": "This is the link you are using now:",
    "settings.owner.rotate_warning": "Everyone else using the association's current link loses access at once "
    "and needs the new one. You carry on with the new link.",
    "settings.partner.title": "The partner's link",
    "settings.partner.what": "Send it to the partner once they have said yes. The partner sees only the "
    "invitation (the idea as you sent it) and the joint steps 4–5, the timeline and the joint changes in the "
    "history – and can write in the joint steps. Your own notes, the list of possible partners and your "
    "e-mail are never shown to the partner.",
    "settings.partner.rotate_warning": "If the partner already has a link, it stops working at once. Send the "
    "new link to the partner.",
    "settings.viewer.title": "Read-only link",
    "settings.viewer.what": "For people who only need to follow along – the board, the municipality or a "
    "foundation. They can read the joint steps, the agreement and the timeline but change nothing, and they "
    "do not see your own steps 1–3.",
    "settings.viewer.rotate_warning": "If anyone already has the read-only link, it stops working at once. Send "
    "the new link to those who should still be able to read along.",
    "settings.not_stored": "For safety we do not keep the links themselves, only a fingerprint of them – so a "
    "link cannot be shown again. If you have not sent it yet, if it got lost, or if it reached the wrong "
    "people, make a new one.",
    "settings.rotate": "Close the link and make a new one",
    "settings.rotate_yes": "Yes, close it and make a new one",
    "settings.cancel": "Cancel",
    "settings.fresh": "The link has been replaced: the old one no longer works. Send the new one above to "
    "whoever needs it.",
    "settings.fresh_once": "Copy it now with the button on the right of the box. It is not shown again once "
    "you close it.",
    "settings.fresh_done": "I have copied the link",
    "settings.names": "The partnership",
    "settings.name.title": "Working title",
    "settings.name.our_org": "The association's name",
    "settings.name.partner_org": "The partner's name",
    "settings.name.none": "not chosen yet",
    "settings.export": "Export",
    "settings.export_lead": "Download everything in the partnership as one JSON file – all steps, people, "
    "tasks and the whole history. The file can be imported again as a new partnership, for example if the "
    "demo server has lost its data.",
    "settings.export_button": "Download as JSON",
    "settings.delete": "Delete the partnership",
    "settings.delete_lead": "Deletes everything: steps, people, tasks, the agreement and the history. All "
    "three links stop working. This cannot be undone, so download an export first if you want to keep "
    "anything.",
    "settings.delete_button": "Delete the partnership …",
    "settings.delete_confirm": "Do you really want to delete “{title}” for good – for both you and the partner?",
    "settings.delete_yes": "Yes, delete everything",
    "settings.deleted": "The partnership “{title}” is deleted, and none of its links work any more.",
    # -- history --------------------------------------------------------------------------
    "history.lead": "Every change, newest first. You can bring back an earlier version; that becomes a new "
    "change, so nothing disappears.",
    "history.lead_partner": "Every change in what you do together, newest first. You can bring back an "
    "earlier version; that becomes a new change, so nothing disappears.",
    "history.lead_viewer": "Every change in the joint content, newest first.",
    "history.filter_what": "What",
    "history.filter_who": "Who",
    "history.filter_role": "Side",
    "history.all_topics": "Everything",
    "history.everyone": "Everyone",
    "history.both_sides": "Both sides",
    "history.none": "Nothing has been changed yet.",
    "history.none_matching": "No changes match your choice.",
    "history.count": "Showing {shown} of {total} changes",
    "history.more": "Show more",
    "history.step": "step {n}",
    "history.byline": "{who} ({role}) · {when} · version {version}",
    "history.first": "First version",
    "history.before": "Before",
    "history.after": "After",
    "history.full_text": "Show the whole text",
    "history.created": "Created:",
    "history.reopened": "The agreement was reopened for changes. The signed version can still be read.",
    "history.approved": "{name} approved the agreement for {side}.",
    "history.health": "{name} filled in a health check of the partnership.",
    "history.no_visible_change": "No visible change.",
    "history.is_current": "This is the current version",
    "history.restore": "Bring this version back",
    "history.restore_help": "Saves this version as a new version. What is there now does not disappear – it "
    "can be brought back from here.",
    "history.restored": "{what} is brought back (new version {version}).",
    "history.conflict": "{what} was changed meanwhile by {who} ({when}, now version {version}), so nothing was "
    "brought back. The page now shows the latest – try again if you still want this version.",
    "history.yes": "yes",
    "history.no": "no",
    "history.answers": "{n} answers",
    "history.kind.field": "Text field",
    "history.kind.candidate": "Suggested partner",
    "history.kind.person": "Person",
    "history.kind.task": "Task",
    "history.kind.project": "The partnership's names",
    "history.kind.approval": "Approval of the agreement",
    "history.kind.agreement": "Agreement reopened",
    "history.kind.health": "Health check",
    "history.attr.title": "Title",
    "history.attr.name": "Name",
    "history.attr.kind": "Kind",
    "history.attr.responsible": "Responsible",
    "history.attr.side": "Organisation",
    "history.attr.start": "Start",
    "history.attr.due": "Due",
    "history.attr.status": "Status",
    "history.attr.note": "Note",
    "history.attr.internal": "Association only",
    "history.attr.contact": "Contact",
    "history.attr.first_meeting": "At the first meeting",
    "history.attr.working_group": "In the working group",
    "history.attr.resources": "Resources",
    "history.attr.competences": "Competences",
    "history.attr.values": "Values",
    "history.attr.fit": "Fits the idea",
    "history.attr.priority": "Priority",
    "history.attr.our_org": "The association's name",
    "history.attr.partner_org": "The partner's name",
    "history.attr.website": "Website",
    "history.attr.created_by": "Created by",
}
