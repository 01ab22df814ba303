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

# Refusals and failures of the app's commands (kring-api), said in the app's language.
app-demo-busy = The demo is still busy with something: try removing it again in a moment.
app-store-busy = Kring is still busy with the store (a sync or an import may be running): nothing was compacted. Try again when it has finished.
app-card-list-failed = The card list could not be built. Close Kring and open it again; if it happens again, run `kring check`.
app-report-extension = Save the report as .html (a page to hand over) or .json (for programs).
app-report-not-written = The report could not be written: { $cause }
app-request-in-future = The day the request came in cannot be in the future.
app-not-in-graph = { $id } is not in the network graph (no such card, or it is private or deleted).
app-not-a-networker = { $id } is not a networker.
app-picture-not-in-sync-folder = The picture shows your private cards too, so it is not saved in the sync folder ({ $folder }), which colleagues read: choose a folder of your own.
app-picture-not-base64 = The picture is not valid base64.
app-not-a-card-id = '{ $value }' is not a card id.
app-not-a-date = '{ $value }' is not a date (YYYY-MM-DD).
app-not-a-moment = '{ $value }' is not a date and time.
app-name-needed = Your name is needed: colleagues see it on what you share.
app-name-empty = Your name cannot be empty.
app-card-gone = That card no longer exists.
app-relationship-not-shown = The relationship was saved but cannot be shown; reopen the card.
app-log-with-nobody = Choose who the interaction was with.
app-follow-up-due-missing = Give the follow-up a due date.
app-note-empty = Write the note first.
app-choose-file = Choose a file first.
app-choose-bundles = Choose one or more .kring files first.
app-file-unreadable = { $path } cannot be read: { $cause }
app-file-unwritable = { $path } cannot be written: { $cause }
