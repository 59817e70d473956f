"""Messages for the agreement as a finished document: the signature block, the
fingerprint note, the agreement's commitments grouped by kind, and the calendar."""

from __future__ import annotations

DA: dict[str, str] = {
    # Signature block
    "sig.h": "Underskrifter",
    "sig.approved": "Godkendt af {name}, {org}, {when}",
    "sig.pending": "Har endnu ikke godkendt denne tekst.",
    "sig.both": "Underskrevet af begge parter den {when}.",
    "sig.when": "{date} kl. {time}",
    "sig.fingerprint": (
        "Aftalens fingeraftryk (SHA-256): {hash}. Fingeraftrykket er regnet ud fra teksten "
        "ovenfor: ændres så meget som ét tegn i den, passer fingeraftrykket ikke længere, så man "
        "kan se, at det er præcis den tekst, begge parter har godkendt."
    ),
    # The agreement's commitments, grouped by kind
    "agr.h.group.activity": "Aktiviteter",
    "agr.h.group.task": "Opgaver",
    "agr.h.group.milestone": "Milepæle",
    "agr.none_tasks": "Ingen opgaver angivet endnu.",
    "agr.none_milestones": "Ingen milepæle angivet endnu.",
}

EN: dict[str, str] = {
    "sig.h": "Signatures",
    "sig.approved": "Approved by {name}, {org}, {when}",
    "sig.pending": "Has not approved this text yet.",
    "sig.both": "Signed by both parties on {when}.",
    "sig.when": "{date} at {time}",
    "sig.fingerprint": (
        "The agreement's fingerprint (SHA-256): {hash}. It is computed from the text above: "
        "change as much as one character and the fingerprint no longer matches, so anyone can "
        "check that this is exactly the text both parties approved."
    ),
    "agr.h.group.activity": "Activities",
    "agr.h.group.task": "Tasks",
    "agr.h.group.milestone": "Milestones",
    "agr.none_tasks": "No tasks listed yet.",
    "agr.none_milestones": "No milestones listed yet.",
}
