cards-none-yet = Pas encore de fiches. Ajoutez-en une avec `kring card add person --name NOM` ou essayez `kring demo`.

due-today = aujourd’hui
due-tomorrow = demain
due-overdue = { $days ->
    [one] en retard de { $days } jour
   *[other] en retard de { $days } jours
}
due-in-days = { $days ->
    [one] dans { $days } jour
   *[other] dans { $days } jours
}

kind-word = { $kind ->
    [person] personne
    [organisation] organisation
    [networker] membre du réseau
   *[other] { $kind }
}
visibility-word = { $visibility ->
    [private] privé
    [summary] résumé
    [shared] partagé
   *[other] { $visibility }
}

## kring card show
card-restriction-label = limitation
card-restriction-since = depuis le { $day }
card-restriction = { $status }{ $since } : exclu des rappels, listes de suivis, lettres d'information et invitations jusqu'à ce qu'un gestionnaire lève la marque
card-affiliations = Rattachements
card-since = depuis le { $day }
card-until = jusqu'au { $day }
card-past = (ancien)
card-relationships = Relations
card-never = jamais
card-going-cold = SE REFROIDIT
card-relationship = { $other } : intensité { $strength }/5, confiance { $trust }, dernier contact { $last }, rythme { $cadence }
card-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
card-knows = Connaît
card-known-by = Collègues qui connaissent cette personne
card-acquaintance = { $name } : intensité { $strength }/5
card-follow-ups = Suivis
card-follow-up = { $text } (échéance { $due })
card-interactions = Interactions
card-notes = Notes
card-links = Liens
card-conflicts = Conflits (modifications simultanées ; `kring card edit` les règle)
card-conflict = { $field } : gardé { $current } — aussi écrit { $value } par le nœud { $node } le { $at }
card-deleted = supprimé { $id }

## kring follow-ups, today, search, duplicates
follow-ups-none = Aucun suivi ouvert.
today-due = Suivis échus ({ $count })
today-upcoming = Dans les deux prochaines semaines ({ $count })
today-cold-some = Relations qui se refroidissent ({ $total }, les { $listed } plus froides listées)
today-cold = Relations qui se refroidissent ({ $count })
today-cold-line = { $networker } ↔ { $stakeholder } : dernier contact { $last }, rythme { $cadence } jours
today-reviews = Évaluations de partenariats échues ({ $count })
search-none = Aucun résultat.
duplicates-none = Aucun doublon probable.
duplicates-summary = { $count } paires. `kring same-as ID AUTRE_ID` fait d'une paire une seule fiche ; `kring not-same ID AUTRE_ID` la met de côté.
same-as-done = { $a } et { $b } sont désormais une seule fiche, affichée comme { $shown } ({ $count } fiches)
not-same-done = { $a } et { $b } sont des fiches distinctes
not-same-still-one = { $a } et { $b } ne sont pas identiques, mais d'autres déclarations en font encore une seule fiche : { $chain } ; dites `kring not-same` pour l'un de ces liens

## kring init, log, done, demo
init-done = Kring est configuré pour { $name } ({ $email }) comme { $role } dans { $path }
logged-follow-up = suivi { $id }
due-needs-follow-up = --due demande --follow-up TEXTE pour dire ce qui est dû
follow-up-done = { $undo ->
    [yes] rouvert
   *[no] fait
} { $id }
demo-done = réseau de démonstration : { $networkers } membres du réseau, { $organisations } organisations, { $people } personnes, { $relationships } relations, { $interactions } interactions, { $follow_ups } suivis, { $notes } notes, { $links } liens

