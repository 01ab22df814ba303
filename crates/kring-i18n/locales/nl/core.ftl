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

refused-write = { $sentence ->
    [not_on_roster] geschreven door een databank die niet op de ledenlijst van de organisatie staat
    [removed_member] geschreven door { $writer } nadat die van de ledenlijst is gehaald
    [managers_erase] alleen een netwerkmanager wist een persoon voor de organisatie
    [managers_restrict] alleen een netwerkmanager wijzigt of heft een bezwaar of beperking op
    [managers_write] alleen een netwerkmanager schrijft records van de soort { $kind }
    [forget_is_final] een vergeetrecord wordt nooit gewijzigd of verwijderd
    [visibility_owner_only] alleen de eigenaar beslist wie een record mag zien
    [belongs_to_keeper] een { $kind } hoort bij de netwerker die het bijhoudt
    [networker_card] alleen die netwerker (of een manager) wijzigt de kaart van een netwerker
    [author_deletes] alleen de auteur of een manager verwijdert een kaart waarop anderen kunnen rekenen
    [not_the_signer] de bundel van een netwerker bevat alleen wat die netwerker zelf schreef
    [forged_own_write] gestempeld als geschreven door deze databank zelf, die het nooit schreef
    [private_here] de eigenaar houdt dit record privé in deze databank
   *[names_another_owner] noemt iemand anders als eigenaar van het record
}
sync-folder-not-a-folder = het is geen map
sync-folder-does-not-exist = ze bestaat niet
