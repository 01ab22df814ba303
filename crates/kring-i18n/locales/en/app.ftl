# The desktop app's own messages from the core side (kring-api): what a command answers that no
# core error words.

app-no-profile = Kring is not set up yet: choose your role, name and email first.
# A command that stopped before it answered (it panicked); $cause is the runtime's own words.
app-operation-stopped = The operation stopped: { $cause }
app-demo-store = This is the demo: its cards are fictional, never leave this machine and are kept apart from your own, so it cannot be { $kind ->
   *[other] { $action }
}. Leave the demo (the button in the banner at the top) to do this with your own network.
# Why this store is listed as pending on the Members screen.
member-awaiting-approval = waiting for a manager to approve this store
# Why a relationship matters in a handover (the offboarding plan's items).
handover-reason = { $sentence ->
    [priority] priority stakeholder of { $names }
    [accountable] accountable for it in a team
    [looked_after] looked after by { $names }
    [known_by_nobody_else] nobody else knows this stakeholder
    [known_weakly] colleagues know them only weakly
   *[going_cold] going cold
}
# "Log from file…" without a file chosen.
app-capture-choose-files = Choose one or more meeting invitations or calendar exports (.ics) or saved e-mails (.eml) first.
