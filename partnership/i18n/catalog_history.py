"""The history page: what changed, by whom, filters, restoring an earlier value and
imported history."""

from __future__ import annotations

DA: dict[str, str] = {
    "history.attr.person.title": "Rolle",
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
    "history.count": "Viser {shown} af {total} {total:ændring|ændringer}",
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
    "history.kind.funding": "Fondsansøgning",
    "history.kind.term": "Aftalens periode og afslutning",
    "history.kind.evaluation": "Evaluering",
    "history.attr.fund": "Fond",
    "history.attr.amount": "Beløb",
    "history.attr.deadline": "Frist",
    "history.attr.choice": "Valg",
    "history.attr.reached": "Hvad vi nåede",
    "history.attr.end": "Slut",
    "history.kind.health": "Sundhedstjek",
    "history.kind.timer": "Uret i trin 2",
    "history.kind.agenda": "Dagsordenen for møde 1",
    "history.kind.links": "Links",
    "history.attr.timer": "Uret",
    "history.attr.point": "Punkt",
    "history.attr.members_see_links": "Medlemmerne ser partnerens link og læse-linket",
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
    "history.imported": "Importeret historik – kun til læsning",
    "history.kind.import": "Projektet blev importeret fra en fil",
    "history.imported_lead": (
        "Disse ændringer kommer fra den importerede fil. De kan ikke gendannes, og godkendelser "
        "fra filen gælder ikke: projektet skal godkendes igen."
    ),
    "history.kind.signed_version": "Underskrevet aftale fra filen",
    "history.signed_imported": (
        "Aftalen, som den stod underskrevet ifølge den importerede fil (fingeraftryk {fingerprint}…). Det er en "
        "kopi til læsning – ikke en underskrift i dette partnerskab."
    ),
    "history.import_summary": (
        "Med fra filen: {fields} {fields:tekstfelt|tekstfelter}, {tasks} {tasks:opgave|opgaver} og {entries} "
        "{entries:ændring|ændringer} i historikken. Underskrevne udgaver af aftalen: {signed} – de står i "
        "historikken til læsning. Godkendelser: {approvals} – de kom ikke med, så aftalen skal godkendes igen af "
        "begge parter."
    ),

    # -- follow-up meetings (migration _meetings) -----------------------------------------
    "history.kind.meeting": "Opfølgningsmøde",
    "history.kind.meeting_notes": "Referat af et møde",
    "history.kind.meeting_rhythm": "Fast mødeplan",
    # issue 25: a meeting cancelled or held again (ps_cancel_meeting)
    "history.attr.cancelled": "Aflyst",
    "history.attr.cancel_reason": "Begrundelse for aflysning",
}


EN: dict[str, str] = {
    "history.attr.person.title": "Role",
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
    "history.count": "Showing {shown} of {total} {total:change|changes}",
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
    "history.answers": "{n} {n:answer|answers}",
    "history.kind.field": "Text field",
    "history.kind.candidate": "Suggested partner",
    "history.kind.person": "Person",
    "history.kind.task": "Task",
    "history.kind.project": "The partnership's names",
    "history.kind.approval": "Approval of the agreement",
    "history.kind.agreement": "Agreement reopened",
    "history.kind.funding": "Funding application",
    "history.kind.term": "The agreement's period and end",
    "history.kind.evaluation": "Evaluation",
    "history.attr.fund": "Fund",
    "history.attr.amount": "Amount",
    "history.attr.deadline": "Deadline",
    "history.attr.choice": "Choice",
    "history.attr.reached": "What we reached",
    "history.attr.end": "End",
    "history.kind.health": "Health check",
    "history.kind.timer": "The step 2 timer",
    "history.kind.agenda": "The agenda of meeting 1",
    "history.kind.links": "Links",
    "history.attr.timer": "The timer",
    "history.attr.point": "Item",
    "history.attr.members_see_links": "Members see the partner's link and the read-only link",
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
    "history.imported": "Imported history – read only",
    "history.kind.import": "The project was imported from a file",
    "history.imported_lead": (
        "These changes come from the imported file. They cannot be restored, and approvals from the "
        "file do not count: the project must be approved again."
    ),
    "history.kind.signed_version": "Signed agreement from the file",
    "history.signed_imported": (
        "The agreement as it stood signed according to the imported file (fingerprint {fingerprint}…). This is "
        "a copy to read – not a signature in this partnership."
    ),
    "history.import_summary": (
        "From the file: {fields} text {fields:field|fields}, {tasks} {tasks:task|tasks} and {entries} history "
        "{entries:entry|entries}. Signed versions of the agreement: {signed} – they are in the history, to read. "
        "Approvals: {approvals} – they did not come along, so the agreement must be approved again by both sides."
    ),

    # -- follow-up meetings (migration _meetings) -----------------------------------------
    "history.kind.meeting": "Follow-up meeting",
    "history.kind.meeting_notes": "Minutes of a meeting",
    "history.kind.meeting_rhythm": "Regular meeting schedule",
    # issue 25: a meeting cancelled or held again (ps_cancel_meeting)
    "history.attr.cancelled": "Cancelled",
    "history.attr.cancel_reason": "Reason for cancelling",
}
