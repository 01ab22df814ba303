# Die Netzwerkmanagerin / der Netzwerkmanager auf der Kommandozeile (Ziele, Netzwerkteams,
# Partnerschaften, Veranstaltungen, Netzwerkmitglieder, Austritt, KPI, Bericht, Transparenzregister). `--json` verwendet sie nie.
manager-percent = { $number } %
manager-record-kind = { $kind ->
    [person] Person
    [organisation] Organisation
    [networker] Netzwerkmitglied
    [goal] Ziel
    [team] Netzwerkteam
    [partnership] Partnerschaft
    [event] Veranstaltung
   *[other] { $kind }
}
manager-goal-status = { $status ->
    [active] aktiv
    [achieved] erreicht
    [dropped] aufgegeben
   *[other] { $status }
}
manager-team-role = { $role ->
    [lead] Leitung
    [member] Mitglied
    [advisor] Beratung
   *[other] { $role }
}
manager-partnership-status = { $status ->
    [prospective] geplant
    [active] aktiv
    [paused] pausiert
    [ended] beendet
   *[other] { $status }
}
manager-band = { $band ->
    [healthy] gesund
    [needs-attention] braucht Aufmerksamkeit
    [at-risk] gefährdet
   *[other] { $band }
}
manager-event-kind = { $kind ->
    [event] Veranstaltung
    [conference] Konferenz
    [reception] Empfang
    [workshop] Workshop
    [webinar] Webinar
    [newsletter] Newsletter
   *[other] { $kind }
}
manager-networker-status = { $status ->
    [active] aktiv
    [left] ausgetreten
   *[other] { $status }
}
manager-risk = { $risk ->
    [high] hoch
    [medium] mittel
    [low] gering
   *[other] { $risk }
}
manager-wrong-kind = { $id } ist: { $actual }, nicht: { $kind }
manager-no-record = kein Datensatz mit der ID { $id }
manager-no-partnership = keine Partnerschaft mit der ID { $id }
manager-edit-partners = Partner: Verwenden Sie `kring partnership partner ID ORG`, damit die roten Linien geprüft werden
manager-months = --months: Geben Sie 1 bis 120 an
manager-out-csv-or-html = --out: Geben Sie eine .csv- oder .html-Datei an
manager-accountability-form = --accountability '{ $text }': Schreiben Sie ORG=TEXT
manager-choose-form = --choose { $pair }: Schreiben Sie es als STAKEHOLDER=NACHFOLGER (zwei IDs)
manager-wrote = { $file } geschrieben

## kring goal
manager-goals-none = Noch keine Ziele. Fügen Sie eines mit `kring goal add --name NAME --priority ID` hinzu.
manager-goal-covered = { $covered } von { $total } { $count ->
    [one] vorrangigem Stakeholder
   *[other] vorrangigen Stakeholdern
} abgedeckt ({ $percent })
manager-goal-vision = Vision: { $vision }
manager-goal-coverage = Abdeckung: { $percent } ({ $covered } abgedeckt, { $uncovered } nicht)
manager-goal-no-relationship = keine aktuelle Beziehung
manager-goal-best = { $networker } Stärke { $strength }{ $active ->
    [no] , nicht aktiv
   *[yes] {""}
}
manager-goal-linked = verknüpft: { $relationships_number } { $relationships ->
    [one] Beziehung
   *[other] Beziehungen
}, { $interactions_number } { $interactions ->
    [one] Kontakt
   *[other] Kontakte
}, { $events_number } { $events ->
    [one] Veranstaltung
   *[other] Veranstaltungen
}
manager-goal-linked-records = { $number } { $count ->
    [one] Datensatz
   *[other] Datensätze
} mit Ziel { $goal } verknüpft
manager-goal-unlinked-records = { $number } { $count ->
    [one] Datensatz
   *[other] Datensätze
} von Ziel { $goal } gelöst

## kring team
manager-teams-none = Noch keine Netzwerkteams. Bilden Sie eines mit `kring team add --name NAME --member ID:lead`.
manager-team-counts = { $members_number } { $members ->
    [one] Mitglied
   *[other] Mitglieder
}, { $stakeholders_number } { $stakeholders ->
    [one] Stakeholder
   *[other] Stakeholder
}
manager-team-members = Mitglieder:
manager-team-member-left = {" "}(ausgetreten)
manager-team-stakeholders = Stakeholder:
manager-team-stakeholder = verantwortlich: { $accountable }; bekannt bei { $number } { $count ->
    [one] Mitglied
   *[other] Mitgliedern
}
manager-team-nobody = niemand

