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

refused-write = { $sentence ->
    [not_on_roster] écrit par une base de données qui ne figure pas sur la liste des membres de l'organisation
    [removed_member] écrit par { $writer } après son retrait de la liste des membres
    [managers_erase] seul un gestionnaire du réseau efface une personne pour l'organisation
    [managers_restrict] seul un gestionnaire du réseau modifie ou lève une opposition ou une limitation
    [managers_write] seul un gestionnaire du réseau écrit des enregistrements de type { $kind }
    [forget_is_final] un enregistrement d'oubli n'est jamais modifié ni supprimé
    [visibility_owner_only] seul le propriétaire décide qui peut voir un enregistrement
    [belongs_to_keeper] un { $kind } appartient au membre du réseau qui le tient
    [networker_card] seul ce membre du réseau (ou un gestionnaire) modifie sa fiche
    [author_deletes] seul son auteur ou un gestionnaire supprime une fiche sur laquelle d'autres comptent
    [not_the_signer] le paquet d'un membre du réseau ne contient que ce que ce membre a écrit lui-même
    [forged_own_write] marqué comme écrit par cette base de données même, qui ne l'a jamais écrit
    [private_here] le propriétaire garde cet enregistrement privé dans cette base de données
   *[names_another_owner] désigne quelqu'un d'autre comme propriétaire de l'enregistrement
}
sync-folder-not-a-folder = ce n'est pas un dossier
sync-folder-does-not-exist = il n'existe pas
