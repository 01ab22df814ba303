# What `kring capture` writes for people (crates/kring-cli/src/capture.rs). A capture note
# (`capture-note-<code>`, `-2`, `-3` for a code worded more than one way) is used only when its
# English is word for word what kring-core wrote; anything else stays as the core wrote it.

capture-nothing-captured = nothing was captured: { $failures }
capture-dry-run-summary = Dry run: nothing was changed. Would log { $log }, update { $update }, withdraw { $withdraw }, plan { $follow_ups } follow-up(s); { $skipped } skipped.
capture-done-summary = Logged { $logged }, updated { $updated }, withdrew { $withdrawn }, planned { $follow_ups } follow-up(s), added { $cards } card(s); { $skipped } skipped.
capture-unknown-addresses = { $count } address(es) no card has: { $addresses }. Run again with --create-unknown to add them as cards.
capture-kind = { $kind }
capture-no-subject = (no subject)
capture-item = { $action ->
    [log] log
    [update] update
    [withdraw] withdraw
    [follow-up] follow-up
    [update-follow-up] update follow-up
   *[skip] skip
}: { $reason }.
capture-by-name = { $name } (by name at their organisation)
capture-with = With { $people }.
capture-added-as-card = , added as a card
capture-unknown = Unknown: { $addresses }.
capture-no-known-stakeholder = no known stakeholder took part{ $unknown ->
    [0] {""}
    [one] {" "}({ $unknown } unknown address: add it to log it)
   *[other] {" "}({ $unknown } unknown addresses: add them to log it)
}
capture-dated-ahead = dated { $at }, more than a day ahead: not logged as a contact that happened (the sender's clock may be wrong)
capture-note-not_selected = not selected
capture-note-cancelled_withdrawn = cancelled: the meeting logged from it is withdrawn
capture-note-cancelled_withdrawn-2 = cancelled: its follow-up is withdrawn
capture-note-cancelled = cancelled: not logged
capture-note-withdrawn_earlier = logged before and deleted since: Kring leaves it deleted
capture-note-withdrawn_earlier-2 = planned before and deleted since: Kring leaves it deleted
capture-note-updated = an update of a meeting logged before
capture-note-already_logged = already logged
capture-note-follow_up_updated = an update of a meeting still to come
capture-note-already_planned = still to come: already a follow-up
capture-note-still_to_come = still to come: a follow-up on its day
capture-note-log = to log
capture-note-duplicate = the same meeting or e-mail is in the files more than once: the newest is used
capture-note-duplicate-2 = the same meeting or e-mail is in the plan more than once
capture-note-unsupported_file = is not a meeting invitation or calendar export (.ics) or a saved e-mail (.eml): Kring logs only those
capture-note-unreadable = is a folder: name the meeting or e-mail files in it
capture-note-unreadable-2 = does not exist
capture-note-unreadable-3 = may not be read by you
