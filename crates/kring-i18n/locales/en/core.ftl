# Words kring-core gives people beside the codes programs read.

# Why two cards look like one person or organisation (DuplicateClue: $code, $value, $at).
duplicate-clue = { $code ->
    [same_email] same email { $value }{ $differ ->
        [yes] , different names
       *[no] {""}
    }
    [same_phone] same phone { $value }{ $differ ->
        [yes] , different names
       *[no] {""}
    }
    [same_website] same website { $value }{ $differ ->
        [yes] , different names
       *[no] {""}
    }
    [same_name] same name{ $placed ->
        [yes] {" "}at { $at }
       *[no] , neither at an organisation
    }
    [similar_names] similar names{ $placed ->
        [yes] {" "}at { $at }
       *[no] , neither at an organisation
    }
    [different_names] different names{ $placed ->
        [yes] {" "}at { $at }
       *[no] , neither at an organisation
    }
   *[same_organisation_name] same name{ $placed ->
        [yes] {" "}within { $at }
       *[no] {""}
    }
}

# Why a write from another store was refused (RefusedWrite::reason_in: $sentence, $kind, $writer).
refused-write = { $sentence ->
    [not_on_roster] written by a store that is not on the organisation's roster
    [removed_member] written by { $writer } after they were taken off the roster
    [managers_erase] only a Manager of the Network erases a person for the organisation
    [managers_restrict] only a Manager of the Network changes or lifts an objection or restriction
    [managers_write] only a Manager of the Network writes { $kind } records
    [forget_is_final] a forget record is never changed or removed
    [visibility_owner_only] only the owner decides who may see a record
    [belongs_to_keeper] a { $kind } belongs to the networker who keeps it
    [networker_card] only that networker (or a manager) changes a networker's card
    [author_deletes] only its author or a manager deletes a card others may rely on
    [not_the_signer] a networker's bundle carries only the networker's own writes
    [forged_own_write] stamped as written by this very store, which never wrote it
    [private_here] the owner holds this record private on this store
   *[names_another_owner] names someone else as the record's owner
}
# Why a sync folder is not available (kring-core sync/folder), inside error-sync_folder_unavailable.
sync-folder-not-a-folder = it is not a folder
sync-folder-does-not-exist = it does not exist
