# The Manager of the Network on the command line (goals, teams, partnerships, events,
# networkers, offboarding, KPIs, report, transparency register). `--json` never uses these.
manager-percent = { $number } %
manager-record-kind = { $kind ->
    [person] person
    [organisation] organisation
    [networker] networker
    [goal] goal
    [team] team
    [partnership] partnership
    [event] event
   *[other] { $kind }
}
manager-goal-status = { $status ->
    [active] active
    [achieved] achieved
    [dropped] dropped
   *[other] { $status }
}
manager-team-role = { $role ->
    [lead] lead
    [member] member
    [advisor] advisor
   *[other] { $role }
}
manager-partnership-status = { $status ->
    [prospective] prospective
    [active] active
    [paused] paused
    [ended] ended
   *[other] { $status }
}
manager-band = { $band ->
    [healthy] healthy
    [needs-attention] needs attention
    [at-risk] at risk
   *[other] { $band }
}
manager-event-kind = { $kind ->
    [event] event
    [conference] conference
    [reception] reception
    [workshop] workshop
    [webinar] webinar
    [newsletter] newsletter
   *[other] { $kind }
}
manager-networker-status = { $status ->
    [active] active
    [left] left
   *[other] { $status }
}
manager-risk = { $risk ->
    [high] high
    [medium] medium
    [low] low
   *[other] { $risk }
}
manager-wrong-kind = { $id } is a { $actual }, not a { $kind }
manager-no-record = no record with id { $id }
manager-no-partnership = no partnership with id { $id }
manager-edit-partners = partners: use `kring partnership partner ID ORG` so that red lines are checked
manager-months = --months: give 1 to 120
manager-out-csv-or-html = --out: name a .csv or .html file
manager-accountability-form = --accountability '{ $text }': write ORG=TEXT
manager-choose-form = --choose { $pair }: write it as STAKEHOLDER=SUCCESSOR (two ids)
manager-wrote = wrote { $file }

## kring goal
manager-goals-none = No goals yet. Add one with `kring goal add --name NAME --priority ID`.
manager-goal-covered = { $covered } of { $total } priority { $count ->
   *[other] stakeholders
} covered ({ $percent })
manager-goal-vision = vision: { $vision }
manager-goal-coverage = coverage: { $percent } ({ $covered } covered, { $uncovered } not)
manager-goal-no-relationship = no current relationship
manager-goal-best = { $networker } strength { $strength }{ $active ->
    [no] , not active
   *[yes] {""}
}
manager-goal-linked = linked: { $relationships_number } { $relationships ->
   *[other] relationships
}, { $interactions_number } { $interactions ->
   *[other] interactions
}, { $events_number } { $events ->
   *[other] events
}
manager-goal-linked-records = linked { $number } { $count ->
   *[other] record(s)
} to goal { $goal }
manager-goal-unlinked-records = unlinked { $number } { $count ->
   *[other] record(s)
} from goal { $goal }

## kring team
manager-teams-none = No teams yet. Form one with `kring team add --name NAME --member ID:lead`.
manager-team-counts = { $members_number } { $members ->
   *[other] members
}, { $stakeholders_number } { $stakeholders ->
   *[other] stakeholders
}
manager-team-members = members:
manager-team-member-left = {" "}(left)
manager-team-stakeholders = stakeholders:
manager-team-stakeholder = accountable: { $accountable }; known by { $number } { $count ->
   *[other] member(s)
}
manager-team-nobody = nobody

## kring partnership
manager-partnerships-none = No partnerships yet. Add one with `kring partnership add --name NAME --partner ORG`.
manager-partnership-row = { $partners }; health { $health }; next review { $next }
manager-partnership-not-reviewed = not reviewed
manager-partnership-health = { $health } ({ $band })
manager-partnership-due = { $date } (due)
manager-partnership-status-line = status: { $status }
manager-partnership-partner = partner: { $name } ({ $id })
manager-partnership-objective = objective: { $objective }
manager-partnership-accountable = accountable — { $name }: { $text }
manager-partnership-red-line = red line: { $line }
manager-partnership-crossed = red line crossed by { $partner }: { $line }
manager-partnership-benefits = benefits and risks: { $text }
manager-partnership-exit = exit: { $text }
manager-partnership-review = review { $date }: health { $health } ({ $band }) — leadership { $leadership }, credit { $credit }, outcomes { $outcomes }, listening { $listening }, empowering { $empowering }
manager-partnership-next-review = next review: { $next }
manager-warning-red-line-crossed = warning: a red line is crossed by a partner, { $crossing }; see `kring partnership show { $id }`, then remove the partner with `kring partnership partner { $id } PARTNER --remove` or end the partnership
manager-crosses-none = { $organisation } crosses none of the red lines that can be checked
manager-crosses = crosses: { $line }  [{ $rule }]
manager-review-health = health { $health } ({ $band })

## kring event
manager-events-none = No events yet. Add one with `kring event add --name NAME --at DATE`.
manager-event-counts = { $invited } invited, { $attended } attended
manager-event-when = { $kind } on { $at }
manager-event-location = at { $location }
manager-event-invited = invited: { $names }
manager-event-attended = attended: { $names }
manager-event-outcome = outcome: { $outcome }

## kring networker list
manager-networker-row = { $relationships } { $count ->
   *[other] relationships
} ({ $current } current), sole contact for { $sole }

## kring offboard
manager-handover = Handover of { $name } ({ $id }): { $number } { $count ->
   *[other] relationships
}
manager-handover-dry-run = {" "}(dry run: nothing changed)
manager-handover-item = [{ $risk }] importance { $importance }  { $stakeholder } — strength { $strength }{ $reasons }  → { $successor }
manager-handover-no-successor = no successor
manager-handover-new-relationship = {" "}(new relationship)
manager-handover-summary = { $assigned } assigned, { $unassigned } without a successor, { $new } new { $new_count ->
   *[other] relationships
}, { $moved } { $moved_count ->
   *[other] accountabilities
} moved, { $ended } team { $ended_count ->
   *[other] memberships
} ended
manager-handover-marked-left = ; { $name } is marked left

## kring kpi
manager-kpi-heading = KPIs { $from } to { $to } (definitions: docs/kpis.md)
manager-kpi-active = active relationships
manager-kpi-interactions = interactions
manager-kpi-interactions-value = { $month } this month, { $period } in the period
manager-kpi-events = events / newsletters
manager-kpi-events-value = { $events } / { $newsletters } in the period
manager-kpi-coverage = priority coverage
manager-kpi-coverage-value = { $covered } of { $total } ({ $percent })
manager-kpi-going-cold = going cold
manager-kpi-reciprocity = reciprocity balance
manager-kpi-reciprocity-value = { $balance } (given { $given }, received { $received })
manager-kpi-outcomes = outcomes recorded
manager-kpi-outcomes-value = { $outcomes } in the period
manager-kpi-spof = single points of failure
manager-kpi-ror = Return-on-Relationship
manager-kpi-ror-value = { $ror } outcomes per 100 contacts
manager-kpi-goal = goal { $name }: { $covered } of { $total } covered ({ $percent })
