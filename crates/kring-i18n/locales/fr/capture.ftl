# What `kring capture` writes for people (crates/kring-cli/src/capture.rs).

capture-nothing-captured = rien n'a été enregistré : { $failures }
capture-dry-run-summary = Simulation : rien n'a été modifié. Enregistrerait { $log }, mettrait à jour { $update }, retirerait { $withdraw }, planifierait { $follow_ups ->
    [one] { $follow_ups } suivi
   *[other] { $follow_ups } suivis
} ; { $skipped } ignorés.
capture-done-summary = { $logged } enregistrés, { $updated } mis à jour, { $withdrawn } retirés, { $follow_ups ->
    [one] { $follow_ups } suivi planifié
   *[other] { $follow_ups } suivis planifiés
}, { $cards ->
    [one] { $cards } fiche ajoutée
   *[other] { $cards } fiches ajoutées
} ; { $skipped } ignorés.
capture-unknown-addresses = { $count ->
    [one] { $count } adresse ne figure
   *[other] { $count } adresses ne figurent
} sur aucune fiche : { $addresses }. Relancez avec --create-unknown pour les ajouter comme fiches.
capture-kind = { $kind ->
    [meeting] réunion
    [email] e-mail
    [call] appel
   *[other] { $kind }
}
capture-no-subject = (sans objet)
capture-item = { $action ->
    [log] enregistrer
    [update] mettre à jour
    [withdraw] retirer
    [follow-up] suivi
    [update-follow-up] mettre à jour le suivi
   *[skip] ignorer
} : { $reason }.
capture-by-name = { $name } (par son nom dans son organisation)
capture-with = Avec { $people }.
capture-added-as-card = , ajoutée comme fiche
capture-unknown = Inconnues : { $addresses }.
capture-no-known-stakeholder = aucune partie prenante connue n'y a pris part{ $unknown ->
    [0] {""}
    [one] {" "}({ $unknown } adresse inconnue : ajoutez-la pour l'enregistrer)
   *[other] {" "}({ $unknown } adresses inconnues : ajoutez-les pour l'enregistrer)
}
capture-dated-ahead = daté du { $at }, plus d'un jour à l'avance : pas enregistré comme un contact qui a eu lieu (l'horloge de l'expéditeur est peut-être fausse)
capture-note-not_selected = non sélectionné
capture-note-cancelled_withdrawn = annulé : la réunion enregistrée à partir de celui-ci est retirée
capture-note-cancelled_withdrawn-2 = annulé : son suivi est retiré
capture-note-cancelled = annulé : pas enregistré
capture-note-withdrawn_earlier = enregistré auparavant et supprimé depuis : Kring le laisse supprimé
capture-note-withdrawn_earlier-2 = planifié auparavant et supprimé depuis : Kring le laisse supprimé
capture-note-updated = une mise à jour d'une réunion déjà enregistrée
capture-note-already_logged = déjà enregistré
capture-note-follow_up_updated = une mise à jour d'une réunion à venir
capture-note-already_planned = à venir : déjà un suivi
capture-note-still_to_come = à venir : un suivi le jour même
capture-note-log = à enregistrer
capture-note-duplicate = la même réunion ou le même e-mail figure plusieurs fois dans les fichiers : le plus récent est utilisé
capture-note-duplicate-2 = la même réunion ou le même e-mail figure plusieurs fois dans le plan
capture-note-unsupported_file = n'est ni une invitation ou un export d'agenda (.ics), ni un e-mail enregistré (.eml) : Kring n'enregistre que ceux-là
capture-note-unreadable = est un dossier : indiquez les fichiers de réunion ou d'e-mail qu'il contient
capture-note-unreadable-2 = n'existe pas
capture-note-unreadable-3 = ne peut pas être lu par vous
capture-note-too_large = fait { $bytes } octets, plus que les { $limit } octets que Kring lit d'un fichier
capture-note-cannot-be-read = ne peut pas être lu ({ $error })
capture-note-forgotten_person = { $address } appartient à une personne effacée de Kring : aucune fiche n'est créée pour elle

read-invitation-in-email = l'e-mail contient une invitation à une réunion : la réunion est lue, pas l'e-mail
read-not-an-address = '{ $address }' n'est pas une adresse e-mail et a été laissée de côté
read-date-from-received = l'e-mail n'a pas d'en-tête Date : il est daté du moment où il a été reçu
read-component = { $kind ->
    [to-do] { $count ->
        [one] 1 tâche
       *[other] { $count } tâches
    }
    [journal_entry] { $count ->
        [one] 1 entrée de journal
       *[other] { $count } entrées de journal
    }
   *[other] { $count ->
        [one] 1 bloc libre/occupé
       *[other] { $count } blocs libre/occupé
    }
}
read-not-a-meeting = { $components } laissé(s) de côté : ce ne sont pas des réunions
read-more-like-the-above = et { $count ->
    [one] 1 autre avertissement
   *[other] { $count } autres avertissements
} comme ci-dessus
read-not-utf8 = le fichier n'est pas en UTF-8 comme iCalendar l'exige : il a été lu en Windows-1252
read-component-not-closed = un élément du fichier n'est pas fermé comme il le devrait : son contenu a été lu aussi loin que possible
read-too-many-components = le fichier a trop d'éléments : le reste n'a pas été lu
read-lines-outside-calendar = { $count ->
    [one] 1 ligne
   *[other] { $count } lignes
} hors de tout calendrier laissée(s) de côté
read-untitled = (sans titre)
read-event-without-start = l'événement '{ $title }' n'a pas d'heure de début que Kring peut lire : il a été laissé de côté
read-unknown-time-zone = le fuseau horaire '{ $zone }' est inconnu et le fichier ne le définit pas : ses heures ont été lues dans votre propre fuseau horaire
read-a-participant = un participant
read-participant-without-address = { $who } n'a pas d'adresse e-mail et a été laissé de côté
read-too-frequent = '{ $title }' est lue comme une seule réunion : elle se répète plus d'une fois par jour
read-started-too-long-ago = '{ $title }' est lue comme une seule réunion : elle a commencé il y a trop longtemps pour être suivie jusqu'à maintenant
read-rule-unreadable = '{ $title }' est lue comme une seule réunion : sa règle de répétition ne peut pas être lue ({ $why })
read-recurs-more = '{ $title }' se répète plus que ce que Kring lit : seules ses { $occurrences } dernières occurrences sur { $days } jours sont lues
