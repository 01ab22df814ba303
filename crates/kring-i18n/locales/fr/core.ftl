duplicate-clue = { $code ->
    [same_email] même adresse e-mail { $value }{ $differ ->
        [yes] , noms différents
       *[no] {""}
    }
    [same_phone] même téléphone { $value }{ $differ ->
        [yes] , noms différents
       *[no] {""}
    }
    [same_website] même site web { $value }{ $differ ->
        [yes] , noms différents
       *[no] {""}
    }
    [same_name] même nom{ $placed ->
        [yes] {" "}chez { $at }
       *[no] , aucun des deux dans une organisation
    }
    [similar_names] noms semblables{ $placed ->
        [yes] {" "}chez { $at }
       *[no] , aucun des deux dans une organisation
    }
    [different_names] noms différents{ $placed ->
        [yes] {" "}chez { $at }
       *[no] , aucun des deux dans une organisation
    }
   *[same_organisation_name] même nom{ $placed ->
        [yes] {" "}au sein de { $at }
       *[no] {""}
    }
}

sync-folder-not-a-folder = ce n'est pas un dossier
sync-folder-does-not-exist = il n'existe pas
