# Errors a person can meet, by their stable code: `error-<code>` (kring_i18n::error_text), with
# the error's fields as arguments. The English is each error's `Display` text.

## kring-core: the store (StoreError)
error-store_in_use = store { $path } is in use by another Kring process; close it and try again
error-schema_too_new = store { $path } was written by a newer Kring (schema { $found }); this Kring reads schema { $supported } and older: update Kring
error-store_open = store { $path } cannot be opened: { $reason }
error-not_initialised = the store is not set up yet: run `kring init --name NAME --email EMAIL` first
error-already_initialised = the store is already set up for { $name }
error-not_found = no record with id { $id }
error-wrong_kind = { $id } is a { $actual }, not a { $expected }
error-corrupt = record { $id } cannot be read ({ $reason }): run `kring check`
error-disk_full = { $path ->
    [none] the disk is full: free some space and try again (what was saved before is intact)
   *[other] the disk holding the store { $path } is full: free some space and try again (what was saved before is intact)
}
error-read_only = { $path ->
    [none] the store is read-only (a read-only disk, or a folder this user may not write to): Kring writes to its store even to read it, so make it writable or copy it elsewhere (nothing was changed)
   *[other] the store at { $path } is read-only (a read-only disk, or a folder this user may not write to): Kring writes to its store even to read it, so make it writable or copy it elsewhere (nothing was changed)
}
error-io = the store could not be read or written: { $reason }
error-writes_stopped = Kring stopped writing to the store when a write failed (a full disk, or a disk that went away): close Kring and open it again once that is fixed (what was saved before is intact)
error-not_allowed = { $reason }; nothing was changed
error-demo_store = this is a demo store of fictional data, which never leaves this machine and is kept apart from real data: it cannot be { $kind ->
   *[other] { $action }
}; open your own store to do this with your own network
error-not_a_sandbox = { $path } is not a demo sandbox (no Kring store marked as a demo is there): it was left as it is and nothing was removed; move it away yourself if the demo should go there

## Sync (SyncError, BundleError, FolderError)
error-write_failed = { $path }: cannot be written: { $reason }
error-import_unfinished = { $error }; the import is kept in the store and finishes the next time the store is opened
error-held_set_aside = { $error }. { $name } is approved; this bundle held for { $name } cannot be merged and was set aside: { $name }'s next export brings what it held{ $merged ->
    [0] {""}
    [one] {"; "}{ $merged } other held bundle was merged
   *[other] {"; "}{ $merged } other held bundles were merged
}
error-own_bundle = { $path }: signed by this very store (node { $node }); a store does not import its own bundles
error-other_organisation = { $path }: from another organisation ({ $theirs }); this store belongs to { $ours }
error-clock_ahead = { $path }: { $author }'s changes are dated up to { $days } days after this computer's clock (which says { $local }). Either { $author }'s clock or this computer's clock is wrong: check the date on both; nothing was imported
error-bundle_io = { $path }: cannot be read: { $reason }
error-bundle_wrong_magic = { $path }: not a Kring bundle (wrong magic bytes)
error-bundle_future_format = { $path }: made by a newer Kring (bundle format { $found }; this Kring reads { $supported }): update Kring
error-bundle_truncated = { $path }: truncated (the file ends early; copy it again)
error-bundle_corrupt = { $path }: corrupt ({ $reason })
error-bundle_bad_signature = { $path }: the signature does not match its contents (the file was altered or forged)
error-bundle_hash_mismatch = { $path }: its contents do not match the hash in its header (altered, or still being copied)
error-bundle_is_backup = { $path }: a backup, not an export: restore it with `kring restore`
error-bundle_is_export = { $path }: an export, not a backup: import it (`kring import`, or Sync in the app)
error-bundle_not_a_recipient = { $path }: encrypted for the organisation's members, and this store is not one of its recipients (or has no key to open it). If this store is new, restored from a backup or moved to another computer, ask a Manager of the Network to approve it (on the Members screen, or kring approve); the next master opens once they have
error-sync_folder_unavailable = sync folder { $path } is not available ({ $reason }); nothing was changed, and Kring catches up when it is back
error-sync_folder_write = { $path }: cannot be written in the sync folder: { $reason }
error-still_changing = { $path }: still being written or synced; tried again next time

