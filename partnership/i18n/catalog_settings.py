"""The settings page: the links, names, export and deleting the partnership."""

from __future__ import annotations

DA: dict[str, str] = {
    "settings.lead": "Her styrer I, hvem der har adgang til partnerskabet, og hvad det hedder. Kun "
    "foreningens link kan skifte links, hente eksporten og slette partnerskabet.",
    "settings.links": "Links",
    "settings.links_lead": "Der er ingen brugernavne eller adgangskoder: den, der har et link, er med. "
    "Der er fire slags links, og hver giver adgang til noget forskelligt.",
    "settings.owner.title": "Foreningens link",
    "settings.owner.what": "Til jer i bestyrelsen og dem, der arbejder med idéen. Giver adgang til det hele: "
    "jeres egne trin 1–3, de fælles trin 4–5, tidslinjen, historikken og denne side.",
    "settings.owner.rotate_warning": "Alle andre, der bruger foreningens nuværende link, mister adgangen med "
    "det samme og skal have det nye. Du selv fortsætter med det nye link.",
    "settings.partner.title": "Partnerens link",
    "settings.partner.what": "Send det til partneren, når de har sagt ja. Partneren ser kun invitationen "
    "(idéen, som I sendte den) og de fælles trin 4–5, tidslinjen og de fælles ændringer i historikken – "
    "og kan skrive med i de fælles trin. Jeres egne noter, listen over mulige partnere og jeres mail ser "
    "partneren aldrig.",
    "settings.partner.rotate_warning": "Har partneren allerede et link, holder det op med at virke med det samme. "
    "Send det nye link til partneren.",
    "settings.member.title": "Medlemslink",
    "settings.member.what": "Til foreningens øvrige medlemmer – fx resten af bestyrelsen på den første aften, "
    "fra deres telefoner. De læser og skriver i alle trin for foreningen, men kan ikke skifte links, hente "
    "eksporten eller slette partnerskabet.",
    "settings.member.rotate_warning": "Alle medlemmer, der bruger det nuværende medlemslink, mister adgangen "
    "med det samme. Send det nye link til dem, der stadig skal være med.",
    "settings.members_see_links": "Medlemmerne må se partnerens link og læse-linket",
    "settings.members_see_links_help": "Så kan medlemmerne selv kopiere og sende dem videre. De kan aldrig "
    "se foreningens link eller skifte et link.",
    "settings.member_links_hidden": "Foreningens link bestemmer, om medlemmer kan se partnerens link og "
    "læse-linket. Lige nu er de ikke vist for medlemmer.",
    "settings.member_links_lead": "Foreningen har valgt at vise jer partnerens link og læse-linket. Kun "
    "foreningens link kan skifte dem.",
    "settings.viewer.title": "Læse-link",
    "settings.viewer.what": "Til dem, der bare skal kunne følge med – fx bestyrelsen, kommunen eller en fond. "
    "De kan læse de fælles trin, aftalen og tidslinjen, men ikke ændre noget, og de ser ikke jeres egne "
    "trin 1–3.",
    "settings.viewer.rotate_warning": "Har nogen allerede læse-linket, holder det op med at virke med det samme. "
    "Send det nye link til dem, der stadig skal kunne læse med.",
    "settings.rotate": "Luk linket og lav et nyt",
    "settings.rotate_yes": "Ja, luk det og lav et nyt",
    "settings.cancel": "Fortryd",
    "settings.fresh": "Linket er skiftet: det gamle virker ikke længere. Send det nye ovenfor til dem, "
    "der skal bruge det.",
    "settings.names": "Partnerskabet",
    "settings.name.title": "Arbejdstitel",
    "settings.name.our_org": "Foreningens navn",
    "settings.name.partner_org": "Partnerens navn",
    "settings.name.none": "ikke valgt endnu",
    "settings.export": "Eksport",
    "settings.export_lead": "Hent alt i partnerskabet som én JSON-fil – alle trin, personer, opgaver og hele "
    "historikken. Filen kan lægges ind igen som et nyt partnerskab, fx hvis demo-serveren har mistet "
    "sine data. Godkendelser og underskrifter følger ikke med: aftalen skal da godkendes igen af begge "
    "parter, og de underskrevne udgaver står i historikken, kun til læsning.",
    "settings.export_button": "Hent som JSON",
    "settings.delete": "Slet partnerskabet",
    "settings.delete_lead": "Sletter alt: trin, personer, opgaver, aftalen og historikken. Alle links "
    "holder op med at virke. Det kan ikke fortrydes, så hent en eksport først, hvis I vil gemme noget.",
    "settings.delete_button": "Slet partnerskabet …",
    "settings.delete_confirm": "Vil du virkelig slette »{title}« for altid – for både jer og partneren?",
    "settings.delete_yes": "Ja, slet alt",
    "settings.deleted": "Partnerskabet »{title}« er slettet, og alle links virker ikke længere.",
}


