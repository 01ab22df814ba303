# The command line's words for people (`kring …` without `--json`).

cards-none-yet = No cards yet. Add one with `kring card add person --name NAME` or try `kring demo`.

# When a follow-up or review is due, relative to today.
due-today = today
due-tomorrow = tomorrow
due-overdue = { $days ->
    [one] { $days } day overdue
   *[other] { $days } days overdue
}
due-in-days = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}

# A card's kind and a visibility as lists show them (the words scripts read are in --json).
kind-word = { $kind ->
   *[other] { $kind }
}
visibility-word = { $visibility ->
   *[other] { $visibility }
}

## kring card show
card-restriction-label = restriction
card-restriction-since = since { $day }
card-restriction = { $status }{ $since }: left out of reminders, follow-up lists, newsletters and invitations until a manager lifts it
card-affiliations = Affiliations
card-since = since { $day }
card-until = until { $day }
card-past = (past)
card-relationships = Relationships
card-never = never
card-going-cold = GOING COLD
card-relationship = { $other }: strength { $strength }/5, trust { $trust }, last contact { $last }, cadence { $cadence }
card-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
card-knows = Knows
card-known-by = Colleagues who know them
card-acquaintance = { $name }: strength { $strength }/5
card-follow-ups = Follow-ups
card-follow-up = { $text } (due { $due })
card-interactions = Interactions
card-notes = Notes
card-links = Links
card-conflicts = Conflicts (concurrent edits; `kring card edit` settles them)
card-conflict = { $field }: kept { $current } — also written { $value } by node { $node } at { $at }
card-deleted = deleted { $id }

## kring follow-ups, today, search, duplicates
follow-ups-none = No open follow-ups.
today-due = Follow-ups due ({ $count })
today-upcoming = Coming up in the next fortnight ({ $count })
today-cold-some = Going cold ({ $total }, the coldest { $listed } listed)
today-cold = Going cold ({ $count })
today-cold-line = { $networker } ↔ { $stakeholder }: last contact { $last }, cadence { $cadence } days
today-reviews = Partnership reviews due ({ $count })
search-none = Nothing found.
duplicates-none = No likely duplicates.
duplicates-summary = { $count } pairs. `kring same-as ID OTHER_ID` makes a pair one card; `kring not-same ID OTHER_ID` sets it aside.
same-as-done = { $a } and { $b } are one card now, shown as { $shown } ({ $count } cards)
not-same-done = { $a } and { $b } are separate cards
not-same-still-one = { $a } and { $b } are not the same, but other statements still make them one card: { $chain }; say `kring not-same` for one of those links

## kring init, log, done, demo
init-done = Kring is set up for { $name } ({ $email }) as { $role } in { $path }
logged-follow-up = follow-up { $id }
due-needs-follow-up = --due needs --follow-up TEXT to say what is due
follow-up-done = { $undo ->
    [yes] reopened
   *[no] done
} { $id }
demo-done = demo network: { $networkers } networkers, { $organisations } organisations, { $people } people, { $relationships } relationships, { $interactions } interactions, { $follow_ups } follow-ups, { $notes } notes, { $links } links

## kring export, import, conflicts, resolve, backup, restore
export-wrote = wrote { $path } ({ $kind }): { $records } records, { $bytes } bytes
export-left-out = { $private } private records stayed on this machine; { $summarised } went as a summary only; { $unchanged } the recipient already has were left out
export-relayed = { $count ->
    [one] also wrote a colleague's hand-over this store passes on to the managers, as its author signed it; give it to them with the export:
   *[other] also wrote { $count } colleagues' hand-overs this store passes on to the managers, as their authors signed them; give them to them with the export:
}
import-progress = merging { $done }/{ $total } records ({ $percent }%)
import-file = { $path }: { $kind } bundle from { $author } ({ $role }, node { $node }), { $records } records
import-held = { $path }: held, not merged: { $author } <{ $email }> (fingerprint { $fingerprint }) { $reason }
import-held-hint = compare the fingerprint with its owner's, then: kring approve FINGERPRINT (see kring members)
import-compact-hint = imports wrote { $records } records since the store was last compacted: `kring compact` usually gives back a quarter to a half of its database's space
import-summary = { $dry ->
    [yes] would add
   *[no] added
} { $added }, changed { $changed } (of which deleted { $deleted }), unchanged { $unchanged }, new conflicts { $conflicts }
warning = warning: { $text }
import-refused = refused { $count } write(s) their writers had no right to (nothing of them was merged):
import-refused-line = { $kind } { $record } field { $field }: by { $writer }: { $reason }
import-refused-more = … and { $count } more (--json lists up to 200)
import-forgotten-dropped = dropped { $count } record(s) or value(s) about people who were erased (kring forget): nothing of them comes back
import-forgotten-purged = erased { $count } record(s) this store held about people the organisation forgot; run `kring compact` to remove their bytes from disk
import-expired = removed or cleared { $count } record(s) past a retention rule's period
import-backup = backup of the previous state: { $path }
dry-run = dry run: nothing was changed
conflicts-none = No conflicts.
conflicts-current = { $field }: current { $value } ({ $by }, { $at })
conflicts-losing = { $n }. { $value } ({ $by }, { $at })
conflicts-writer-named = { $name }, node { $node }
conflicts-writer-node = node { $node }
take-counts-from-one = --take counts from 1
resolve-say-which = say which value to keep: --keep, --take N or --value VALUE
resolved = resolved { $field } of { $id }
folder-uncreatable = cannot create { $path }
backup-done = backed up { $records } records to { $path }
restore-done = restored { $records } records from { $path }; the previous state is in { $safety }

