"""Funding applications (issue 25): step 4's list and forms, the dashboard's sum, the
timeline's deadlines and the agreement's lines."""

from __future__ import annotations

DA: dict[str, str] = {
    "fund.heading": "Fondsansøgninger",
    "fund.lead": "Hold styr på ansøgningerne sammen: fond, beløb, frist, status og hvem der skriver den. "
    "Fristerne kommer på tidslinjen.",
    "fund.none": "Ingen ansøgninger endnu.",
    "fund.sums": "Søgt: **{applied}** · bevilget: **{granted}** · planlagt: {planned}",
    "fund.sums_help": "Søgt er ansøgninger, der er sendt eller har fået svar. Planlagte er ikke sendt endnu.",
    "fund.row": "Frist: {deadline} · Ansvarlig: {who}",
    "fund.no_deadline": "ingen frist",
    "fund.status.planned": "Planlagt",
    "fund.status.sent": "Sendt",
    "fund.status.granted": "Bevilget",
    "fund.status.refused": "Afslag",
    "fund.edit": "Rediger ansøgningen",
    "fund.save": "Gem ansøgningen",
    "fund.saved": "Ansøgningen er gemt.",
    "fund.conflict": "{who} har ændret ansøgningen imens. Dine ændringer står her stadig; gem igen for at "
    "overskrive, eller annullér for at se deres.",
    "fund.add": "Tilføj en ansøgning",
    "fund.add_save": "Tilføj ansøgningen",
    "fund.added": "Ansøgningen til {fund} er tilføjet.",
    "fund.f.fund": "Fond eller pulje",
    "fund.f.amount": "Beløb i kr.",
    "fund.f.deadline": "Ansøgningsfrist",
    "fund.f.status": "Status",
    "fund.f.responsible": "Ansvarlig",
    "fund.f.note": "Note",
    "fund.timeline_title": "Ansøgningsfrist: {fund}",
    "fund.agr_heading": "Fondsansøgninger",
    "fund.agr_deadline": "frist {date}",
    "fund.agr_no_deadline": "ingen frist",
}

EN: dict[str, str] = {
    "fund.heading": "Funding applications",
    "fund.lead": "Keep track of the applications together: fund, amount, deadline, status and who writes it. "
    "The deadlines go on the timeline.",
    "fund.none": "No applications yet.",
    "fund.sums": "Applied: **{applied}** · granted: **{granted}** · planned: {planned}",
    "fund.sums_help": "Applied are applications sent or answered. Planned ones are not sent yet.",
    "fund.row": "Deadline: {deadline} · Responsible: {who}",
    "fund.no_deadline": "no deadline",
    "fund.status.planned": "Planned",
    "fund.status.sent": "Sent",
    "fund.status.granted": "Granted",
    "fund.status.refused": "Refused",
    "fund.edit": "Edit the application",
    "fund.save": "Save the application",
    "fund.saved": "The application is saved.",
    "fund.conflict": "{who} changed the application meanwhile. Your changes are still here; save again to "
    "overwrite, or cancel to see theirs.",
    "fund.add": "Add an application",
    "fund.add_save": "Add the application",
    "fund.added": "The application to {fund} is added.",
    "fund.f.fund": "Fund or pool",
    "fund.f.amount": "Amount in DKK",
    "fund.f.deadline": "Application deadline",
    "fund.f.status": "Status",
    "fund.f.responsible": "Responsible",
    "fund.f.note": "Note",
    "fund.timeline_title": "Application deadline: {fund}",
    "fund.agr_heading": "Funding applications",
    "fund.agr_deadline": "deadline {date}",
    "fund.agr_no_deadline": "no deadline",
}
