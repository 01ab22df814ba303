# Erreurs qu'une personne peut rencontrer, par code stable : `error-<code>`.

## kring-core : la base de données (StoreError)
error-store_in_use = la base de données { $path } est utilisée par un autre processus Kring ; fermez-le et réessayez
error-schema_too_new = la base de données { $path } a été écrite par un Kring plus récent (schéma { $found }) ; ce Kring lit le schéma { $supported } et les plus anciens : mettez Kring à jour
error-store_open = la base de données { $path } ne peut pas être ouverte : { $reason }
error-not_initialised = la base de données n'est pas encore configurée : lancez d'abord `kring init --name NOM --email E-MAIL`
error-already_initialised = la base de données est déjà configurée pour { $name }
error-not_found = aucun enregistrement avec l'identifiant { $id }
error-wrong_kind = { $id } est un(e) { $actual }, pas un(e) { $expected }
error-corrupt = l'enregistrement { $id } ne peut pas être lu ({ $reason }) : lancez `kring check`
error-disk_full = { $path ->
    [none] le disque est plein : libérez de l'espace et réessayez (ce qui a été enregistré avant est intact)
   *[other] le disque qui contient la base de données { $path } est plein : libérez de l'espace et réessayez (ce qui a été enregistré avant est intact)
}
error-read_only = { $path ->
    [none] la base de données est en lecture seule (un disque en lecture seule, ou un dossier où cet utilisateur ne peut pas écrire) : Kring écrit dans sa base de données même pour la lire ; rendez-la accessible en écriture ou copiez-la ailleurs (rien n'a été modifié)
   *[other] la base de données dans { $path } est en lecture seule (un disque en lecture seule, ou un dossier où cet utilisateur ne peut pas écrire) : Kring écrit dans sa base de données même pour la lire ; rendez-la accessible en écriture ou copiez-la ailleurs (rien n'a été modifié)
}
error-io = la base de données n'a pas pu être lue ou écrite : { $reason }
error-writes_stopped = Kring a cessé d’écrire dans la base de données lorsqu’une écriture a échoué (un disque plein, ou un disque devenu indisponible) : fermez Kring et rouvrez-le une fois le problème résolu (ce qui avait été enregistré est intact)
error-not_allowed = { $reason } ; rien n'a été modifié
error-demo_store = ceci est une base de démonstration aux données fictives, qui ne quitte jamais cet ordinateur et reste séparée des données réelles : elle ne peut pas être { $kind ->
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
} ; ouvrez votre propre base de données pour faire ceci avec votre propre réseau
error-not_a_sandbox = { $path } n'est pas un bac à sable de démo (aucune base Kring marquée comme démo ne s'y trouve) : il a été laissé tel quel et rien n'a été supprimé ; déplacez-le vous-même si la démo doit aller là

## Synchronisation
error-write_failed = { $path } : ne peut pas être écrit : { $reason }
error-import_unfinished = { $error } ; l'import est conservé dans la base de données et se termine à sa prochaine ouverture
error-held_set_aside = { $error }. { $name } est approuvé ; ce paquet retenu pour { $name } ne peut pas être fusionné et a été mis de côté : le prochain export de { $name } apportera ce qu'il contenait{ $merged ->
    [0] {""}
    [one] {" ; "}{ $merged } autre paquet retenu a été fusionné
   *[other] {" ; "}{ $merged } autres paquets retenus ont été fusionnés
}
error-own_bundle = { $path } : signé par cette base de données elle-même (nœud { $node }) ; une base de données n'importe pas ses propres paquets
error-other_organisation = { $path } : d'une autre organisation ({ $theirs }) ; cette base de données appartient à { $ours }
error-clock_ahead = { $path } : les modifications de { $author } sont datées jusqu'à { $days } jours après l'horloge de cet ordinateur (qui indique { $local }). L'horloge de { $author } ou celle de cet ordinateur est fausse : vérifiez la date sur les deux ; rien n'a été importé
error-bundle_io = { $path } : ne peut pas être lu : { $reason }
error-bundle_wrong_magic = { $path } : pas un paquet Kring (mauvais octets de début)
error-bundle_future_format = { $path } : créé par un Kring plus récent (format de paquet { $found } ; ce Kring lit { $supported }) : mettez Kring à jour
error-bundle_truncated = { $path } : tronqué (le fichier s'arrête trop tôt ; copiez-le à nouveau)
error-bundle_corrupt = { $path } : corrompu ({ $reason })
error-bundle_bad_signature = { $path } : la signature ne correspond pas au contenu (le fichier a été modifié ou falsifié)
error-bundle_hash_mismatch = { $path } : le contenu ne correspond pas au hachage de son en-tête (modifié, ou copie en cours)
error-bundle_is_backup = { $path } : une sauvegarde, pas un export : restaurez-la avec `kring restore`
error-bundle_is_export = { $path } : un export, pas une sauvegarde : importez-le (`kring import`, ou Synchronisation dans l'application)
error-bundle_not_a_recipient = { $path } : chiffré pour les membres de l'organisation, et cette base de données n'en est pas destinataire (ou n'a pas de clé pour l'ouvrir). Si cette base de données est nouvelle, restaurée depuis une sauvegarde ou déplacée sur un autre ordinateur, demandez à un gestionnaire du réseau de l'approuver (dans l'écran Membres, ou kring approve) ; le master suivant s'ouvrira ensuite
error-sync_folder_unavailable = le dossier de synchronisation { $path } n'est pas disponible ({ $reason }) ; rien n'a été modifié, et Kring rattrape le retard quand il revient
error-sync_folder_write = { $path } : ne peut pas être écrit dans le dossier de synchronisation : { $reason }
error-still_changing = { $path } : encore en cours d'écriture ou de synchronisation ; nouvel essai la prochaine fois

## Les membres de l'organisation
error-not_a_manager = seul un gestionnaire du réseau peut { $kind ->
    [invite-members] inviter des membres
    [enrol-members] inscrire des membres
    [remove-members] retirer des membres
    [approve-a-colleague-s-store] approuver la base de données d'un collègue
    [drop-a-claim] retirer une revendication
   *[other] faire ceci ({ $action })
}
error-already_joined = cette base de données appartient déjà à l'organisation { $organisation } ; une base de données rejoint une seule organisation
error-bad_invitation = { $reason }
error-no_such_member = aucun membre ni aucune approbation en attente ne correspond à '{ $who }' : voir `kring members`
error-ambiguous_member = '{ $who }' correspond à plus d'un membre : tapez davantage de l'identifiant du nœud ou de l'empreinte
error-no_such_claim = la base de données de { $member } ne cite pas le nœud { $node } parmi ceux sous lesquels elle écrivait avant : voir `kring members`

## Fichiers que Kring lit
error-file_too_large = { $path } : { $size } dépasse les { $limit } que Kring lit pour { $kind ->
    [a-backup] une sauvegarde
    [a-bundle] un paquet
    [an-address-book] un carnet d'adresses
   *[other] { $what }
} (rien n'a été lu) : vérifiez que c'est le bon fichier
error-not_a_file = { $path } : pas un fichier (un dossier, un périphérique ou un tube) : indiquez le fichier lui-même
error-file_unreadable = { $path } : ne peut pas être lu : { $reason }
error-contacts_malformed = { $file } : { $error }
error-malformed = ligne { $line } : { $reason }
error-undecodable = ligne { $line } : { $reason }

## Réunions et e-mails à enregistrer ; chaque message suit le nom du fichier
error-too_large = fait { $size } octets, plus que les { $limit } octets que Kring lit dans { $what ->
    [calendar] un agenda
   *[other] un e-mail
} : scindez-le ou enregistrez une période plus courte
error-outlook_msg = est un fichier Outlook .msg, que Kring ne peut pas lire : dans Outlook, enregistrez une réunion avec Fichier > Enregistrer sous > Format iCalendar (.ics), et téléchargez un e-mail en .eml (Outlook sur le web ou le nouvel Outlook : … > Télécharger)
error-not_recognised = n'est ni un fichier iCalendar (.ics) ni un e-mail (.eml) : exportez la réunion ou enregistrez l'e-mail depuis votre messagerie et enregistrez ce fichier
error-not_calendar = n'est pas un fichier iCalendar : il n'a pas de BEGIN:VCALENDAR{ $detail }
error-no_meetings = ne contient aucune réunion à enregistrer : { $detail }
error-invitation_reply = est une réponse à une invitation (METHOD:{ $method }), pas la réunion elle-même : enregistrez l'invitation ou la réunion depuis votre agenda
error-too_many_meetings = contient { $count } réunions, plus que les { $limit } que Kring lit dans un fichier : exportez une période plus courte
error-no_date = n'a pas d'en-tête Date lisible (ni d'en-tête Received), Kring ne peut donc pas savoir quand il a été envoyé : enregistrez à nouveau l'e-mail depuis votre messagerie
error-no_addresses = ne nomme personne : aucune adresse e-mail dans From, To ou Cc
error-not_email = n'est pas un e-mail : il ne commence pas par des lignes d'en-tête comme From: et Subject:
error-broken_mime = est un e-mail dont les parties sont imbriquées d'une façon que Kring ne peut pas lire : enregistrez-le à nouveau depuis votre messagerie

## Pourquoi une valeur est refusée : `invalid-<code>`, après « champ : »
invalid-empty = ne peut pas être vide
invalid-not_a_record_id = '{ $value }' n'est pas un identifiant d'enregistrement
invalid-not_an_id_start = '{ $value }' n'est pas un identifiant d'enregistrement ni le début d'un identifiant
invalid-ambiguous_id_start = '{ $value }' est le début de plusieurs identifiants : tapez-en davantage
invalid-no_id_starts_with = aucun identifiant d'enregistrement ne commence par '{ $value }'
invalid-not_one_of = '{ $value }' ne fait pas partie de { $choices }
invalid-not_an_email = '{ $value }' n'est pas une adresse e-mail
invalid-not_a_phone = '{ $value }' n'est pas un numéro de téléphone
invalid-not_a_web_address = '{ $value }' n'est pas une adresse web
invalid-score_out_of_range = { $value } est en dehors de l'intervalle 1–5
invalid-ends_before_start = se termine avant de commencer
invalid-at_least_one_day = doit être d'au moins 1 jour
invalid-year_out_of_bounds = { $day } est { $side ->
    [before] avant
   *[after] après
} les années que Kring conserve ({ $earliest }–{ $latest }) : vérifiez l'année
invalid-too_many_items = { $count } éléments, c'est plus que les { $limit } qu'une liste peut contenir
invalid-interaction_in_future = { $at } est dans le futur : une interaction est quelque chose qui a eu lieu (un jour d'avance au plus) ; pour un contact à venir, ajoutez un suivi ou un événement
invalid-follow_up_before_interaction = { $due } est avant l'interaction qu'il suit ({ $day }) : un suivi est dû le jour de celle-ci ou après
invalid-no_card_with_id = aucune fiche avec l'identifiant { $id }
invalid-name_a_card = nommez au moins une fiche avec laquelle l'interaction a eu lieu
invalid-invalid = { $reason }
invalid-not_a_contact_hash = '{ $value }' n'est pas une empreinte de contact
invalid-answered_before_received = est antérieur à la réception de la demande
invalid-only_people_are_erased = seules les personnes sont proposées à l'effacement, pas un { $kind }
invalid-rule_cannot_act = une règle ne peut pas { $action ->
    [remove] supprimer
    [clear] vider
   *[other] { $action }
} un { $kind } (les personnes sont plutôt proposées à l'effacement)
invalid-name_fields_to_clear = nommez les champs à vider
invalid-not_a_clearable_field = '{ $value }' n'est pas un champ texte d'un { $kind } qui peut être vidé
invalid-fields_only_when_clearing = seule une règle qui vide des champs nomme des champs
invalid-not_a_node_id = '{ $value }' n'est pas un identifiant de nœud
invalid-not_a_signing_key = n'est pas une clé ed25519
invalid-not_an_encryption_key = n'est pas un destinataire age
invalid-not_a_team_stakeholder = { $id } ne fait pas partie des parties prenantes dont l'équipe réseau s'occupe
invalid-not_a_partner = { $id } n'est pas un partenaire de ce partenariat
invalid-name_a_participant = nommez au moins un participant
invalid-linked_to_itself = une fiche ne peut pas être liée à elle-même
invalid-same_as_itself = une fiche est toujours la même qu'elle-même
invalid-not_an_object = un { $kind } est un objet de champs
invalid-missing = est manquant
invalid-not_a_list = { $found ->
    [null] null
    [bool] vrai ou faux
    [number] un nombre
    [list] une liste
    [object] un objet
   *[text] du texte
} là où une liste est attendue
invalid-wrong_type = { $found ->
    [null] null
    [bool] vrai ou faux
    [number] un nombre
    [list] une liste
    [object] un objet
   *[text] du texte
} là où on attend { $expected }
invalid-in_field = { $field } : { $reason }
schema-expected = { $expected ->
    [email] une adresse e-mail
    [phone] un numéro de téléphone
    [web_address] une adresse web
    [date] une date (AAAA-MM-JJ)
    [date_time] une date et une heure
    [record_id] un identifiant d'enregistrement
    [score] un score de 1 à 5
    [days] un nombre de jours
    [bool] vrai ou faux
    [word] l'un de { $choices }
    [postal_address] une adresse postale
    [team_member] un membre d'équipe
    [accountability] une responsabilité
    [partner_accountability] une responsabilité envers un partenaire
    [node_id] un identifiant de nœud (16 chiffres hexadécimaux)
    [hex] une clé en hexadécimal
    [age_recipient] un destinataire age (age1…)
   *[text] du texte
}
invalid-not_a_date = '{ $value }' n'est pas une date (utilisez AAAA-MM-JJ)
invalid-not_a_date_and_time = '{ $value }' n'est pas une date avec heure (utilisez RFC 3339, par exemple 2026-11-01T09:30:00+01:00)
invalid-not_a_whole_number = { $value } n'est pas un nombre entier
invalid-too_many_days = { $value } jours, c'est plus que ce que Kring compte
invalid-too_long = compte { $chars } caractères ; { $max } au plus sont permis
invalid-not_an_age_recipient = '{ $value }' n'est pas un destinataire age
invalid-item_without_identity = un élément sans identité
invalid-no_card_to_log_with = aucune fiche avec l'identifiant { $id } pour y consigner '{ $subject }'
invalid-wrong_kind_of_card = { $id } est un { $kind }, attendu : { $expected }
invalid-not_person_or_organisation = { $id } est un { $kind }, attendu : personne ou organisation
invalid-same_as_different_kinds = { $b } est un { $kind_b } et { $a } un { $kind_a } : seules deux personnes ou deux organisations peuvent être identiques
invalid-no_conflict = n'a aucun conflit à résoudre
invalid-no_losing_value = il n'y a pas de valeur perdante numéro { $number }
invalid-kind_not_editable = les enregistrements de type '{ $kind }' ne peuvent pas être modifiés par ce Kring
invalid-no_such_field = un { $kind } n'a pas ce champ
invalid-updated_twice = { $id } est mis à jour deux fois
invalid-forget_without_reason = dites pourquoi la personne est oubliée (un numéro de dossier, l'article), sans la nommer
invalid-not_a_record_body = n'est pas un contenu d'enregistrement valide
invalid-private_on_shared_goal = { $name } est privé : partagez-le d'abord, sinon son identifiant quitterait cet ordinateur avec l'objectif
invalid-no_record_with_id = aucun enregistrement avec l'identifiant { $id }
invalid-cannot_link_to_goal = un { $kind } ne peut pas être lié à un objectif : liez une partie prenante, une relation, une interaction ou un événement
invalid-not_a_team_member = { $networker } n'est pas membre de { $team }
invalid-crosses_red_line = { $partner } franchit la ligne rouge « { $line } »
invalid-not_an_organisation = { $id } n'est pas une organisation
invalid-succeeds_themselves = un membre du réseau ne peut pas être son propre successeur
invalid-not_a_networker = { $id } n'est pas un membre du réseau
invalid-has_left = { $name } a quitté l'organisation : choisissez un collègue encore présent
invalid-nothing_to_hand_over = { $leaver } n'a pas de relation avec { $stakeholder } à transmettre
invalid-set_as_register = écrit comme une seule valeur, alors qu'il s'agit d'un ensemble dont les éléments sont ajoutés un à un
invalid-register_as_set = écrit comme élément d'un ensemble, alors qu'il contient une seule valeur
invalid-not_json = contient des octets qui ne sont pas du JSON
list-or = {" "}ou{" "}

# Why a file Kring writes could not be written (files::write_failure_in).
files-write-disk-full = le disque est plein (rien n'a été écrit) : libérez de l'espace ou écrivez sur un autre disque
files-write-read-only = le disque est en lecture seule (rien n'a été écrit) : écrivez dans un autre dossier
files-write-not-allowed = cet utilisateur ne peut pas écrire dans ce dossier (rien n'a été écrit) : écrivez dans un autre dossier
