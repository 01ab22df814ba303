# What `kring capture` writes for people (crates/kring-cli/src/capture.rs), and the notes
# kring-core words in the language of the capture (`capture-note-<code>`, `-2`, `-3` for a code
# worded more than one way; crates/kring-core/src/capture.rs), and the readers' warnings (`read-*`).

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
capture-note-too_large = is { $bytes } bytes, more than the { $limit } bytes Kring reads from one file
capture-note-cannot-be-read = cannot be read ({ $error })
capture-note-forgotten_person = { $address } belongs to a person who was erased from Kring: no card is made for it

# What the readers of meeting and e-mail files passed over (kring-interop's ReadWarning), by
# code; $title is a meeting's title, $who a participant's name or address as the file has it.
read-invitation-in-email = the e-mail carries a meeting invitation: the meeting is read, not the e-mail
read-not-an-address = '{ $address }' is not an e-mail address and was left out
read-date-from-received = the e-mail has no Date header: it is dated when it was received
read-component = { $kind ->
    [to-do] { $count ->
        [one] 1 to-do
       *[other] { $count } to-dos
    }
    [journal_entry] { $count ->
        [one] 1 journal entry
       *[other] { $count } journal entries
    }
   *[other] { $count ->
        [one] 1 free/busy block
       *[other] { $count } free/busy blocks
    }
}
read-not-a-meeting = { $components } left out: they are not meetings
read-more-like-the-above = and { $count ->
    [one] 1 warning
   *[other] { $count } warnings
} more like the above
read-not-utf8 = the file is not UTF-8 as iCalendar requires: it was read as Windows-1252
read-component-not-closed = a component of the file is not closed as it should be: what it holds was read as far as it goes
read-too-many-components = the file has too many components: the rest was not read
read-lines-outside-calendar = { $count ->
    [one] 1 line
   *[other] { $count } lines
} outside any calendar left out
read-untitled = (untitled)
read-event-without-start = the event '{ $title }' has no start time Kring can read: it was left out
read-unknown-time-zone = the time zone '{ $zone }' is not known and the file does not define it: its times were read in your own time zone
read-a-participant = a participant
read-participant-without-address = { $who } has no e-mail address and was left out
read-too-frequent = '{ $title }' is read as a single meeting: it repeats more often than daily
read-started-too-long-ago = '{ $title }' is read as a single meeting: it started too long ago to follow to now
read-rule-unreadable = '{ $title }' is read as a single meeting: its rule cannot be read ({ $why })
read-recurs-more = '{ $title }' recurs more than Kring reads: only its last { $occurrences } occurrences within { $days } days are read
