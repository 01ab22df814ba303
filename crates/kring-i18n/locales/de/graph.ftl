# What `kring graph` writes for people (crates/kring-cli/src/graph.rs).

graph-format-gexf = GEXF 1.3 (dynamisch)
graph-limit-needs-json = --limit gehört zu --format json (GraphML- und GEXF-Dateien enthalten den ganzen Graphen)
graph-exported = { $nodes ->
    [one] { $nodes } Knoten
   *[other] { $nodes } Knoten
} und { $edges ->
    [one] { $edges } Verbindung
   *[other] { $edges } Verbindungen
} nach { $file } geschrieben ({ $format })
graph-broker = { $name } ({ $kind })  Zwischenzentralität { $betweenness } ({ $normalised })  Grad { $degree }  { $id }
graph-health = { $relationships } Beziehungen  { $cold } von { $with_cadence } abkühlend ({ $share } %)  gegeben { $given } / erhalten { $received } (Saldo { $balance })  { $imbalanced } unausgewogen
graph-network = Netzwerk: { $nodes } Knoten ({ $networkers } Netzwerkmitglieder, { $people } Personen, { $organisations } Organisationen), { $ties } Verbindungen
graph-ties-by-reason = Verbindungen nach Grund: { $relationships } Beziehungen, { $affiliations } Zugehörigkeiten, { $links } Verknüpfungen, { $interactions } gemeinsame Kontakte
graph-components = { $components ->
    [one] { $components } Zusammenhangskomponente
   *[other] { $components } Zusammenhangskomponenten
} (die größte hat { $largest } Knoten); durchschnittlicher Grad { $degree }
graph-betweenness-exact = exakt
graph-betweenness-sampled = geschätzt aus { $sources } gezogenen Quellen
graph-brokers = Vermittler (Zwischenzentralität, { $how }):
graph-networker-brokers = Netzwerkmitglieder, die am meisten vermitteln:
graph-stakeholder-brokers = Stakeholder, die am meisten vermitteln (Personen und Organisationen, die Teile des Netzwerks verbinden):
graph-communities = Gemeinschaften: { $count } (Modularität { $modularity })
graph-community = { $size ->
   *[other] Knoten
} ({ $networkers ->
    [one] { $networkers } Netzwerkmitglied
   *[other] { $networkers } Netzwerkmitglieder
}, { $people ->
    [one] { $people } Person
   *[other] { $people } Personen
}, { $organisations ->
    [one] { $organisations } Organisation
   *[other] { $organisations } Organisationen
}) um { $label }
graph-only-through = { $name } ({ $unit }): { $people ->
    [one] { $people } Person
   *[other] { $people } Personen
} und { $organisations ->
    [one] { $organisations } Organisation
   *[other] { $organisations } Organisationen
} nur über diese Person
graph-no-unit = keine Dienststelle
graph-health-per-team = Abkühlende Beziehungen und Gegenseitigkeit je Team:
graph-team = { $team } ({ $networkers ->
    [one] { $networkers } Netzwerkmitglied
   *[other] { $networkers } Netzwerkmitglieder
})
graph-health-per-networker = Netzwerkmitglieder mit den meisten abkühlenden Beziehungen:
graph-risk-summary = Schlüsselpersonenrisiko: { $single } von { $stakeholders } Stakeholdern kennt nur ein Netzwerkmitglied (einzelne Schwachstellen); { $several } kennen mehrere; { $nobody } sind niemandem bekannt
graph-networker-loss = { $name } ({ $unit }, { $id }): kennt { $stakeholders } Stakeholder; einzige Ansprechperson für { $people ->
    [one] { $people } Person
   *[other] { $people } Personen
} und { $organisations ->
    [one] { $organisations } Organisation
   *[other] { $organisations } Organisationen
}
graph-at-risk = { $name }  Stärke { $strength }
graph-no-way = Kein Weg von { $from } zu { $to } im Netzwerk.
graph-path = Wärme { $warmth }, { $ties ->
    [one] { $ties } Verbindung
   *[other] { $ties } Verbindungen
}
graph-tie-kind = { $kind ->
    [relationship] Beziehung
    [affiliation] Zugehörigkeit
    [link] Verknüpfung
    [interaction] Kontakt
   *[other] { $kind }
}
graph-tie-strength = Stärke { $strength }
graph-tie-last-contact = letzter Kontakt { $day }
graph-tie-weight = Gewicht { $weight }
