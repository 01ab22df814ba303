# Pourquoi une écriture a été refusée (voir en/refusals.ftl).
refusal-not_on_roster = écrit par une base de données qui ne figure pas sur la liste des membres de l'organisation
refusal-removed_member = écrit par { $writer } après son retrait de la liste des membres
refusal-managers_erase = seul un gestionnaire du réseau efface une personne pour l'organisation
refusal-managers_restrict = seul un gestionnaire du réseau modifie ou lève une opposition ou une limitation
refusal-managers_write = seul un gestionnaire du réseau écrit des enregistrements de type { $kind }
refusal-forget_is_final = un enregistrement d'oubli n'est jamais modifié ni supprimé
refusal-visibility_owner_only = seul le propriétaire décide qui peut voir un enregistrement
refusal-belongs_to_keeper = un enregistrement de type { $kind } appartient au membre du réseau qui le tient
refusal-networker_card = seul ce membre du réseau (ou un gestionnaire du réseau) modifie sa fiche
refusal-author_deletes = seul son auteur ou un gestionnaire du réseau supprime une fiche sur laquelle d'autres comptent
refusal-names_another_owner = désigne quelqu'un d'autre comme propriétaire de l'enregistrement
refusal-not_the_signer = le paquet d'un membre du réseau ne contient que ce que ce membre a écrit lui-même
refusal-forged_own_write = marqué comme écrit par cette base de données même, qui ne l'a jamais écrit
refusal-private_here = le propriétaire garde cet enregistrement privé dans cette base de données
refusal-kind_changed = envoyé comme { $sent }, mais cette base de données le conserve comme { $held }
refusal-invalid_value = { $problem }
refusal-summary_only = son propriétaire ne partage qu'un résumé de cet enregistrement ({ $kind }) : le champ « { $field } » ne peut pas être modifié ici ; demandez au propriétaire de le partager
refusal-withdrawn = son propriétaire a retiré cet enregistrement ({ $kind }) : le champ « { $field } » ne peut pas être modifié ici ; demandez au propriétaire de le partager
refusal-restricted = { $name } ({ $person }) est marqué { $status ->
    [objected] d'une opposition
    [restricted] d'une limitation
   *[other] { $status }
} : cette personne est exclue des lettres d'information et des invitations jusqu'à ce qu'un gestionnaire du réseau lève la marque
