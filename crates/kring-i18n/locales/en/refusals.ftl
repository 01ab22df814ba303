# Why a write was refused (kring-core trust/refusal.rs, RefusalReason::words): a local write
# outside the writer's rights (inside error-not_allowed), or a write an import dropped (the sync
# report's refused writes). English is what Kring wrote before, word for word. $kind, $sent and
# $held arrive worded by protection-record-kind; $field is the field's code; $status is the mark's
# code (objected, restricted).
refusal-not_on_roster = written by a store that is not on the organisation's roster
refusal-removed_member = written by { $writer } after they were taken off the roster
refusal-managers_erase = only a Manager of the Network erases a person for the organisation
refusal-managers_restrict = only a Manager of the Network changes or lifts an objection or restriction
refusal-managers_write = only a Manager of the Network writes { $kind } records
refusal-forget_is_final = a forget record is never changed or removed
refusal-visibility_owner_only = only the owner decides who may see a record
refusal-belongs_to_keeper = a { $kind } belongs to the networker who keeps it
refusal-networker_card = only that networker (or a manager) changes a networker's card
refusal-author_deletes = only its author or a manager deletes a card others may rely on
refusal-names_another_owner = names someone else as the record's owner
refusal-not_the_signer = a networker's bundle carries only the networker's own writes
refusal-forged_own_write = stamped as written by this very store, which never wrote it
refusal-private_here = the owner holds this record private on this store
refusal-kind_changed = sent as a { $sent } but this store holds it as a { $held }
refusal-invalid_value = { $problem }
refusal-summary_only = its owner shares only a summary of this { $kind }: its { $field } cannot be changed here; ask the owner to share the { $kind }
refusal-withdrawn = its owner has withdrawn this { $kind }: its { $field } cannot be changed here; ask the owner to share the { $kind }
refusal-restricted = { $name } ({ $person }) is marked { $status }: they are left out of newsletters and invitations until a Manager of the Network lifts the mark
