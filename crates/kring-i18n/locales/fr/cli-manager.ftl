# Le gestionnaire du réseau en ligne de commande (objectifs, équipes réseau, partenariats,
# événements, membres du réseau, départ, KPI, rapport, registre de transparence). `--json` ne les utilise jamais.
manager-percent = { $number } %
manager-record-kind = { $kind ->
    [person] personne
    [organisation] organisation
    [networker] membre du réseau
    [goal] objectif
    [team] équipe réseau
    [partnership] partenariat
    [event] événement
   *[other] { $kind }
}
manager-goal-status = { $status ->
    [active] actif
    [achieved] atteint
    [dropped] abandonné
   *[other] { $status }
}
manager-team-role = { $role ->
    [lead] pilote
    [member] membre
    [advisor] conseiller
   *[other] { $role }
}
manager-partnership-status = { $status ->
    [prospective] en projet
    [active] actif
    [paused] suspendu
    [ended] terminé
   *[other] { $status }
}
manager-band = { $band ->
    [healthy] en bonne santé
    [needs-attention] demande de l'attention
    [at-risk] en danger
   *[other] { $band }
}
manager-event-kind = { $kind ->
    [event] événement
    [conference] conférence
    [reception] réception
    [workshop] atelier
    [webinar] webinaire
    [newsletter] lettre d'information
   *[other] { $kind }
}
manager-networker-status = { $status ->
    [active] actif
    [left] parti
   *[other] { $status }
}
manager-risk = { $risk ->
    [high] élevé
    [medium] moyen
    [low] faible
   *[other] { $risk }
}
manager-wrong-kind = { $id } est un(e) { $actual }, pas un(e) { $kind }
manager-no-record = aucun enregistrement avec l'id { $id }
manager-no-partnership = aucun partenariat avec l'id { $id }
manager-edit-partners = partenaires : utilisez `kring partnership partner ID ORG` pour que les lignes rouges soient vérifiées
manager-months = --months : indiquez 1 à 120
manager-out-csv-or-html = --out : indiquez un fichier .csv ou .html
manager-accountability-form = --accountability '{ $text }' : écrivez ORG=TEXTE
manager-choose-form = --choose { $pair } : écrivez-le sous la forme PARTIE_PRENANTE=SUCCESSEUR (deux id)
manager-wrote = { $file } écrit

## kring goal
manager-goals-none = Pas encore d'objectifs. Ajoutez-en un avec `kring goal add --name NOM --priority ID`.
manager-goal-covered = { $covered } sur { $total } { $count ->
    [one] partie prenante prioritaire couverte
   *[other] parties prenantes prioritaires couvertes
} ({ $percent })
manager-goal-vision = vision : { $vision }
manager-goal-coverage = couverture : { $percent } ({ $covered } couvertes, { $uncovered } non)
manager-goal-no-relationship = aucune relation actuelle
manager-goal-best = { $networker } intensité { $strength }{ $active ->
    [no] , pas active
   *[yes] {""}
}
manager-goal-linked = liés : { $relationships_number } { $relationships ->
    [one] relation
   *[other] relations
}, { $interactions_number } { $interactions ->
    [one] interaction
   *[other] interactions
}, { $events_number } { $events ->
    [one] événement
   *[other] événements
}
manager-goal-linked-records = { $number } { $count ->
    [one] enregistrement lié
   *[other] enregistrements liés
} à l'objectif { $goal }
manager-goal-unlinked-records = { $number } { $count ->
    [one] enregistrement détaché
   *[other] enregistrements détachés
} de l'objectif { $goal }

## kring team
manager-teams-none = Pas encore d'équipes réseau. Formez-en une avec `kring team add --name NOM --member ID:lead`.
manager-team-counts = { $members_number } { $members ->
    [one] membre
   *[other] membres
}, { $stakeholders_number } { $stakeholders ->
    [one] partie prenante
   *[other] parties prenantes
}
manager-team-members = membres :
manager-team-member-left = {" "}(parti)
manager-team-stakeholders = parties prenantes :
manager-team-stakeholder = responsable : { $accountable } ; connue de { $number } { $count ->
    [one] membre
   *[other] membres
}
manager-team-nobody = personne

