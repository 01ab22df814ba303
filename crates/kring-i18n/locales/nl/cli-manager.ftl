# De netwerkmanager op de opdrachtregel (doelstellingen, netwerkteams, partnerschappen,
# evenementen, netwerkers, uitstroom, kpi's, rapport, transparantieregister). `--json` gebruikt deze nooit.
manager-percent = { $number }%
manager-record-kind = { $kind ->
    [person] persoon
    [organisation] organisatie
    [networker] netwerker
    [goal] doelstelling
    [team] netwerkteam
    [partnership] partnerschap
    [event] evenement
   *[other] { $kind }
}
manager-goal-status = { $status ->
    [active] actief
    [achieved] bereikt
    [dropped] geschrapt
   *[other] { $status }
}
manager-team-role = { $role ->
    [lead] trekker
    [member] lid
    [advisor] adviseur
   *[other] { $role }
}
manager-partnership-status = { $status ->
    [prospective] in voorbereiding
    [active] actief
    [paused] gepauzeerd
    [ended] beëindigd
   *[other] { $status }
}
manager-band = { $band ->
    [healthy] gezond
    [needs-attention] vraagt aandacht
    [at-risk] in gevaar
   *[other] { $band }
}
manager-event-kind = { $kind ->
    [event] evenement
    [conference] conferentie
    [reception] receptie
    [workshop] workshop
    [webinar] webinar
    [newsletter] nieuwsbrief
   *[other] { $kind }
}
manager-networker-status = { $status ->
    [active] actief
    [left] vertrokken
   *[other] { $status }
}
manager-risk = { $risk ->
    [high] hoog
    [medium] middel
    [low] laag
   *[other] { $risk }
}
manager-wrong-kind = { $id } is een { $actual }, geen { $kind }
manager-no-record = geen record met id { $id }
manager-no-partnership = geen partnerschap met id { $id }
manager-edit-partners = partners: gebruik `kring partnership partner ID ORG`, zodat de rode lijnen worden gecontroleerd
manager-months = --months: geef 1 tot 120
manager-out-csv-or-html = --out: geef een .csv- of .html-bestand op
manager-accountability-form = --accountability '{ $text }': schrijf ORG=TEKST
manager-choose-form = --choose { $pair }: schrijf het als STAKEHOLDER=OPVOLGER (twee id's)
manager-wrote = { $file } geschreven

## kring goal
manager-goals-none = Nog geen doelstellingen. Voeg er een toe met `kring goal add --name NAAM --priority ID`.
manager-goal-covered = { $covered } van { $total } prioritaire { $count ->
    [one] stakeholder
   *[other] stakeholders
} gedekt ({ $percent })
manager-goal-vision = visie: { $vision }
manager-goal-coverage = dekking: { $percent } ({ $covered } gedekt, { $uncovered } niet)
manager-goal-no-relationship = geen actuele relatie
manager-goal-best = { $networker } sterkte { $strength }{ $active ->
    [no] , niet actief
   *[yes] {""}
}
manager-goal-linked = gekoppeld: { $relationships_number } { $relationships ->
    [one] relatie
   *[other] relaties
}, { $interactions_number } { $interactions ->
    [one] contactmoment
   *[other] contactmomenten
}, { $events_number } { $events ->
    [one] evenement
   *[other] evenementen
}
manager-goal-linked-records = { $number } { $count ->
    [one] record
   *[other] records
} gekoppeld aan doelstelling { $goal }
manager-goal-unlinked-records = { $number } { $count ->
    [one] record
   *[other] records
} losgekoppeld van doelstelling { $goal }

## kring team
manager-teams-none = Nog geen netwerkteams. Vorm er een met `kring team add --name NAAM --member ID:lead`.
manager-team-counts = { $members_number } { $members ->
    [one] lid
   *[other] leden
}, { $stakeholders_number } { $stakeholders ->
    [one] stakeholder
   *[other] stakeholders
}
manager-team-members = leden:
manager-team-member-left = {" "}(vertrokken)
manager-team-stakeholders = stakeholders:
manager-team-stakeholder = verantwoordelijk: { $accountable }; gekend door { $number } { $count ->
    [one] lid
   *[other] leden
}
manager-team-nobody = niemand

## kring partnership
manager-partnerships-none = Nog geen partnerschappen. Voeg er een toe met `kring partnership add --name NAAM --partner ORG`.
manager-partnership-row = { $partners }; gezondheid { $health }; volgende evaluatie { $next }
manager-partnership-not-reviewed = niet geëvalueerd
manager-partnership-health = { $health } ({ $band })
manager-partnership-due = { $date } (te doen)
manager-partnership-status-line = status: { $status }
manager-partnership-partner = partner: { $name } ({ $id })
manager-partnership-objective = doelstelling: { $objective }
manager-partnership-accountable = verantwoordelijk — { $name }: { $text }
manager-partnership-red-line = rode lijn: { $line }
manager-partnership-crossed = rode lijn overschreden door { $partner }: { $line }
manager-partnership-benefits = baten en risico's: { $text }
manager-partnership-exit = uitstap: { $text }
manager-partnership-review = evaluatie { $date }: gezondheid { $health } ({ $band }) — leiderschap { $leadership }, erkenning { $credit }, resultaten { $outcomes }, luisteren { $listening }, versterken { $empowering }
manager-partnership-next-review = volgende evaluatie: { $next }
manager-warning-red-line-crossed = waarschuwing: een partner overschrijdt een rode lijn, { $crossing }; bekijk `kring partnership show { $id }` en verwijder dan de partner met `kring partnership partner { $id } PARTNER --remove` of beëindig het partnerschap
manager-crosses-none = { $organisation } overschrijdt geen van de rode lijnen die kunnen worden gecontroleerd
manager-crosses = overschrijdt: { $line }  [{ $rule }]
manager-review-health = gezondheid { $health } ({ $band })

## kring event
manager-events-none = Nog geen evenementen. Voeg er een toe met `kring event add --name NAAM --at DATUM`.
manager-event-counts = { $invited } uitgenodigd, { $attended } aanwezig
manager-event-when = { $kind } op { $at }
manager-event-location = in { $location }
manager-event-invited = uitgenodigd: { $names }
manager-event-attended = aanwezig: { $names }
manager-event-outcome = resultaat: { $outcome }

## kring networker list
manager-networker-row = { $relationships } { $count ->
    [one] relatie
   *[other] relaties
} ({ $current } actueel), enig aanspreekpunt voor { $sole }

## kring offboard
manager-handover = Overdracht van { $name } ({ $id }): { $number } { $count ->
    [one] relatie
   *[other] relaties
}
manager-handover-dry-run = {" "}(proefrun: niets gewijzigd)
manager-handover-item = [{ $risk }] belang { $importance }  { $stakeholder } — sterkte { $strength }{ $reasons }  → { $successor }
manager-handover-no-successor = geen opvolger
manager-handover-new-relationship = {" "}(nieuwe relatie)
manager-handover-summary = { $assigned } toegewezen, { $unassigned } zonder opvolger, { $new } { $new_count ->
    [one] nieuwe relatie
   *[other] nieuwe relaties
}, { $moved } { $moved_count ->
    [one] verantwoordelijkheid
   *[other] verantwoordelijkheden
} overgedragen, { $ended } { $ended_count ->
    [one] teamlidmaatschap
   *[other] teamlidmaatschappen
} beëindigd
manager-handover-marked-left = ; { $name } staat nu als vertrokken

## kring kpi
manager-kpi-heading = Kpi's { $from } tot { $to } (definities: docs/kpis.md)
manager-kpi-active = actieve relaties
manager-kpi-interactions = contactmomenten
manager-kpi-interactions-value = { $month } deze maand, { $period } in de periode
manager-kpi-events = evenementen / nieuwsbrieven
manager-kpi-events-value = { $events } / { $newsletters } in de periode
manager-kpi-coverage = dekking prioriteiten
manager-kpi-coverage-value = { $covered } van { $total } ({ $percent })
manager-kpi-going-cold = bekoelend
manager-kpi-reciprocity = wederkerigheidsbalans
manager-kpi-reciprocity-value = { $balance } (gegeven { $given }, ontvangen { $received })
manager-kpi-outcomes = geregistreerde resultaten
manager-kpi-outcomes-value = { $outcomes } in de periode
manager-kpi-spof = enkelvoudige risico's
manager-kpi-ror = Return-on-Relationship
manager-kpi-ror-value = { $ror } resultaten per 100 contacten
manager-kpi-goal = doelstelling { $name }: { $covered } van { $total } gedekt ({ $percent })
