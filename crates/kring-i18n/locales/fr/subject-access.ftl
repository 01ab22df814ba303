# Le rapport d'accès (art. 15 RGPD) que kring-core écrit pour la personne concernée, la finalité
# par défaut de Kring et les lignes du journal des traitements.

access-title = Rapport d'accès : { $name }
access-generated = Établi le { $day } à { $time } (UTC) par { $by } ({ $role }) à partir de la base de données Kring de son ordinateur. { $count ->
    [one] Fiche
   *[other] Fiches
} : { $cards }.
access-role = { $role ->
    [manager] gestionnaire du réseau
   *[other] membre du réseau
}
access-marked = { $status ->
    [objected] Marqué en opposition (art. 21 RGPD)
    [restricted] Marqué en limitation (art. 18 RGPD)
   *[other] Marqué : { $status }
}
access-marked-since = { $mark } depuis le { $day }.
access-marked-alone = { $mark }.
access-purposes-heading = Pourquoi l'organisation conserve ces données, et sur quelle base
access-purpose = Finalité
access-lawful-basis = Base juridique
access-data-categories = Ce qui est conservé
access-recipients-heading = Qui les reçoit
access-retention-heading = Combien de temps elles sont conservées
access-no-retention = Aucune règle de conservation n'est fixée : les enregistrements sont conservés jusqu'à leur suppression ou l'effacement de la personne.
access-rule = Règle
access-applies-to = S'applique à
access-after = Après
access-legal-reference = Référence légale
access-action = { $action ->
    [clear] champs vidés
    [remove] supprimés
    [propose_erasure] proposés à l'effacement
   *[other] { $action }
}
access-days = { $count ->
    [one] { $days } jour
   *[other] { $days } jours
}
access-rights-heading = Vos droits
access-right = { $right ->
    [access] Accès (art. 15 RGPD) : ce rapport ; vous pouvez le redemander à tout moment.
    [rectification] Rectification (art. 16 RGPD) : demandez qu'une valeur erronée soit corrigée.
    [erasure] Effacement (art. 17 RGPD) : demandez à être oublié ; Kring vous efface alors sur chaque ordinateur de l'organisation, et une ancienne copie ne peut pas vous faire revenir.
    [restriction_and_objection] Limitation (art. 18 RGPD) et opposition (art. 21 RGPD) : demandez que vos données soient conservées mais pas utilisées ; vous êtes alors exclu des rappels, des lettres d'information et des invitations.
   *[complaint] Réclamation (art. 77 RGPD) : auprès de l'autorité de contrôle (en Belgique l'Autorité de protection des données ; pour les organismes publics flamands la Vlaamse Toezichtcommissie). Si vous le souhaitez, adressez-vous d'abord au délégué à la protection des données de l'organisation.
}
access-items-heading = Ce qui est conservé ({ $count ->
    [one] { $records } enregistrement
   *[other] { $records } enregistrements
})
access-visibility = { $visibility ->
    [private] conservé sur cet ordinateur uniquement
    [summary] l'organisation n'en voit que le nom
   *[shared] partagé avec l'organisation
}
access-deleted = { $state } ; supprimé, pas encore effacé
access-private-contact = dernier contact noté sur cet ordinateur
access-source = Créé par { $author } (création : { $created } ; dernière modification : { $changed }) ; valeurs écrites par { $writers }.
access-captured-from = Repris de l'élément d'agenda ou de l'e-mail { $item }.
access-unknown-author = une personne inconnue
access-unknown-day = date inconnue
access-moment = { $day }, { $time }
access-earlier-values = Valeurs antérieures encore conservées :
access-field = Champ
access-value = Valeur
access-written = Écrit
access-written-by = { $moment } par { $writer }
access-conflict = Des collègues ont écrit { $field } en même temps : { $kept } (conservé), et { $others }.
access-this-store = { $owner } (cette base de données)
access-store = base de données { $node }
access-recipient-members = les membres de l'organisation dans Kring, qui reçoivent ce qui est partagé (uniquement le nom, pour ce qui est marqué fiche résumée) par l'export fusionné du gestionnaire du réseau : { $members }

# La finalité de Kring lorsque l'organisation n'en a enregistré aucune.
access-default-purpose = Gestion stratégique des relations
access-default-purpose-description = Garder trace des relations de l'organisation avec des personnes et des organisations extérieures, pour que le réseau serve la mission d'intérêt public de l'organisation et survive au départ d'un collègue.
access-default-recipient-keeper = le collègue qui tient la fiche
access-default-recipient-manager = le gestionnaire du réseau de l'organisation
access-default-recipient-colleagues = les collègues de l'organisation, pour ce qui est partagé
access-default-category-contact = nom, fonction et coordonnées
access-default-category-affiliations = rattachements
access-default-category-history = réunions, notes et suivis

# Une ligne du journal des traitements en mots.
processing-person = personne { $person }
processing-request-raised = demande { $request } pour la personne { $person }
processing-request-answered = demande { $request } traitée
processing-restriction = personne { $person } : { $status ->
    [objected] en opposition
    [restricted] en limitation
    [lifted] marque levée
   *[other] { $status }
}
processing-erasure-forget = , enregistrement d'oubli { $record }
processing-erasure-private = , { $count ->
    [one] { $cards } fiche privée
   *[other] { $cards } fiches privées
} sur cette base de données
processing-retention = { $rules ->
    [one] { $rules_number } règle
   *[other] { $rules_number } règles
} : { $records ->
    [one] { $records_number } enregistrement supprimé ou vidé
   *[other] { $records_number } enregistrements supprimés ou vidés
}, { $proposals ->
    [one] { $proposals_number } proposition
   *[other] { $proposals_number } propositions
}
processing-compaction = base de données réécrite ({ $entries } entrées) ; { $backups ->
    [one] { $backups_number } sauvegarde réécrite
   *[other] { $backups_number } sauvegardes réécrites
} ; paquets retenus supprimés : { $held } ; fichiers de synchronisation supprimés : { $sync_files_number }
processing-wrote = { $file } écrit
