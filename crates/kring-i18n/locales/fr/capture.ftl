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