## kring partnership
manager-partnerships-none = Pas encore de partenariats. Ajoutez-en un avec `kring partnership add --name NOM --partner ORG`.
manager-partnership-row = { $partners } ; santé { $health } ; prochaine évaluation { $next }
manager-partnership-not-reviewed = pas évalué
manager-partnership-health = { $health } ({ $band })
manager-partnership-due = { $date } (à faire)
manager-partnership-status-line = statut : { $status }
manager-partnership-partner = partenaire : { $name } ({ $id })
manager-partnership-objective = objectif : { $objective }
manager-partnership-accountable = responsable — { $name } : { $text }
manager-partnership-red-line = ligne rouge : { $line }
manager-partnership-crossed = ligne rouge franchie par { $partner } : { $line }
manager-partnership-benefits = bénéfices et risques : { $text }
manager-partnership-exit = sortie : { $text }
manager-partnership-review = évaluation { $date } : santé { $health } ({ $band }) — leadership { $leadership }, reconnaissance { $credit }, résultats { $outcomes }, écoute { $listening }, autonomisation { $empowering }
manager-partnership-next-review = prochaine évaluation : { $next }
manager-warning-red-line-crossed = avertissement : un partenaire franchit une ligne rouge, { $crossing } ; consultez `kring partnership show { $id }`, puis retirez le partenaire avec `kring partnership partner { $id } PARTNER --remove` ou mettez fin au partenariat
manager-crosses-none = { $organisation } ne franchit aucune des lignes rouges vérifiables
manager-crosses = franchit : { $line }  [{ $rule }]
manager-review-health = santé { $health } ({ $band })

## kring event
manager-events-none = Pas encore d'événements. Ajoutez-en un avec `kring event add --name NOM --at DATE`.
manager-event-counts = { $invited } invités, { $attended } présents
manager-event-when = { $kind } le { $at }
manager-event-location = à { $location }
manager-event-invited = invités : { $names }
manager-event-attended = présents : { $names }
manager-event-outcome = résultat : { $outcome }

## kring networker list
manager-networker-row = { $relationships } { $count ->
    [one] relation
   *[other] relations
} ({ $current } actuelles), seul contact pour { $sole }

## kring offboard
manager-handover = Passation de { $name } ({ $id }) : { $number } { $count ->
    [one] relation
   *[other] relations
}
manager-handover-dry-run = {" "}(simulation : rien n'a changé)
manager-handover-item = [{ $risk }] importance { $importance }  { $stakeholder } — intensité { $strength }{ $reasons }  → { $successor }
manager-handover-no-successor = aucun successeur
manager-handover-new-relationship = {" "}(nouvelle relation)
manager-handover-summary = { $assigned } attribuées, { $unassigned } sans successeur, { $new } { $new_count ->
    [one] nouvelle relation
   *[other] nouvelles relations
}, { $moved } { $moved_count ->
    [one] responsabilité transférée
   *[other] responsabilités transférées
}, { $ended } { $ended_count ->
    [one] appartenance à une équipe terminée
   *[other] appartenances à une équipe terminées
}
manager-handover-marked-left = ; { $name } est indiqué comme parti
## kring kpi
manager-kpi-heading = KPI du { $from } au { $to } (définitions : docs/kpis.md)
manager-kpi-active = relations actives
manager-kpi-interactions = interactions
manager-kpi-interactions-value = { $month } ce mois-ci, { $period } sur la période
manager-kpi-events = événements / lettres d'information
manager-kpi-events-value = { $events } / { $newsletters } sur la période
manager-kpi-coverage = couverture des priorités
manager-kpi-coverage-value = { $covered } sur { $total } ({ $percent })
manager-kpi-going-cold = qui se refroidissent
manager-kpi-reciprocity = solde de réciprocité
manager-kpi-reciprocity-value = { $balance } (donné { $given }, reçu { $received })
manager-kpi-outcomes = résultats enregistrés
manager-kpi-outcomes-value = { $outcomes } sur la période
manager-kpi-spof = points de défaillance uniques
manager-kpi-ror = Return-on-Relationship
manager-kpi-ror-value = { $ror } résultats pour 100 contacts
manager-kpi-goal = objectif { $name } : { $covered } sur { $total } couvertes ({ $percent })
