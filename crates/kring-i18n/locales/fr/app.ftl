app-no-profile = Kring n'est pas encore configuré : choisissez d'abord votre rôle, votre nom et votre adresse e-mail.
# A command that stopped before it answered (it panicked); $cause is the runtime's own words.
app-operation-stopped = L'opération s'est arrêtée : { $cause }
app-demo-store = Ceci est la démo : ses fiches sont fictives, ne quittent jamais cet ordinateur et restent séparées des vôtres, elle ne peut donc pas être { $kind ->
    [exported] exportée
    [exported-as-a-kpi-report] exportée en rapport de KPI
    [exported-as-a-calendar] exportée en agenda
    [exported-as-a-graph-file] exportée en fichier de graphe
    [exported-as-a-subject-access-report] exportée en rapport d'accès
    [exported-as-a-transparency-register] exportée en registre de transparence
    [exported-as-contacts] exportée en contacts
    [restored-from-a-backup] restaurée à partir d'une sauvegarde
    [synced] synchronisée
    [used-to-invite-a-member] utilisée pour inviter un membre
   *[other] { $action }
}. Quittez la démo (le bouton dans le bandeau en haut) pour faire ceci avec votre propre réseau.
member-awaiting-approval = en attente de l'approbation de cette base de données par un gestionnaire du réseau
handover-reason = { $sentence ->
    [priority] partie prenante prioritaire de { $names }
    [accountable] responsable dans une équipe réseau
    [looked_after] suivie par { $names }
    [known_by_nobody_else] personne d'autre ne connaît cette partie prenante
    [known_weakly] les collègues ne la connaissent que faiblement
   *[going_cold] qui se refroidit
}
app-capture-choose-files = Choisissez d'abord une ou plusieurs invitations à une réunion ou exportations de calendrier (.ics) ou des e-mails enregistrés (.eml).
