# What `kring graph` writes for people (crates/kring-cli/src/graph.rs). Figures come formatted in
# the language (kring_i18n::decimal); table columns come padded.

graph-format-gexf = GEXF 1.3 (dynamic)
graph-limit-needs-json = --limit goes with --format json (GraphML and GEXF files hold the whole graph)
graph-exported = wrote { $nodes } nodes and { $edges } edges to { $file } ({ $format })
graph-broker = { $name } ({ $kind })  betweenness { $betweenness } ({ $normalised })  degree { $degree }  { $id }
graph-health = { $relationships } relationships  { $cold } of { $with_cadence } going cold ({ $share }%)  given { $given } / received { $received } (balance { $balance })  { $imbalanced } imbalanced
graph-network = Network: { $nodes } nodes ({ $networkers } networkers, { $people } people, { $organisations } organisations), { $ties } ties
graph-ties-by-reason = ties by reason: { $relationships } relationships, { $affiliations } affiliations, { $links } links, { $interactions } shared interactions
graph-components = { $components } connected components (the largest has { $largest } nodes); average degree { $degree }
graph-betweenness-exact = exact
graph-betweenness-sampled = estimated from { $sources } sampled sources
graph-brokers = Brokers (betweenness, { $how }):
graph-networker-brokers = Networkers who broker most:
graph-stakeholder-brokers = Stakeholders who broker most (people and organisations who connect parts of the network):
graph-communities = Communities: { $count } (modularity { $modularity })
graph-community = { $size ->
   *[other] nodes
} ({ $networkers } networkers, { $people } people, { $organisations } organisations) around { $label }
graph-only-through = { $name } ({ $unit }): { $people } people and { $organisations } organisations only through them
graph-no-unit = no unit
graph-health-per-team = Going cold and reciprocity per team:
graph-team = { $team } ({ $networkers } networkers)
graph-health-per-networker = Networkers with the most relationships going cold:
graph-risk-summary = Key-person risk: { $single } of { $stakeholders } stakeholders are known by one networker only (single points of failure); { $several } by several; { $nobody } by nobody
graph-networker-loss = { $name } ({ $unit }, { $id }): knows { $stakeholders } stakeholders; sole contact for { $people } people and { $organisations } organisations
graph-at-risk = { $name }  strength { $strength }
graph-no-way = No way from { $from } to { $to } in the network.
graph-path = warmth { $warmth }, { $ties } ties
graph-tie-kind = { $kind }
graph-tie-strength = strength { $strength }
graph-tie-last-contact = last contact { $day }
graph-tie-weight = weight { $weight }
