duplicate-clue = { $code ->
    [same_email] zelfde e-mailadres { $value }{ $differ ->
        [yes] , verschillende namen
       *[no] {""}
    }
    [same_phone] zelfde telefoonnummer { $value }{ $differ ->
        [yes] , verschillende namen
       *[no] {""}
    }
    [same_website] zelfde website { $value }{ $differ ->
        [yes] , verschillende namen
       *[no] {""}
    }
    [same_name] zelfde naam{ $placed ->
        [yes] {" "}bij { $at }
       *[no] , geen van beiden bij een organisatie
    }
    [similar_names] gelijkaardige namen{ $placed ->
        [yes] {" "}bij { $at }
       *[no] , geen van beiden bij een organisatie
    }
    [different_names] verschillende namen{ $placed ->
        [yes] {" "}bij { $at }
       *[no] , geen van beiden bij een organisatie
    }
   *[same_organisation_name] zelfde naam{ $placed ->
        [yes] {" "}binnen { $at }
       *[no] {""}
    }
}

sync-folder-not-a-folder = het is geen map
sync-folder-does-not-exist = ze bestaat niet