## The organisation's members (TrustError)
error-not_a_manager = only a Manager of the Network can { $kind ->
   *[other] { $action }
}
error-already_joined = this store already belongs to organisation { $organisation }; a store joins one organisation
error-bad_invitation = { $reason }
error-no_such_member = no member or pending approval matches '{ $who }': see `kring members`
error-ambiguous_member = '{ $who }' matches more than one member: type more of the node id or fingerprint
error-no_such_claim = { $member }'s store does not name node { $node } as one it wrote under before: see `kring members`

## Files Kring reads (FileBoundError, kring-interop)
error-file_too_large = { $path }: { $size } is larger than the { $limit } Kring reads as { $kind ->
   *[other] { $what }
} (nothing was read): check it is the right file
error-not_a_file = { $path }: not a file (a folder, a device or a pipe): name the file itself
error-file_unreadable = { $path }: cannot be read: { $reason }
error-contacts_malformed = { $file }: { $error }
error-malformed = line { $line }: { $reason }
error-undecodable = line { $line }: { $reason }

## Meetings and e-mails to capture (CaptureReadError); each reads after the file's name
error-too_large = is { $size } bytes, more than the { $limit } bytes Kring reads from one { $what }: split it or capture a shorter period
error-outlook_msg = is an Outlook .msg file, which Kring cannot read: in Outlook save a meeting with File > Save As > iCalendar Format (.ics), and download an e-mail as .eml (Outlook on the web or the new Outlook: … > Download)
error-not_recognised = is neither an iCalendar file (.ics) nor an e-mail (.eml): export the meeting or save the e-mail from your mail app and capture that file
error-not_calendar = is not an iCalendar file: it has no BEGIN:VCALENDAR{ $detail }
error-no_meetings = holds no meeting to log: { $detail }
error-invitation_reply = is a reply to an invitation (METHOD:{ $method }), not the meeting itself: capture the invitation or the meeting from your calendar
error-too_many_meetings = holds { $count } meetings, more than the { $limit } Kring reads from one file: export a shorter period
error-no_date = has no readable Date header (nor a Received one), so Kring cannot tell when it was sent: save the e-mail again from your mail app
error-no_addresses = names nobody: there is no e-mail address in From, To or Cc
error-not_email = is not an e-mail: it does not start with header lines such as From: and Subject:
error-broken_mime = is an e-mail whose parts are nested in a way Kring cannot read: save it again from your mail app