## Contacts and calendar
contacts-read-as = read as { $preset } CSV ({ $encoding })
contacts-summary = { $read } contacts: { $dry ->
    [yes] would add
   *[no] added
} { $people } people and { $organisations } organisations ({ $affiliations } affiliations, { $notes } notes); updated { $updated } cards; { $unchanged } already known, unchanged
contacts-vcard-only = contacts are exported as vCard only (--format vcard)
contacts-exported = wrote { $count } cards to { $path }
calendar-exported = wrote { $count } follow-ups to { $path }
private-left-out = { $count } private { $what } left out (--include-private writes them)

## kring check
check-summary = { $records } records, { $entries } index entries checked
check-more = … and { $count } more problems (--json lists them all)
check-clean = clean: every index matches the records and every value fits its field
check-repaired = repaired: the indexes were rebuilt from the records
check-quarantined = moved { $count } { $count ->
    [one] copy
   *[other] copies
} of records stored under another kind than the store knows them by to the quarantine tree
check-drifted = the indexes have drifted from the records ({ $missing } missing, { $stale } stale, { $misfiled } stored under another kind): run `kring check --repair`
check-beyond-repair = { $count } problems that repair does not change ({ $unreadable } unreadable records, { $misfit } values that do not fit their field, { $kindless } records with no copy of their kind): correct a value with `kring card edit ID --set FIELD=VALUE`, or restore a backup from before the record arrived

## Notes on stderr and failures of the command line itself
note-node-renewed = note: this store was copied or restored (it was node { $old }); it now writes as node { $new }
note-retention = note: retention rules removed or cleared { $count } record(s) (kring processing-log, kring compact)
no-home-folder = no home folder to keep the store in: pass --store DIR or set KRING_STORE
file-unwritable = { $path }: cannot be written: { $reason }
output-unwritable = cannot write the output: { $error }
held-reason = { $code ->
   *[other] { $reason }
}
clock-behind = { $author }'s clock seems to run { $days } days behind: their bundle is dated before changes it already held. Ask { $author } to set their computer's date right, or their changes will lose to older ones

## kring sync
sync-watching = watching { $folder } ({ $notified ->
    [yes] change notifications and polling
   *[no] polling
}); a pass every { $seconds } s when quiet; Ctrl+C to stop
sync-try-again = { $error }; trying again at the next pass
sync-synced = synced with { $folder } as { $role } (node { $node }) at { $at }
sync-imported = imported { $bundles } bundle(s): { $added } added, { $changed } changed, { $deleted } deleted, { $conflicts } new conflicts
sync-wrote = wrote { $master ->
    [yes] master
   *[no] delta
} { $path } ({ $kind }): { $records } records, { $private } private kept back
sync-skipped = skipped ({ $retried ->
    [yes] tried again next time
   *[no] needs you
}): { $reason }
sync-waiting = waiting for approval: { $author } <{ $email }> (fingerprint { $fingerprint }): kring approve { $approve }
sync-refused = refused { $count } write(s) their writers had no right to (kring sync --json lists them)
sync-pruned = pruned { $count } old bundle(s) of this store that were acknowledged or superseded
sync-nothing-new = nothing new
sync-stale = not synced for a long time:
sync-last-bundle = last bundle { $day } ({ $days } days ago)
sync-no-bundle-yet = no bundle yet
sync-stale-peer = { $name } (node { $node }): { $since }

## Members of the organisation: invite, join, members, approve, trust
invite-wrote = wrote an invitation for a { $role } to { $path } ({ $organisation })
invite-join = the person it is for runs: kring join { $path }
invite-manager = manager { $name } <{ $email }>, fingerprint { $fingerprint }
invite-approve-later = approve their store when their first bundle arrives: kring members, then kring approve
join-joined = joined organisation { $organisation }
join-compare = compare these fingerprints with the manager's own (by phone, or in person):
join-your-fingerprint = your store's fingerprint, for the manager to approve: { $fingerprint }
members-none = No members: this store has not founded or joined an organisation.
members-this-store = (this store)
members-earlier-store = says it writes for { $name } <{ $email }>, already a member as node { $node } (fingerprint { $fingerprint }): a restored backup or a new computer, or someone posing as them. Compare the fingerprint with { $name } before approving: once approved, it also sends what that store wrote
members-earlier-nodes = restored or copied before: also wrote as { $count ->
    [one] node
   *[other] nodes
} { $nodes }; once approved, what was written there counts as this store's
members-contested-node = node { $node } is also claimed by { $others }: what it wrote counts for nobody until a manager drops the wrong claim (kring drop-claim { $member } { $node } drops this store's)
drop-claim-done = what node { $node } wrote no longer counts as the store { $member }'s; the next master tells every member
approve-done = approved { $name } <{ $email }> (fingerprint { $fingerprint })
approve-merged = merged the { $bundles } bundle(s) held for them: added { $added }, changed { $changed }
trust-done = trusted { $name } <{ $email }> (node { $node }, fingerprint { $fingerprint }), the signer of { $path }
