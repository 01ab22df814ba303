duplicate-clue = { $code ->
    [same_email] gleiche E-Mail-Adresse { $value }{ $differ ->
        [yes] , verschiedene Namen
       *[no] {""}
    }
    [same_phone] gleiche Telefonnummer { $value }{ $differ ->
        [yes] , verschiedene Namen
       *[no] {""}
    }
    [same_website] gleiche Website { $value }{ $differ ->
        [yes] , verschiedene Namen
       *[no] {""}
    }
    [same_name] gleicher Name{ $placed ->
        [yes] {" "}bei { $at }
       *[no] , keine der beiden bei einer Organisation
    }
    [similar_names] ähnliche Namen{ $placed ->
        [yes] {" "}bei { $at }
       *[no] , keine der beiden bei einer Organisation
    }
    [different_names] verschiedene Namen{ $placed ->
        [yes] {" "}bei { $at }
       *[no] , keine der beiden bei einer Organisation
    }
   *[same_organisation_name] gleicher Name{ $placed ->
        [yes] {" "}innerhalb von { $at }
       *[no] {""}
    }
}

sync-folder-not-a-folder = es ist kein Ordner
sync-folder-does-not-exist = er existiert nicht