## Why a value is refused (ValidationError::worded): `invalid-<code>`, after "field: "
invalid-empty = must not be empty
invalid-not_a_record_id = '{ $value }' is not a record id
invalid-not_an_id_start = '{ $value }' is not a record id or the start of one
invalid-ambiguous_id_start = '{ $value }' is the start of more than one id: type more of it
invalid-no_id_starts_with = no record id starts with '{ $value }'
invalid-not_one_of = '{ $value }' is not one of { $choices }
invalid-not_an_email = '{ $value }' is not an email address
invalid-not_a_phone = '{ $value }' is not a phone number
invalid-not_a_web_address = '{ $value }' is not a web address
invalid-score_out_of_range = { $value } is out of range 1–5
invalid-ends_before_start = ends before it starts
invalid-at_least_one_day = must be at least 1 day
invalid-year_out_of_bounds = { $day } is { $side } the years Kring keeps ({ $earliest }–{ $latest }): check the year
invalid-too_many_items = { $count } items is more than the { $limit } a list may hold
invalid-interaction_in_future = { $at } is in the future: an interaction is something that happened (a day ahead at most); for a contact still to come add a follow-up or an event
invalid-follow_up_before_interaction = { $due } is before the interaction it follows ({ $day }): a follow-up is due on or after it
invalid-no_card_with_id = no card with id { $id }
invalid-name_a_card = name at least one card the interaction was with
invalid-invalid = { $reason }
invalid-not_a_contact_hash = '{ $value }' is not a contact hash
invalid-answered_before_received = is before the request was received
invalid-only_people_are_erased = only people are proposed for erasure, not a { $kind }
invalid-rule_cannot_act = a rule cannot { $action } a { $kind } (people are proposed for erasure instead)
invalid-name_fields_to_clear = name the fields to clear
invalid-not_a_clearable_field = '{ $value }' is not a text field of a { $kind } that can be cleared
invalid-fields_only_when_clearing = only a rule that clears names fields
invalid-not_a_node_id = '{ $value }' is not a node id
invalid-not_a_signing_key = is not an ed25519 key
invalid-not_an_encryption_key = is not an age recipient
invalid-not_a_team_stakeholder = { $id } is not one of the stakeholders the team looks after
invalid-not_a_partner = { $id } is not a partner of this partnership
invalid-name_a_participant = name at least one participant
invalid-linked_to_itself = a card cannot be linked to itself
invalid-same_as_itself = a card is always the same as itself
invalid-not_an_object = a { $kind } is an object of fields
invalid-missing = is missing
invalid-not_a_list = { $found ->
    [null] null
    [bool] true or false
    [number] a number
    [list] a list
    [object] an object
   *[text] text
} where a list is expected
invalid-wrong_type = { $found ->
    [null] null
    [bool] true or false
    [number] a number
    [list] a list
    [object] an object
   *[text] text
} where { $expected } is expected
# What a field expects, by its type's code (kring-core schema.rs, FieldType::expected_code).
# A field inside an object (a postal address's street) and its reason, worded already.
invalid-in_field = { $field }: { $reason }
schema-expected = { $expected ->
    [email] an e-mail address
    [phone] a phone number
    [web_address] a web address
    [date] a date (YYYY-MM-DD)
    [date_time] a date and time
    [record_id] a record id
    [score] a score from 1 to 5
    [days] a number of days
    [bool] true or false
    [word] one of { $choices }
    [postal_address] a postal address
    [team_member] a team member
    [accountability] an accountability
    [partner_accountability] a partner's accountability
    [node_id] a node id (16 hexadecimal digits)
    [hex] a key in hexadecimal
    [age_recipient] an age recipient (age1…)
   *[text] text
}
invalid-not_a_date = '{ $value }' is not a date (use YYYY-MM-DD)
invalid-not_a_date_and_time = '{ $value }' is not a date and time (use RFC 3339, such as 2026-11-01T09:30:00+01:00)
invalid-not_a_whole_number = { $value } is not a whole number
invalid-too_many_days = { $value } days is more than Kring counts
invalid-too_long = is { $chars } characters long; at most { $max } are allowed
invalid-not_an_age_recipient = '{ $value }' is not an age recipient
invalid-item_without_identity = an item without an identity
invalid-no_card_to_log_with = no card with id { $id } to log '{ $subject }' with
invalid-wrong_kind_of_card = { $id } is a { $kind }, expected { $expected }
invalid-not_person_or_organisation = { $id } is a { $kind }, expected person or organisation
invalid-same_as_different_kinds = { $b } is a { $kind_b } and { $a } a { $kind_a }: only two people or two organisations can be the same
invalid-no_conflict = has no conflict to resolve
invalid-no_losing_value = there is no losing value number { $number }
invalid-kind_not_editable = records of kind '{ $kind }' cannot be edited by this Kring
invalid-no_such_field = a { $kind } has no such field
invalid-updated_twice = { $id } is updated twice
invalid-forget_without_reason = say why the person is forgotten (a case number, the article), without naming them
invalid-not_a_record_body = is not a record body
invalid-private_on_shared_goal = { $name } is private: share it first, or its id would leave this machine with the goal
invalid-no_record_with_id = no record with id { $id }
invalid-cannot_link_to_goal = a { $kind } cannot be linked to a goal: link a stakeholder, relationship, interaction or event
invalid-not_a_team_member = { $networker } is not a member of { $team }
invalid-crosses_red_line = { $partner } crosses the red line '{ $line }'
invalid-not_an_organisation = { $id } is not an organisation
invalid-succeeds_themselves = a networker cannot succeed themselves
invalid-not_a_networker = { $id } is not a networker
invalid-has_left = { $name } has left the organisation: choose a colleague who is still here
invalid-nothing_to_hand_over = { $leaver } has no relationship with { $stakeholder } to hand over
invalid-set_as_register = written as one value, but it is a set whose elements are added one by one
invalid-register_as_set = written as a set element, but it holds one value
invalid-not_json = holds bytes that are not JSON
# Joins alternatives in a reason: "person or organisation".
list-or = {" "}or{" "}

# Why a file Kring writes could not be written (files::write_failure_in).
files-write-disk-full = the disk is full (nothing was written): free some space or write to another disk
files-write-read-only = the disk is read-only (nothing was written): write to another folder
files-write-not-allowed = this user may not write to that folder (nothing was written): write to another folder