## kring export, import, conflicts, resolve, backup, restore
export-wrote = { $path } écrit ({ $kind }) : { $records } enregistrements, { $bytes } octets
export-left-out = { $private } enregistrements privés sont restés sur cet ordinateur ; { $summarised } sont partis en résumé seulement ; { $unchanged } que le destinataire a déjà ont été omis
export-relayed = { $count ->
    [one] a aussi écrit la transmission d'un collègue que cette base de données fait suivre aux gestionnaires du réseau, telle que son auteur l'a signée ; remettez-la-leur avec l'export :
   *[other] a aussi écrit { $count } transmissions de collègues que cette base de données fait suivre aux gestionnaires du réseau, telles que leurs auteurs les ont signées ; remettez-les-leur avec l'export :
}
import-progress = fusion : { $done }/{ $total } enregistrements ({ $percent } %)
import-file = { $path } : paquet { $kind } de { $author } ({ $role }, nœud { $node }), { $records } enregistrements
import-held = { $path } : retenu, non fusionné : { $author } <{ $email }> (empreinte { $fingerprint }) { $reason }
import-held-hint = comparez l'empreinte avec celle de son propriétaire, puis : kring approve EMPREINTE (voir kring members)
import-compact-hint = les importations ont écrit { $records } enregistrements depuis le dernier compactage : `kring compact` rend d’ordinaire un quart à la moitié de la place de la base de données
import-summary = { $dry ->
    [yes] ajouterait
   *[no] ajoutés
} { $added }, modifiés { $changed } (dont supprimés { $deleted }), inchangés { $unchanged }, nouveaux conflits { $conflicts }
warning = avertissement : { $text }
import-refused = { $count } modification(s) refusée(s) que leurs auteurs n'avaient pas le droit d'écrire (rien n'en a été fusionné) :
import-refused-line = { $kind } { $record } champ { $field } : par { $writer } : { $reason }
import-refused-more = … et { $count } de plus (--json en liste jusqu'à 200)
import-forgotten-dropped = { $count } enregistrement(s) ou valeur(s) écarté(s) sur des personnes effacées (kring forget) : rien n'en revient
import-forgotten-purged = { $count } enregistrement(s) effacé(s) que cette base contenait sur des personnes que l'organisation a oubliées ; lancez `kring compact` pour retirer leurs octets du disque
import-expired = { $count } enregistrement(s) supprimé(s) ou vidé(s) au-delà de la durée d'une règle de conservation
import-backup = sauvegarde de l'état précédent : { $path }
dry-run = essai à blanc : rien n'a été modifié
conflicts-none = Aucun conflit.
conflicts-current = { $field } : actuel { $value } ({ $by }, { $at })
conflicts-losing = { $n }. { $value } ({ $by }, { $at })
conflicts-writer-named = { $name }, nœud { $node }
conflicts-writer-node = nœud { $node }
take-counts-from-one = --take compte à partir de 1
resolve-say-which = dites quelle valeur garder : --keep, --take N ou --value VALEUR
resolved = { $field } de { $id } réglé
folder-uncreatable = impossible de créer { $path }
backup-done = { $records } enregistrements sauvegardés dans { $path }
restore-done = { $records } enregistrements restaurés depuis { $path } ; l'état précédent est dans { $safety }

## Contacts et agenda
contacts-read-as = lu comme CSV { $preset } ({ $encoding })
contacts-summary = { $read } contacts : { $people } personnes et { $organisations } organisations { $dry ->
    [yes] seraient ajoutées
   *[no] ajoutées
} ({ $affiliations } rattachements, { $notes } notes) ; { $updated } fiches mises à jour ; { $unchanged } déjà connus, inchangés
contacts-vcard-only = les contacts ne s'exportent qu'en vCard (--format vcard)
contacts-exported = { $count } fiches écrites dans { $path }
calendar-exported = { $count } suivis écrits dans { $path }
private-left-out = { $count } { $what ->
    [cards] fiches privées omises
   *[other] suivis privés omis
} (--include-private les écrit)

## kring check
check-summary = { $records } enregistrements, { $entries } entrées d'index vérifiés
check-more = … et { $count } problèmes de plus (--json les liste tous)
check-clean = en ordre : chaque index correspond aux enregistrements et chaque valeur convient à son champ
check-repaired = réparé : les index ont été reconstruits à partir des enregistrements
check-quarantined = { $count } { $count ->
    [one] copie
   *[other] copies
} d'enregistrements stockés sous un autre type que celui que la base connaît déplacée(s) vers l'arbre de quarantaine
check-drifted = les index ont dérivé par rapport aux enregistrements ({ $missing } manquants, { $stale } périmés, { $misfiled } stockés sous un autre type) : lancez `kring check --repair`
check-beyond-repair = { $count } problèmes que la réparation ne change pas ({ $unreadable } enregistrements illisibles, { $misfit } valeurs qui ne conviennent pas à leur champ, { $kindless } enregistrements sans copie de leur type) : corrigez une valeur avec `kring card edit ID --set CHAMP=VALEUR`, ou restaurez une sauvegarde antérieure à l'arrivée de l'enregistrement

## Notes sur stderr et échecs de la ligne de commande elle-même
note-node-renewed = remarque : cette base a été copiée ou restaurée (elle était le nœud { $old }) ; elle écrit maintenant comme nœud { $new }
note-retention = remarque : les règles de conservation ont supprimé ou vidé { $count } enregistrement(s) (kring processing-log, kring compact)
no-home-folder = pas de dossier personnel où garder la base de données : indiquez --store DOSSIER ou définissez KRING_STORE
file-unwritable = { $path } : ne peut pas être écrit : { $reason }
output-unwritable = impossible d'écrire la sortie : { $error }
held-reason = { $code ->
    [key_replaced] signé avec une autre clé que celle de la liste des membres pour ce membre : un ordinateur remplacé, ou une falsification
    [unknown_key] signé par une clé qui n'est pas sur la liste des membres de l'organisation
   *[other] { $reason }
}
clock-behind = l'horloge de { $author } semble retarder de { $days } jours : son paquet est daté d'avant des modifications qu'il contenait déjà. Demandez à { $author } de corriger la date de son ordinateur, sinon ses modifications perdront face à des plus anciennes

## kring sync
sync-watching = surveillance de { $folder } ({ $notified ->
    [yes] notifications de changement et sondage
   *[no] sondage
}) ; un passage toutes les { $seconds } s au calme ; Ctrl+C pour arrêter
sync-try-again = { $error } ; nouvel essai au prochain passage
sync-synced = synchronisé avec { $folder } comme { $role } (nœud { $node }) le { $at }
sync-imported = { $bundles } paquet(s) importé(s) : { $added } ajoutés, { $changed } modifiés, { $deleted } supprimés, { $conflicts } nouveaux conflits
sync-wrote = { $master ->
    [yes] master
   *[no] delta
} { $path } écrit ({ $kind }) : { $records } enregistrements, { $private } privés retenus
sync-skipped = ignoré ({ $retried ->
    [yes] nouvel essai la prochaine fois
   *[no] demande votre intervention
}) : { $reason }
sync-waiting = en attente d'approbation : { $author } <{ $email }> (empreinte { $fingerprint }) : kring approve { $approve }
sync-refused = { $count } modification(s) refusée(s) que leurs auteurs n'avaient pas le droit d'écrire (kring sync --json les liste)
sync-pruned = { $count } ancien(s) paquet(s) de cette base supprimé(s), confirmé(s) ou remplacé(s)
sync-nothing-new = rien de nouveau
sync-stale = pas synchronisé depuis longtemps :
sync-last-bundle = dernier paquet le { $day } (il y a { $days } jours)
sync-no-bundle-yet = pas encore de paquet
sync-stale-peer = { $name } (nœud { $node }) : { $since }

## Membres de l'organisation
invite-wrote = invitation pour un { $role } écrite dans { $path } ({ $organisation })
invite-join = la personne à qui elle est destinée lance : kring join { $path }
invite-manager = gestionnaire { $name } <{ $email }>, empreinte { $fingerprint }
invite-approve-later = approuvez sa base de données quand son premier paquet arrive : kring members, puis kring approve
join-joined = organisation { $organisation } rejointe
join-compare = comparez ces empreintes avec celles du gestionnaire lui-même (par téléphone ou en personne) :
join-your-fingerprint = l'empreinte de votre base de données, à approuver par le gestionnaire : { $fingerprint }
members-none = Aucun membre : cette base de données n'a fondé ni rejoint aucune organisation.
members-this-store = (cette base)
members-earlier-store = dit écrire pour { $name } <{ $email }>, déjà membre comme nœud { $node } (empreinte { $fingerprint }) : une sauvegarde restaurée ou un nouvel ordinateur, ou quelqu'un qui se fait passer pour cette personne. Comparez l'empreinte avec { $name } avant d'approuver : une fois approuvée, elle envoie aussi ce que cette base de données a écrit
members-earlier-nodes = restaurée ou copiée auparavant : a aussi écrit comme { $count ->
    [one] nœud
   *[other] nœuds
} { $nodes } ; une fois approuvée, ce qui y a été écrit compte comme venant de cette base de données
members-contested-node = le nœud { $node } est aussi revendiqué par { $others } : ce qu'il a écrit ne compte pour personne tant qu'un gestionnaire n'a pas retiré la mauvaise revendication (kring drop-claim { $member } { $node } retire celle de cette base de données)
drop-claim-done = ce que le nœud { $node } a écrit ne compte plus comme venant de la base de données { $member } ; le prochain master l'annonce à chaque membre
approve-done = approuvé : { $name } <{ $email }> (empreinte { $fingerprint })
approve-merged = { $bundles } paquet(s) retenu(s) pour ce membre fusionné(s) : ajoutés { $added }, modifiés { $changed }
trust-done = confiance accordée à { $name } <{ $email }> (nœud { $node }, empreinte { $fingerprint }), signataire de { $path }