## kring partnership
manager-partnerships-none = Noch keine Partnerschaften. Fügen Sie eine mit `kring partnership add --name NAME --partner ORG` hinzu.
manager-partnership-row = { $partners }; Zustand { $health }; nächste Bewertung { $next }
manager-partnership-not-reviewed = nicht bewertet
manager-partnership-health = { $health } ({ $band })
manager-partnership-due = { $date } (fällig)
manager-partnership-status-line = Status: { $status }
manager-partnership-partner = Partner: { $name } ({ $id })
manager-partnership-objective = Ziel: { $objective }
manager-partnership-accountable = verantwortlich — { $name }: { $text }
manager-partnership-red-line = rote Linie: { $line }
manager-partnership-crossed = rote Linie überschritten von { $partner }: { $line }
manager-partnership-benefits = Nutzen und Risiken: { $text }
manager-partnership-exit = Ausstieg: { $text }
manager-partnership-review = Bewertung { $date }: Zustand { $health } ({ $band }) — Führung { $leadership }, Anerkennung { $credit }, Ergebnisse { $outcomes }, Zuhören { $listening }, Befähigung { $empowering }
manager-partnership-next-review = nächste Bewertung: { $next }
manager-warning-red-line-crossed = Warnung: Ein Partner überschreitet eine rote Linie, { $crossing }; siehe `kring partnership show { $id }`, dann entfernen Sie den Partner mit `kring partnership partner { $id } PARTNER --remove` oder beenden die Partnerschaft
manager-crosses-none = { $organisation } überschreitet keine der prüfbaren roten Linien
manager-crosses = überschreitet: { $line }  [{ $rule }]
manager-review-health = Zustand { $health } ({ $band })

## kring event
manager-events-none = Noch keine Veranstaltungen. Fügen Sie eine mit `kring event add --name NAME --at DATUM` hinzu.
manager-event-counts = { $invited } eingeladen, { $attended } teilgenommen
manager-event-when = { $kind } am { $at }
manager-event-location = in { $location }
manager-event-invited = eingeladen: { $names }
manager-event-attended = teilgenommen: { $names }
manager-event-outcome = Ergebnis: { $outcome }

## kring networker list
manager-networker-row = { $relationships } { $count ->
    [one] Beziehung
   *[other] Beziehungen
} ({ $current } aktuell), einzige Ansprechperson für { $sole }

## kring offboard
manager-handover = Übergabe von { $name } ({ $id }): { $number } { $count ->
    [one] Beziehung
   *[other] Beziehungen
}
manager-handover-dry-run = {" "}(Probelauf: nichts geändert)
manager-handover-item = [{ $risk }] Bedeutung { $importance }  { $stakeholder } — Stärke { $strength }{ $reasons }  → { $successor }
manager-handover-no-successor = keine Nachfolge
manager-handover-new-relationship = {" "}(neue Beziehung)
manager-handover-summary = { $assigned } zugewiesen, { $unassigned } ohne Nachfolge, { $new } { $new_count ->
    [one] neue Beziehung
   *[other] neue Beziehungen
}, { $moved } { $moved_count ->
    [one] Verantwortung übertragen
   *[other] Verantwortungen übertragen
}, { $ended } { $ended_count ->
    [one] Teammitgliedschaft beendet
   *[other] Teammitgliedschaften beendet
}
manager-handover-marked-left = ; { $name } ist als ausgetreten markiert

## kring kpi
manager-kpi-heading = KPI vom { $from } bis { $to } (Definitionen: docs/kpis.md)
manager-kpi-active = aktive Beziehungen
manager-kpi-interactions = Kontakte
manager-kpi-interactions-value = { $month } diesen Monat, { $period } im Zeitraum
manager-kpi-events = Veranstaltungen / Newsletter
manager-kpi-events-value = { $events } / { $newsletters } im Zeitraum
manager-kpi-coverage = Abdeckung der Prioritäten
manager-kpi-coverage-value = { $covered } von { $total } ({ $percent })
manager-kpi-going-cold = abkühlend
manager-kpi-reciprocity = Gegenseitigkeitssaldo
manager-kpi-reciprocity-value = { $balance } (gegeben { $given }, erhalten { $received })
manager-kpi-outcomes = erfasste Ergebnisse
manager-kpi-outcomes-value = { $outcomes } im Zeitraum
manager-kpi-spof = einzelne Schwachstellen
manager-kpi-ror = Return-on-Relationship
manager-kpi-ror-value = { $ror } Ergebnisse pro 100 Kontakte
manager-kpi-goal = Ziel { $name }: { $covered } von { $total } abgedeckt ({ $percent })