EN: dict[str, str] = {
    "settings.lead": "Here you decide who has access to the partnership and what it is called. Only the "
    "association's link can replace links, download the export and delete the partnership.",
    "settings.links": "Links",
    "settings.links_lead": "There are no user names or passwords: whoever has a link is in. There are four "
    "kinds of link, and each gives access to something different.",
    "settings.owner.title": "The association's link",
    "settings.owner.what": "For your board and whoever works on the idea. Gives access to everything: your own "
    "steps 1–3, the joint steps 4–5, the timeline, the history and this page.",
    "settings.owner.rotate_warning": "Everyone else using the association's current link loses access at once "
    "and needs the new one. You carry on with the new link.",
    "settings.partner.title": "The partner's link",
    "settings.partner.what": "Send it to the partner once they have said yes. The partner sees only the "
    "invitation (the idea as you sent it) and the joint steps 4–5, the timeline and the joint changes in the "
    "history – and can write in the joint steps. Your own notes, the list of possible partners and your "
    "e-mail are never shown to the partner.",
    "settings.partner.rotate_warning": "If the partner already has a link, it stops working at once. Send the "
    "new link to the partner.",
    "settings.member.title": "Members' link",
    "settings.member.what": "For the association's other members – for example the rest of the board on the "
    "first evening, from their phones. They read and write every step for the association but cannot "
    "replace links, download the export or delete the partnership.",
    "settings.member.rotate_warning": "All members using the current members' link lose access at once. Send "
    "the new link to those who should still take part.",
    "settings.members_see_links": "Members may see the partner's link and the read-only link",
    "settings.members_see_links_help": "Then members can copy them and pass them on themselves. They never see "
    "the association's link and cannot replace a link.",
    "settings.member_links_hidden": "The association's link decides whether members see the partner's link "
    "and the read-only link. For now they are not shown to members.",
    "settings.member_links_lead": "The association has chosen to show you the partner's link and the read-only "
    "link. Only the association's link can replace them.",
    "settings.viewer.title": "Read-only link",
    "settings.viewer.what": "For people who only need to follow along – the board, the municipality or a "
    "foundation. They can read the joint steps, the agreement and the timeline but change nothing, and they "
    "do not see your own steps 1–3.",
    "settings.viewer.rotate_warning": "If anyone already has the read-only link, it stops working at once. Send "
    "the new link to those who should still be able to read along.",
    "settings.rotate": "Close the link and make a new one",
    "settings.rotate_yes": "Yes, close it and make a new one",
    "settings.cancel": "Cancel",
    "settings.fresh": "The link has been replaced: the old one no longer works. Send the new one above to "
    "whoever needs it.",
    "settings.names": "The partnership",
    "settings.name.title": "Working title",
    "settings.name.our_org": "The association's name",
    "settings.name.partner_org": "The partner's name",
    "settings.name.none": "not chosen yet",
    "settings.export": "Export",
    "settings.export_lead": "Download everything in the partnership as one JSON file – all steps, people, "
    "tasks and the whole history. The file can be imported again as a new partnership, for example if the "
    "demo server has lost its data. Approvals and signatures do not come along: the agreement must then be "
    "approved again by both sides, and the signed versions are in the history, read only.",
    "settings.export_button": "Download as JSON",
    "settings.delete": "Delete the partnership",
    "settings.delete_lead": "Deletes everything: steps, people, tasks, the agreement and the history. All "
    "links stop working. This cannot be undone, so download an export first if you want to keep "
    "anything.",
    "settings.delete_button": "Delete the partnership …",
    "settings.delete_confirm": "Do you really want to delete “{title}” for good – for both you and the partner?",
    "settings.delete_yes": "Yes, delete everything",
    "settings.deleted": "The partnership “{title}” is deleted, and none of its links work any more.",
}
