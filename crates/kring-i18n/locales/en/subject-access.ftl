# The subject access report (Art. 15 GDPR) kring-core writes for the person it is about
# (crates/kring-core/src/protection/access.rs), Kring's default purpose of processing, and the
# processing log's lines (crates/kring-core/src/protection/processing_log.rs). The report is
# handed to the person: it speaks to them ("your rights") and of them ("their card").

access-title = Subject access report: { $name }
access-generated = Generated on { $day } at { $time } (UTC) by { $by } ({ $role }) from the Kring store on their computer. { $count ->
    [one] Card
   *[other] Cards
}: { $cards }.
access-role = { $role ->
    [manager] Manager of the Network
   *[other] networker
}
access-marked = { $status ->
    [objected] Marked objected (Art. 21 GDPR)
    [restricted] Marked restricted (Art. 18 GDPR)
   *[other] Marked { $status }
}
access-marked-since = { $mark } since { $day }.
access-marked-alone = { $mark }.
access-purposes-heading = Why the organisation keeps this, and on what basis
access-purpose = Purpose
access-lawful-basis = Lawful basis
access-data-categories = What is kept
access-recipients-heading = Who receives it
access-retention-heading = How long it is kept
access-no-retention = No retention rule is set: records are kept until they are deleted or the person is erased.
access-rule = Rule
access-applies-to = Applies to
access-after = After
access-legal-reference = Legal reference
access-action = { $action ->
    [clear] fields cleared
    [remove] removed
    [propose_erasure] proposed for erasure
   *[other] { $action }
}
access-days = { $count ->
    [one] { $days } day
   *[other] { $days } days
}
access-rights-heading = Your rights
access-right = { $right ->
    [access] Access (Art. 15 GDPR): this report; ask again at any time.
    [rectification] Rectification (Art. 16 GDPR): ask for a wrong value to be corrected.
    [erasure] Erasure (Art. 17 GDPR): ask to be forgotten; Kring then erases you on every computer of the organisation, and an old copy cannot bring you back.
    [restriction_and_objection] Restriction (Art. 18 GDPR) and objection (Art. 21 GDPR): ask that your data be kept but not used; you are then left out of reminders, newsletters and invitations.
   *[complaint] Complaint (Art. 77 GDPR): to the supervisory authority (in Belgium the Gegevensbeschermingsautoriteit; for Flemish public bodies the Vlaamse Toezichtcommissie). Ask the organisation's data protection officer first if you wish.
}
access-items-heading = What is kept ({ $count ->
    [one] { $records } record
   *[other] { $records } records
})
access-visibility = { $visibility ->
    [private] kept on this computer only
    [summary] the organisation sees its name only
   *[shared] shared with the organisation
}
access-deleted = { $state }; deleted, not yet erased
access-private-contact = last contact noted on this computer
access-source = Made by { $author } on { $created }; last changed { $changed }; values written by { $writers }.
access-captured-from = Captured from calendar or e-mail item { $item }.
access-unknown-author = someone unknown
access-unknown-day = an unknown day
access-moment = { $day }, { $time }
access-earlier-values = Earlier values still kept:
access-field = Field
access-value = Value
access-written = Written
access-written-by = { $moment } by { $writer }
access-conflict = Colleagues wrote { $field } at the same time: { $kept } (kept), and { $others }.
access-this-store = { $owner } (this store)
access-store = store { $node }
access-recipient-members = the organisation's members in Kring, who receive what is shared (its name only, for what is marked summary) through the Manager of the Network's merged export: { $members }

# Kring's purpose of processing when the organisation has recorded none.
access-default-purpose = Strategic relationship management
access-default-purpose-description = Keeping track of the organisation's relationships with people and organisations outside it, so that the network serves the organisation's public task and survives when a colleague leaves.
access-default-recipient-keeper = the colleague who keeps the card
access-default-recipient-manager = the organisation's Manager of the Network
access-default-recipient-colleagues = colleagues of the organisation, for what is shared
access-default-category-contact = name, job title and contact details
access-default-category-affiliations = affiliations
access-default-category-history = meetings, notes and follow-ups

# A processing log line in words (the log keeps codes and ids, never personal data).
processing-person = person { $person }
processing-request-raised = request { $request } for person { $person }
processing-request-answered = request { $request } answered
processing-restriction = person { $person }: { $status ->
    [objected] objected
    [restricted] restricted
    [lifted] mark lifted
   *[other] { $status }
}
processing-erasure-forget = , forget record { $record }
processing-erasure-private = , { $count ->
    [one] { $cards } private card
   *[other] { $cards } private cards
} on this store
processing-retention = { $rules ->
    [one] { $rules_number } rule
   *[other] { $rules_number } rules
}: { $records ->
    [one] { $records_number } record removed or cleared
   *[other] { $records_number } records removed or cleared
}, { $proposals ->
    [one] { $proposals_number } proposal
   *[other] { $proposals_number } proposals
}
processing-compaction = store rewritten ({ $entries } entries); { $backups ->
    [one] { $backups_number } backup
   *[other] { $backups_number } backups
} rewritten, { $held } held and { $sync_files ->
    [one] { $sync_files_number } sync file
   *[other] { $sync_files_number } sync files
} dropped
processing-wrote = wrote { $file }
