# What `kring graph` writes for people (crates/kring-cli/src/graph.rs).

graph-format-gexf = GEXF 1.3 (dynamisch)
graph-limit-needs-json = --limit hoort bij --format json (GraphML- en GEXF-bestanden bevatten de hele graaf)
graph-exported = { $nodes ->
    [one] { $nodes } knoop
   *[other] { $nodes } knopen
} en { $edges ->
    [one] { $edges } band
   *[other] { $edges } banden
} geschreven naar { $file } ({ $format })
graph-broker = { $name } ({ $kind })  tussenliggendheid { $betweenness } ({ $normalised })  graad { $degree }  { $id }
graph-health = { $relationships } relaties  { $cold } van { $with_cadence } bekoelend ({ $share }%)  gegeven { $given } / ontvangen { $received } (saldo { $balance })  { $imbalanced } onevenwichtig
graph-network = Netwerk: { $nodes } knopen ({ $networkers } netwerkers, { $people } personen, { $organisations } organisaties), { $ties } banden
graph-ties-by-reason = banden per reden: { $relationships } relaties, { $affiliations } functies, { $links } koppelingen, { $interactions } gedeelde contactmomenten
graph-components = { $components ->
    [one] { $components } samenhangende component
   *[other] { $components } samenhangende componenten
} (de grootste heeft { $largest } knopen); gemiddelde graad { $degree }
graph-betweenness-exact = exact
graph-betweenness-sampled = geschat uit { $sources } bemonsterde bronnen
graph-brokers = Bruggenbouwers (tussenliggendheid, { $how }):
graph-networker-brokers = Netwerkers die het meest bruggen bouwen:
graph-stakeholder-brokers = Stakeholders die het meest bruggen bouwen (personen en organisaties die delen van het netwerk verbinden):
graph-communities = Gemeenschappen: { $count } (modulariteit { $modularity })
graph-community = { $size ->
    [one] knoop
   *[other] knopen
} ({ $networkers ->
    [one] { $networkers } netwerker
   *[other] { $networkers } netwerkers
}, { $people ->
    [one] { $people } persoon
   *[other] { $people } personen
}, { $organisations ->
    [one] { $organisations } organisatie
   *[other] { $organisations } organisaties
}) rond { $label }
graph-only-through = { $name } ({ $unit }): { $people ->
    [one] { $people } persoon
   *[other] { $people } personen
} en { $organisations ->
    [one] { $organisations } organisatie
   *[other] { $organisations } organisaties
} alleen via hen
graph-no-unit = geen dienst
graph-health-per-team = Bekoelende relaties en wederkerigheid per team:
graph-team = { $team } ({ $networkers ->
    [one] { $networkers } netwerker
   *[other] { $networkers } netwerkers
})
graph-health-per-networker = Netwerkers met de meeste bekoelende relaties:
graph-risk-summary = Sleutelfigurenrisico: { $single } van { $stakeholders } stakeholders worden door maar één netwerker gekend (enkelvoudige risico's); { $several } door meerdere; { $nobody } door niemand
graph-networker-loss = { $name } ({ $unit }, { $id }): kent { $stakeholders ->
    [one] { $stakeholders } stakeholder
   *[other] { $stakeholders } stakeholders
}; enig aanspreekpunt voor { $people ->
    [one] { $people } persoon
   *[other] { $people } personen
} en { $organisations ->
    [one] { $organisations } organisatie
   *[other] { $organisations } organisaties
}
graph-at-risk = { $name }  sterkte { $strength }
graph-no-way = Geen weg van { $from } naar { $to } in het netwerk.
graph-path = warmte { $warmth }, { $ties ->
    [one] { $ties } band
   *[other] { $ties } banden
}
graph-tie-kind = { $kind ->
    [relationship] relatie
    [affiliation] functie
    [link] koppeling
    [interaction] contactmoment
   *[other] { $kind }
}
graph-tie-strength = sterkte { $strength }
graph-tie-last-contact = laatste contact { $day }
graph-tie-weight = gewicht { $weight }
