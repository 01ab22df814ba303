# What `kring subject-access`, `forget`, `compact`, `restrict`, `retention`, `purpose`,
# `access-request`, `erasures` and `processing-log` write for people (crates/kring-cli/src/protection.rs).
# English keeps kinds, actions, statuses and activities as the codes scripts know.

protection-record-kind = { $kind }
protection-access-bad-extension = { $file }: say FILE.html (a page to hand over) or FILE.json (for programs)
protection-access-written = wrote the subject access report for { $name } ({ $records } records, { $cards } cards) to { $file }
protection-access-private-elsewhere = what colleagues keep privately is not in it: `kring access-request raise { $id }` asks their Kring to list it for them
protection-forgot-organisation = forgot { $subject } for the organisation (forget record { $record }, { $cards } card(s)); every store that gets it erases them too
protection-forgot-local = forgot { $subject } on this store ({ $cards } private card(s)): nothing of them ever left it
protection-removed-kind = { $count } { $kind }
protection-swept = removed { $removed }; { $changed } record(s) kept without them; { $history } earlier value(s) removed from the history
protection-swept-nothing = nothing
protection-compact-hint = run `kring compact` to remove their bytes from the store's files and backups
protection-compacted = rewrote { $path } ({ $trees } trees, { $entries } entries): { $before } → { $after } bytes
protection-compact-progress = copying { $done }/{ $total } entries ({ $percent }%)
protection-compact-stopped = Compacting stopped: cards and their history are as they were.
protection-backup-rewritten = rewrote backup { $path }
protection-held-dropped = dropped held bundle { $path } (its sender sends it again)
protection-sync-file-dropped = dropped { $path } from the sync folder (the next sync writes a new one)
protection-inbox-emptied = emptied the import inbox
protection-unreadable-warning = warning: { $path } cannot be read, so it was not checked: delete it if it may hold an erased person
protection-lifted = lifted the mark on { $id }
protection-marked = marked { $id } { $status }: left out of reminders, follow-up lists, newsletters and invitations until a manager lifts it
protection-after-unreadable = --after '{ $text }': say a number of days (2190) or years (6y)
protection-rule-added = it applies the next time Kring opens this store (any command but `kring retention`) and on every store that receives it: see first what it would do with `kring retention --dry-run`
protection-no-rules = No retention rules: records are kept until deleted or erased.
protection-rule = { $name }: { $action } { $kind } after { $days } days{ $fields } ({ $reference })
protection-not-a-rule = { $id } is not a retention rule: see kring retention rules
protection-rule-removed = removed rule { $id }
protection-not-proposed = { $id } is not proposed for erasure (see kring retention --dry-run); nobody was erased
protection-erasure-for-a-manager = { $id } is known to the organisation: a Manager of the Network confirms their erasure; nobody was erased
protection-forgot-confirmed = forgot { $subject } ({ $records } record(s) removed)
protection-no-rules-to-apply = No retention rules (a Manager of the Network adds them: kring retention add …).
protection-rule-applied = { $name }: { $action } { $kind } after { $days } days ({ $reference }): { $dry_run ->
    [yes] would
   *[no] did
} concern { $records } record(s)
protection-record-removed = removed
protection-record-cleared = cleared: { $fields }
protection-records-more = … and { $count } more (--json lists up to 1,000)
protection-proposals = proposed for erasure (confirm each: kring retention --confirm ID…):
protection-proposal = { $name }  last activity { $last }  ({ $rule }){ $here ->
    [yes] {""}
   *[no] ; a manager erases them
}
protection-dry-run = dry run: nothing was changed
protection-compact-hint-retention = run `kring compact` to remove the bytes of what went from the store's files
protection-lawful-basis = { $basis ->
    [consent] consent of the person
    [contract] a contract with the person
    [legal_obligation] a legal obligation of the organisation
    [vital_interests] the vital interests of a person
    [public_task] a task carried out in the public interest or in the exercise of official authority
    [legitimate_interests] the legitimate interests of the organisation
   *[other] { $basis }
}
protection-lawful-basis-article = { $basis ->
    [consent] Art. 6(1)(a) GDPR
    [contract] Art. 6(1)(b) GDPR
    [legal_obligation] Art. 6(1)(c) GDPR
    [vital_interests] Art. 6(1)(d) GDPR
    [public_task] Art. 6(1)(e) GDPR
   *[legitimate_interests] Art. 6(1)(f) GDPR
}
protection-purpose-default = {"["}Kring's default: no purpose is recorded]
protection-request-raised = it travels in your next master; each colleague's Kring then lists what they keep privately about the person
protection-no-requests = No access requests.
protection-request = person { $person }  received { $received }
protection-request-reference = ref { $reference }
protection-request-answered = answered { $day }
protection-request-nothing-private = this store keeps nothing private about them
protection-request-private = kept privately on this store (yours to decide what to hand over; `kring subject-access ID --out FILE` writes it out):
protection-request-answered-on = request { $id } answered on { $day }
protection-no-erasures = No one was erased.
protection-erasure = person { $person }  { $cards } card(s)  by { $by }  { $place }: { $reason }
protection-erasure-local = on this store only
protection-erasure-forget = forget { $record }
protection-log-empty = Nothing logged yet.
protection-activity = { $activity }
protection-log-records = { $count ->
   *[other] record(s)
}
# How a record concerns a person (kring-core's `Relation`: the subject access report, and what a
# store keeps privately about a person an access request is for).
protection-relation = { $kind ->
    [their_card] their card
    [affiliation] where they work or worked
    [relationship] a colleague's relationship with them
    [interaction] a meeting or contact they took part in
    [follow_up] a follow-up about them
    [note] a note about them
    [link] a link between them and another card
    [same_as] a statement about which cards are them
    [event] an event or newsletter they were invited to or attended
    [goal] a strategic goal that names them
    [team] a Networking Team that looks after them
    [partnership] a partnership that names them
    [stakeholder_rating] a colleague's rating of their influence and interest
    [restriction] their objection or restriction
    [access_request] a request for access to their data
    [forget] an erasure of their data
   *[other] a record that names them
}
# Why kring-core refuses a data protection operation (`ProtectionError::Refused`), worded for the
# command line and the app alike. `$kind` arrives as the record kind in the reader's words.
protection-refused-purposes = only a Manager of the Network records the organisation's purposes
protection-refused-rules = only a Manager of the Network sets retention rules
protection-refused-access-not-a-person = { $id } is a { $kind }: a subject access report is about a person
protection-refused-access-request = only a Manager of the Network raises an access request for the organisation; a subject access report gives what your own store holds about the person
protection-refused-not-proposed = { $id } is not proposed for erasure (there was contact within every rule's period, or no rule proposes people): the retention rules' dry run shows who is
protection-refused-restriction-not-a-person = { $id } is a { $kind }: only a person objects or is restricted
protection-refused-not-marked = { $id } is not marked objected or restricted
protection-refused-forget-not-a-person = { $id } is a { $kind }: only a person is forgotten (an organisation or a colleague is not a data subject here)
protection-refused-forget-shared = { $name } ({ $id }) is known to the organisation: only a Manager of the Network erases a person for everyone, so ask your Manager of the Network to forget them; meanwhile you may delete your own notes, meetings and relationships about them
protection-refused-forgotten-already = { $id } was forgotten already (forget record { $record })
