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

# Why a sync folder is not available (kring-core sync/folder), inside error-sync_folder_unavailable.
sync-folder-not-a-folder = it is not a folder
sync-folder-does-not-exist = it does not exist
