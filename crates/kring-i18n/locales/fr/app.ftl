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

# Refusals and failures of the app's commands (kring-api), said in the app's language.
app-demo-busy = La démo est encore occupée : réessayez de la supprimer dans un instant.
app-store-busy = Kring travaille encore sur la base de données (une synchronisation ou une importation est peut-être en cours) : rien n'a été compacté. Réessayez quand elle sera terminée.
app-card-list-failed = La liste des fiches n'a pas pu être construite. Fermez Kring et rouvrez-le ; si cela se reproduit, lancez `kring check`.
app-report-extension = Enregistrez le rapport en .html (une page à remettre) ou en .json (pour des programmes).
app-report-not-written = Le rapport n'a pas pu être écrit : { $cause }
app-request-in-future = Le jour de réception de la demande ne peut pas être dans le futur.
app-not-in-graph = { $id } n'est pas dans le graphe du réseau (cette fiche n'existe pas, ou elle est privée ou supprimée).
app-not-a-networker = { $id } n'est pas un membre du réseau.
app-picture-not-in-sync-folder = L'image montre aussi vos fiches privées ; elle n'est donc pas enregistrée dans le dossier de synchronisation ({ $folder }), que vos collègues lisent : choisissez un dossier à vous.
app-picture-not-base64 = L'image n'est pas du base64 valide.
app-not-a-card-id = « { $value } » n'est pas un identifiant de fiche.
app-not-a-date = « { $value } » n'est pas une date (AAAA-MM-JJ).
app-not-a-moment = « { $value } » n'est pas une date et une heure.
app-name-needed = Votre nom est nécessaire : vos collègues le voient sur ce que vous partagez.
app-name-empty = Votre nom ne peut pas être vide.
app-card-gone = Cette fiche n'existe plus.
app-relationship-not-shown = La relation a été enregistrée mais ne peut pas être affichée ; rouvrez la fiche.
app-log-with-nobody = Choisissez avec qui l'interaction a eu lieu.
app-follow-up-due-missing = Donnez une échéance au suivi.
app-note-empty = Écrivez d'abord la note.
app-choose-file = Choisissez d'abord un fichier.
app-choose-bundles = Choisissez d'abord un ou plusieurs fichiers .kring.
app-file-unreadable = { $path } ne peut pas être lu : { $cause }
app-file-unwritable = { $path } ne peut pas être écrit : { $cause }
