# What `kring subject-access`, `forget`, `compact`, `restrict`, `retention`, `purpose`,
# `access-request`, `erasures` and `processing-log` write for people (crates/kring-cli/src/protection.rs).

protection-record-kind = { $kind ->
    [interaction] Kontakt
    [note] Notiz
    [follow_up] Wiedervorlage
    [relationship] Beziehung
    [affiliation] Zugehörigkeit
    [link] Verknüpfung
    [event] Veranstaltung
    [partnership_review] Bewertung einer Partnerschaft
    [stakeholder_rating] Stakeholder-Bewertung
    [person] Person
    [organisation] Organisation
    [networker] Netzwerkmitglied
    [restriction] Einschränkung
    [goal] Ziel
    [team] Netzwerkteam
    [partnership] Partnerschaft
    [same_as] Identitätsgruppe (identisch mit)
    [member] Mitglied
    [purpose] Zweck
    [forget] Vergessen-Datensatz
    [access_request] Auskunftsersuchen
    [retention_rule] Aufbewahrungsregel
   *[other] { $kind }
}
protection-access-bad-extension = { $file }: geben Sie DATEI.html (eine Seite zum Aushändigen) oder DATEI.json (für Programme) an
protection-access-written = Auskunftsbericht für { $name } ({ $records ->
    [one] { $records } Datensatz
   *[other] { $records } Datensätze
}, { $cards ->
    [one] { $cards } Karte
   *[other] { $cards } Karten
}) nach { $file } geschrieben
protection-access-private-elsewhere = was Kollegen privat aufbewahren, steht nicht darin: `kring access-request raise { $id }` bittet ihr Kring, es für sie aufzulisten
protection-forgot-organisation = { $subject } für die Organisation vergessen (Vergessensdatensatz { $record }, { $cards ->
    [one] { $cards } Karte
   *[other] { $cards } Karten
}); jeder Datenspeicher, der ihn erhält, löscht die betroffene Person ebenfalls
protection-forgot-local = { $subject } auf diesem Datenspeicher vergessen ({ $cards ->
    [one] { $cards } private Karte
   *[other] { $cards } private Karten
}): nichts von der betroffenen Person hat ihn je verlassen
protection-removed-kind = { $kind }: { $count }
protection-swept = entfernt: { $removed }; { $changed ->
    [one] { $changed } Datensatz ohne die betroffene Person behalten
   *[other] { $changed } Datensätze ohne die betroffene Person behalten
}; { $history ->
    [one] { $history } früherer Wert aus dem Verlauf entfernt
   *[other] { $history } frühere Werte aus dem Verlauf entfernt
}
protection-swept-nothing = nichts
protection-compact-hint = führen Sie `kring compact` aus, um ihre Bytes aus den Dateien und Sicherungen des Datenspeichers zu entfernen
protection-compacted = { $path } neu geschrieben ({ $trees } Bäume, { $entries } Einträge): { $before } → { $after } Bytes
protection-compact-progress = { $done }/{ $total } Einträge kopiert ({ $percent } %)
protection-compact-stopped = Verdichten abgebrochen: Karten und ihre Geschichte sind unverändert.
protection-backup-rewritten = Sicherung { $path } neu geschrieben
protection-held-dropped = zurückgehaltenes Paket { $path } entfernt (sein Absender schickt es erneut)
protection-sync-file-dropped = { $path } aus dem Synchronisationsordner entfernt (die nächste Synchronisation schreibt eine neue Datei)
protection-inbox-emptied = der Import-Eingang wurde geleert
protection-unreadable-warning = Warnung: { $path } kann nicht gelesen werden und wurde daher nicht geprüft: löschen Sie die Datei, wenn sie eine gelöschte Person enthalten kann
protection-lifted = Markierung von { $id } aufgehoben
protection-marked = { $id } markiert als { $status ->
    [objected] Widerspruch eingelegt
    [restricted] eingeschränkt
   *[other] { $status }
}: von Erinnerungen, Wiedervorlagelisten, Newslettern und Einladungen ausgenommen, bis ein Manager die Markierung aufhebt
protection-after-unreadable = --after '{ $text }': geben Sie eine Anzahl Tage (2190) oder Jahre (6y) an
protection-rule-added = sie gilt, wenn Kring diesen Datenspeicher das nächste Mal öffnet (jeder Befehl außer `kring retention`), und auf jedem Datenspeicher, der sie erhält: sehen Sie zuerst mit `kring retention --dry-run`, was sie tun würde
protection-no-rules = Keine Aufbewahrungsregeln: Datensätze werden aufbewahrt, bis sie entfernt oder gelöscht werden.
protection-rule = { $name }: { $kind } { $action ->
    [clear] leeren
    [remove] entfernen
    [propose_erasure] zur Löschung vorschlagen
   *[other] { $action }
} nach { $days } Tagen{ $fields } ({ $reference })
protection-not-a-rule = { $id } ist keine Aufbewahrungsregel: siehe kring retention rules
protection-rule-removed = Aufbewahrungsregel { $id } entfernt
protection-not-proposed = { $id } ist nicht zur Löschung vorgeschlagen (siehe kring retention --dry-run); niemand wurde gelöscht
protection-erasure-for-a-manager = { $id } ist der Organisation bekannt: ein Netzwerkmanager bestätigt die Löschung; niemand wurde gelöscht
protection-forgot-confirmed = { $subject } vergessen ({ $records ->
    [one] { $records } Datensatz entfernt
   *[other] { $records } Datensätze entfernt
})
protection-no-rules-to-apply = Keine Aufbewahrungsregeln (ein Netzwerkmanager fügt sie hinzu: kring retention add …).
protection-rule-applied = { $name }: { $kind } { $action ->
    [clear] leeren
    [remove] entfernen
    [propose_erasure] zur Löschung vorschlagen
   *[other] { $action }
} nach { $days } Tagen ({ $reference }): { $dry_run ->
    [yes] würde
   *[no] betraf
} { $records ->
    [one] { $records } Datensatz
   *[other] { $records } Datensätze
}{ $dry_run ->
    [yes] {" "}betreffen
   *[no] {""}
}
protection-record-removed = entfernt
protection-record-cleared = geleert: { $fields }
protection-records-more = … und { $count } weitere (--json listet bis zu 1.000)
protection-proposals = zur Löschung vorgeschlagen (bestätigen Sie jede: kring retention --confirm ID…):
protection-proposal = { $name }  letzte Aktivität { $last }  ({ $rule }){ $here ->
    [yes] {""}
   *[no] ; ein Manager löscht sie
}
protection-dry-run = Probelauf: nichts wurde geändert
protection-compact-hint-retention = führen Sie `kring compact` aus, um die Bytes des Entfernten aus den Dateien des Datenspeichers zu entfernen
protection-lawful-basis = { $basis ->
    [consent] Einwilligung der betroffenen Person
    [contract] ein Vertrag mit der betroffenen Person
    [legal_obligation] eine rechtliche Verpflichtung der Organisation
    [vital_interests] lebenswichtige Interessen einer Person
    [public_task] eine Aufgabe, die im öffentlichen Interesse liegt oder in Ausübung öffentlicher Gewalt erfolgt
    [legitimate_interests] die berechtigten Interessen der Organisation
   *[other] { $basis }
}
protection-lawful-basis-article = { $basis ->
    [consent] Art. 6 Abs. 1 Buchst. a DSGVO
    [contract] Art. 6 Abs. 1 Buchst. b DSGVO
    [legal_obligation] Art. 6 Abs. 1 Buchst. c DSGVO
    [vital_interests] Art. 6 Abs. 1 Buchst. d DSGVO
    [public_task] Art. 6 Abs. 1 Buchst. e DSGVO
   *[legitimate_interests] Art. 6 Abs. 1 Buchst. f DSGVO
}
protection-purpose-default = {"["}Krings Standard: kein Zweck festgehalten]
protection-request-raised = es reist in Ihrem nächsten Master mit; das Kring jedes Kollegen listet dann auf, was er privat über die betroffene Person aufbewahrt
protection-no-requests = Keine Auskunftsersuchen.
protection-request = betroffene Person { $person }  eingegangen { $received }
protection-request-reference = Az. { $reference }
protection-request-answered = beantwortet { $day }
protection-request-nothing-private = dieser Datenspeicher bewahrt nichts Privates über die betroffene Person auf
protection-request-private = privat auf diesem Datenspeicher aufbewahrt (Sie entscheiden, was Sie aushändigen; `kring subject-access ID --out DATEI` schreibt es aus):
protection-request-answered-on = Auskunftsersuchen { $id } beantwortet am { $day }
protection-no-erasures = Niemand wurde gelöscht.
protection-erasure = betroffene Person { $person }  { $cards ->
    [one] { $cards } Karte
   *[other] { $cards } Karten
}  von { $by }  { $place }: { $reason }
protection-erasure-local = nur auf diesem Datenspeicher
protection-erasure-forget = Vergessensdatensatz { $record }
protection-log-empty = Noch nichts protokolliert.
protection-activity = { $activity ->
    [subject_access] Auskunftsbericht
    [access_request] Auskunftsersuchen
    [erasure] Löschung
    [restriction] Einschränkung
    [retention] Aufbewahrung
    [compaction] Verdichtung
    [export] Export
    [report] Bericht
    [transparency] Transparenz
    [contacts_export] Kontaktexport
   *[other] { $activity }
}
protection-log-records = { $count ->
    [one] Datensatz
   *[other] Datensätze
}
protection-relation = { $kind ->
    [their_card] ihre Karte
    [affiliation] wo die betroffene Person arbeitet oder arbeitete
    [relationship] die Beziehung eines Kollegen zur betroffenen Person
    [interaction] eine Besprechung oder ein Kontakt, an dem die betroffene Person teilnahm
    [follow_up] eine Wiedervorlage über die betroffene Person
    [note] eine Notiz über die betroffene Person
    [link] eine Verknüpfung zwischen der betroffenen Person und einer anderen Karte
    [same_as] eine Angabe, welche Karten die betroffene Person sind
    [event] eine Veranstaltung oder ein Newsletter, zu der die betroffene Person eingeladen war oder an der sie teilnahm
    [goal] ein strategisches Ziel, das die betroffene Person nennt
    [team] ein Netzwerkteam, das die betroffene Person betreut
    [partnership] eine Partnerschaft, die die betroffene Person nennt
    [stakeholder_rating] die Einschätzung ihres Einflusses und Interesses durch einen Kollegen
    [restriction] ihr Widerspruch oder ihre Einschränkung
    [access_request] ein Ersuchen um Auskunft über ihre Daten
    [forget] eine Löschung ihrer Daten
   *[other] ein Datensatz, der die betroffene Person nennt
}
# Warum kring-core einen Vorgang ablehnt (`ProtectionError::Refused`), für die Befehlszeile und die App.
protection-refused-purposes = nur ein/e Netzwerkmanager/in legt die Zwecke der Organisation fest
protection-refused-rules = nur ein/e Netzwerkmanager/in legt Aufbewahrungsregeln fest
protection-refused-access-not-a-person = { $id } ist ein/e { $kind }: ein Auskunftsbericht betrifft eine Person
protection-refused-access-request = nur ein/e Netzwerkmanager/in stellt ein Auskunftsersuchen für die Organisation; ein Auskunftsbericht gibt wieder, was Ihr eigener Datenspeicher über die Person enthält
protection-refused-not-proposed = { $id } ist nicht zur Löschung vorgeschlagen (es gab einen Kontakt innerhalb der Frist jeder Regel, oder keine Regel schlägt Personen vor): der Probelauf der Aufbewahrungsregeln zeigt, wer es ist
protection-refused-restriction-not-a-person = { $id } ist ein/e { $kind }: nur eine Person legt Widerspruch ein oder wird eingeschränkt
protection-refused-not-marked = { $id } ist weder mit Widerspruch noch mit Einschränkung markiert
protection-refused-forget-not-a-person = { $id } ist ein/e { $kind }: nur eine Person wird vergessen (eine Organisation oder ein Kollege ist hier keine betroffene Person)
protection-refused-forget-shared = { $name } ({ $id }) ist der Organisation bekannt: nur ein/e Netzwerkmanager/in löscht eine Person für alle, bitten Sie also Ihre/n Netzwerkmanager/in, sie zu vergessen; bis dahin können Sie Ihre eigenen Notizen, Besprechungen und Beziehungen zu ihr löschen
protection-refused-forgotten-already = { $id } wurde bereits vergessen (Vergessensdatensatz { $record })
