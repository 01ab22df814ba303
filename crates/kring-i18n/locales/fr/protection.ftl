# What `kring subject-access`, `forget`, `compact`, `restrict`, `retention`, `purpose`,
# `access-request`, `erasures` and `processing-log` write for people (crates/kring-cli/src/protection.rs).

protection-record-kind = { $kind ->
    [interaction] interaction
    [note] note
    [follow_up] suivi
    [relationship] relation
    [affiliation] rattachement
    [link] lien
    [event] événement
    [partnership_review] évaluation de partenariat
    [stakeholder_rating] évaluation de partie prenante
    [person] personne
    [organisation] organisation
    [networker] membre du réseau
    [restriction] limitation
    [goal] objectif
    [team] équipe réseau
    [partnership] partenariat
    [same_as] groupe d'identité (identique à)
    [member] membre
    [purpose] finalité
    [forget] enregistrement d'oubli
    [access_request] demande d'accès
    [retention_rule] règle de conservation
   *[other] { $kind }
}
protection-access-bad-extension = { $file } : indiquez FICHIER.html (une page à remettre) ou FICHIER.json (pour les programmes)
protection-access-written = rapport d'accès de { $name } ({ $records ->
    [one] { $records } enregistrement
   *[other] { $records } enregistrements
}, { $cards ->
    [one] { $cards } fiche
   *[other] { $cards } fiches
}) écrit dans { $file }
protection-access-private-elsewhere = ce que les collègues gardent en privé n'y figure pas : `kring access-request raise { $id }` demande à leur Kring de le lister pour eux
protection-forgot-organisation = { $subject } oublié pour l'organisation (enregistrement d'oubli { $record }, { $cards ->
    [one] { $cards } fiche
   *[other] { $cards } fiches
}) ; chaque base de données qui le reçoit efface aussi la personne concernée
protection-forgot-local = { $subject } oublié sur cette base de données ({ $cards ->
    [one] { $cards } fiche privée
   *[other] { $cards } fiches privées
}) : rien de la personne concernée ne l'a jamais quittée
protection-removed-kind = { $kind } : { $count }
protection-swept = supprimé : { $removed } ; { $changed ->
    [one] { $changed } enregistrement conservé sans la personne concernée
   *[other] { $changed } enregistrements conservés sans la personne concernée
} ; { $history ->
    [one] { $history } valeur antérieure supprimée de l'historique
   *[other] { $history } valeurs antérieures supprimées de l'historique
}
protection-swept-nothing = rien
protection-compact-hint = lancez `kring compact` pour retirer leurs octets des fichiers et des sauvegardes de la base de données
protection-compacted = { $path } réécrit ({ $trees } arbres, { $entries } entrées) : { $before } → { $after } octets
protection-compact-progress = { $done }/{ $total } entrées copiées ({ $percent } %)
protection-compact-stopped = Compactage arrêté : les fiches et leur historique sont restés tels quels.
protection-backup-rewritten = sauvegarde { $path } réécrite
protection-held-dropped = paquet retenu { $path } supprimé (son expéditeur l'enverra à nouveau)
protection-sync-file-dropped = { $path } supprimé du dossier de synchronisation (la prochaine synchronisation en écrit un nouveau)
protection-inbox-emptied = la boîte d'importation a été vidée
protection-unreadable-warning = avertissement : { $path } ne peut pas être lu et n'a donc pas été vérifié : supprimez-le s'il peut contenir une personne effacée
protection-lifted = marque levée sur { $id }
protection-marked = { $id } marqué { $status ->
    [objected] en opposition
    [restricted] en limitation
   *[other] { $status }
} : exclu des rappels, des listes de suivis, des lettres d'information et des invitations jusqu'à ce qu'un gestionnaire lève la marque
protection-after-unreadable = --after '{ $text }' : indiquez un nombre de jours (2190) ou d'années (6y)
protection-rule-added = elle s'applique la prochaine fois que Kring ouvre cette base de données (toute commande sauf `kring retention`) et sur chaque base de données qui la reçoit : voyez d'abord ce qu'elle ferait avec `kring retention --dry-run`
protection-no-rules = Aucune règle de conservation : les enregistrements sont conservés jusqu'à leur suppression ou leur effacement.
protection-rule = { $name } : { $action ->
    [clear] vider
    [remove] supprimer
    [propose_erasure] proposer l'effacement de
   *[other] { $action }
} { $kind } après { $days } jours{ $fields } ({ $reference })
protection-not-a-rule = { $id } n'est pas une règle de conservation : voir kring retention rules
protection-rule-removed = règle de conservation { $id } retirée
protection-not-proposed = { $id } n'est pas proposé pour l'effacement (voir kring retention --dry-run) ; personne n'a été effacé
protection-erasure-for-a-manager = { $id } est connu de l'organisation : un gestionnaire du réseau confirme son effacement ; personne n'a été effacé
protection-forgot-confirmed = { $subject } oublié ({ $records ->
    [one] { $records } enregistrement supprimé
   *[other] { $records } enregistrements supprimés
})
protection-no-rules-to-apply = Aucune règle de conservation (un gestionnaire du réseau les ajoute : kring retention add …).
protection-rule-applied = { $name } : { $action ->
    [clear] vider
    [remove] supprimer
    [propose_erasure] proposer l'effacement de
   *[other] { $action }
} { $kind } après { $days } jours ({ $reference }) : { $dry_run ->
    [yes] concernerait
   *[no] a concerné
} { $records ->
    [one] { $records } enregistrement
   *[other] { $records } enregistrements
}
protection-record-removed = supprimé
protection-record-cleared = vidé : { $fields }
protection-records-more = … et { $count } de plus (--json en liste jusqu'à 1 000)
protection-proposals = proposés pour l'effacement (confirmez chacun : kring retention --confirm ID…) :
protection-proposal = { $name }  dernière activité { $last }  ({ $rule }){ $here ->
    [yes] {""}
   *[no] {" "}; un gestionnaire l'efface
}
protection-dry-run = simulation : rien n'a été modifié
protection-compact-hint-retention = lancez `kring compact` pour retirer des fichiers de la base de données les octets de ce qui est parti
protection-lawful-basis = { $basis ->
    [consent] le consentement de la personne concernée
    [contract] un contrat avec la personne concernée
    [legal_obligation] une obligation légale de l'organisation
    [vital_interests] les intérêts vitaux d'une personne
    [public_task] une mission d'intérêt public ou relevant de l'exercice de l'autorité publique
    [legitimate_interests] les intérêts légitimes de l'organisation
   *[other] { $basis }
}
protection-lawful-basis-article = { $basis ->
    [consent] art. 6, paragraphe 1, point a), du RGPD
    [contract] art. 6, paragraphe 1, point b), du RGPD
    [legal_obligation] art. 6, paragraphe 1, point c), du RGPD
    [vital_interests] art. 6, paragraphe 1, point d), du RGPD
    [public_task] art. 6, paragraphe 1, point e), du RGPD
   *[legitimate_interests] art. 6, paragraphe 1, point f), du RGPD
}
protection-purpose-default = {"["}par défaut de Kring : aucune finalité n'est enregistrée]
protection-request-raised = elle voyage dans votre prochain master ; le Kring de chaque collègue liste alors ce qu'il garde en privé sur la personne concernée
protection-no-requests = Aucune demande d'accès.
protection-request = personne concernée { $person }  reçue le { $received }
protection-request-reference = réf. { $reference }
protection-request-answered = traitée le { $day }
protection-request-nothing-private = cette base de données ne garde rien de privé sur la personne concernée
protection-request-private = gardé en privé sur cette base de données (à vous de décider ce que vous remettez ; `kring subject-access ID --out FICHIER` l'écrit) :
protection-request-answered-on = demande d'accès { $id } traitée le { $day }
protection-no-erasures = Personne n'a été effacé.
protection-erasure = personne concernée { $person }  { $cards ->
    [one] { $cards } fiche
   *[other] { $cards } fiches
}  par { $by }  { $place } : { $reason }
protection-erasure-local = sur cette base de données seulement
protection-erasure-forget = enregistrement d'oubli { $record }
protection-log-empty = Rien n'est encore journalisé.
protection-activity = { $activity ->
    [subject_access] rapport d'accès
    [access_request] demande d'accès
    [erasure] effacement
    [restriction] limitation
    [retention] conservation
    [compaction] compactage
    [export] export
    [report] rapport
    [transparency] transparence
    [contacts_export] export de contacts
   *[other] { $activity }
}
protection-log-records = { $count ->
    [one] enregistrement
   *[other] enregistrements
}
protection-relation = { $kind ->
    [their_card] sa fiche
    [affiliation] où la personne concernée travaille ou a travaillé
    [relationship] la relation d'un collègue avec la personne concernée
    [interaction] une réunion ou un contact auquel la personne concernée a pris part
    [follow_up] un suivi la concernant
    [note] une note la concernant
    [link] un lien entre la personne concernée et une autre fiche
    [same_as] une déclaration sur les fiches qui la représentent
    [event] un événement ou une lettre d'information auquel elle a été invitée ou a assisté
    [goal] un objectif stratégique qui la nomme
    [team] une équipe réseau qui s'occupe d'elle
    [partnership] un partenariat qui la nomme
    [stakeholder_rating] l'évaluation par un collègue de son influence et de son intérêt
    [restriction] son opposition ou sa limitation
    [access_request] une demande d'accès à ses données
    [forget] un effacement de ses données
   *[other] un enregistrement qui la nomme
}
# Pourquoi kring-core refuse une opération (`ProtectionError::Refused`), pour la ligne de commande et l'application.
protection-refused-purposes = seul un gestionnaire du réseau enregistre les finalités de l'organisation
protection-refused-rules = seul un gestionnaire du réseau fixe les règles de conservation
protection-refused-access-not-a-person = { $id } est un(e) { $kind } : un rapport d'accès porte sur une personne
protection-refused-access-request = seul un gestionnaire du réseau introduit une demande d'accès pour l'organisation ; un rapport d'accès donne ce que votre propre base de données conserve sur la personne
protection-refused-not-proposed = { $id } n'est pas proposé(e) à l'effacement (il y a eu un contact dans le délai de chaque règle, ou aucune règle ne propose de personnes) : la simulation des règles de conservation montre qui l'est
protection-refused-restriction-not-a-person = { $id } est un(e) { $kind } : seule une personne s'oppose ou fait l'objet d'une limitation
protection-refused-not-marked = { $id } n'est marqué(e) ni en opposition ni en limitation
protection-refused-forget-not-a-person = { $id } est un(e) { $kind } : seule une personne est oubliée (une organisation ou un collègue n'est pas ici une personne concernée)
protection-refused-forget-shared = { $name } ({ $id }) est connu(e) de l'organisation : seul un gestionnaire du réseau efface une personne pour tous, demandez donc à votre gestionnaire du réseau de l'oublier ; en attendant, vous pouvez supprimer vos propres notes, réunions et relations la concernant
protection-refused-forgotten-already = { $id } a déjà été oublié(e) (enregistrement d'oubli { $record })
