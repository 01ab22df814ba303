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

refused-write = { $sentence ->
    [not_on_roster] geschrieben von einem Datenspeicher, der nicht auf der Mitgliederliste der Organisation steht
    [removed_member] geschrieben von { $writer }, nachdem er/sie von der Mitgliederliste genommen wurde
    [managers_erase] nur ein/e Netzwerkmanager/in löscht eine Person für die Organisation
    [managers_restrict] nur ein/e Netzwerkmanager/in ändert oder hebt einen Widerspruch oder eine Einschränkung auf
    [managers_write] nur ein/e Netzwerkmanager/in schreibt Datensätze der Art { $kind }
    [forget_is_final] ein Vergessen-Datensatz wird nie geändert oder entfernt
    [visibility_owner_only] nur der Eigentümer entscheidet, wer einen Datensatz sehen darf
    [belongs_to_keeper] ein { $kind } gehört dem Netzwerkmitglied, das ihn führt
    [networker_card] nur dieses Netzwerkmitglied (oder ein/e Manager/in) ändert seine Karte
    [author_deletes] nur der Autor oder ein/e Manager/in löscht eine Karte, auf die sich andere verlassen
    [not_the_signer] das Paket eines Netzwerkmitglieds enthält nur dessen eigene Änderungen
    [forged_own_write] als von diesem Datenspeicher selbst geschrieben gestempelt, der es nie schrieb
    [private_here] der Eigentümer hält diesen Datensatz in diesem Datenspeicher privat
   *[names_another_owner] nennt jemand anderen als Eigentümer des Datensatzes
}
sync-folder-not-a-folder = es ist kein Ordner
sync-folder-does-not-exist = er existiert nicht
