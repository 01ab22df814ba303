# What `kring graph` writes for people (crates/kring-cli/src/graph.rs).

graph-format-gexf = GEXF 1.3 (dynamique)
graph-limit-needs-json = --limit va avec --format json (les fichiers GraphML et GEXF contiennent tout le graphe)
graph-exported = { $nodes ->
    [one] { $nodes } nœud
   *[other] { $nodes } nœuds
} et { $edges ->
    [one] { $edges } lien
   *[other] { $edges } liens
} écrits dans { $file } ({ $format })
graph-broker = { $name } ({ $kind })  intermédiarité { $betweenness } ({ $normalised })  degré { $degree }  { $id }
graph-health = { $relationships } relations  { $cold } sur { $with_cadence } se refroidissent ({ $share } %)  donné { $given } / reçu { $received } (solde { $balance })  { $imbalanced } déséquilibrées
graph-network = Réseau : { $nodes } nœuds ({ $networkers } membres du réseau, { $people } personnes, { $organisations } organisations), { $ties } liens
graph-ties-by-reason = liens par motif : { $relationships } relations, { $affiliations } rattachements, { $links } liens, { $interactions } interactions partagées
graph-components = { $components ->
    [one] { $components } composante connexe
   *[other] { $components } composantes connexes
} (la plus grande a { $largest } nœuds) ; degré moyen { $degree }
graph-betweenness-exact = exacte
graph-betweenness-sampled = estimée à partir de { $sources } sources échantillonnées
graph-brokers = Intermédiaires (intermédiarité, { $how }) :
graph-networker-brokers = Membres du réseau qui font le plus le lien :
graph-stakeholder-brokers = Parties prenantes qui font le plus le lien (personnes et organisations qui relient des parties du réseau) :
graph-communities = Communautés : { $count } (modularité { $modularity })
graph-community = { $size ->
    [one] nœud
   *[other] nœuds
} ({ $networkers ->
    [one] { $networkers } membre du réseau
   *[other] { $networkers } membres du réseau
}, { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
}, { $organisations ->
    [one] { $organisations } organisation
   *[other] { $organisations } organisations
}) autour de { $label }
graph-only-through = { $name } ({ $unit }) : { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
} et { $organisations ->
    [one] { $organisations } organisation
   *[other] { $organisations } organisations
} uniquement par son intermédiaire
graph-no-unit = aucun service
graph-health-per-team = Relations qui se refroidissent et réciprocité par équipe :
graph-team = { $team } ({ $networkers ->
    [one] { $networkers } membre du réseau
   *[other] { $networkers } membres du réseau
})
graph-health-per-networker = Membres du réseau avec le plus de relations qui se refroidissent :
graph-risk-summary = Risque lié aux personnes clés : { $single } parties prenantes sur { $stakeholders } ne sont connues que d'un seul membre du réseau (points de défaillance uniques) ; { $several } de plusieurs ; { $nobody } connues de personne
graph-networker-loss = { $name } ({ $unit }, { $id }) : connaît { $stakeholders ->
    [one] { $stakeholders } partie prenante
   *[other] { $stakeholders } parties prenantes
} ; seul contact pour { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
} et { $organisations ->
    [one] { $organisations } organisation
   *[other] { $organisations } organisations
}
graph-at-risk = { $name }  intensité { $strength }
graph-no-way = Aucun chemin de { $from } vers { $to } dans le réseau.
graph-path = chaleur { $warmth }, { $ties ->
    [one] { $ties } lien
   *[other] { $ties } liens
}
graph-tie-kind = { $kind ->
    [relationship] relation
    [affiliation] rattachement
    [link] lien
    [interaction] interaction
   *[other] { $kind }
}
graph-tie-strength = intensité { $strength }
graph-tie-last-contact = dernier contact { $day }
graph-tie-weight = poids { $weight }
