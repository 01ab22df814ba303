# Der Auskunftsbericht (Art. 15 DSGVO), den kring-core für die betroffene Person schreibt, der
# Standardzweck von Kring und die Zeilen des Verarbeitungsprotokolls.

access-title = Auskunftsbericht: { $name }
access-generated = Erstellt am { $day } um { $time } (UTC) von { $by } ({ $role }) aus dem Kring-Datenspeicher auf dessen Computer. { $count ->
    [one] Karte
   *[other] Karten
}: { $cards }.
access-role = { $role ->
    [manager] Netzwerkmanager/in
   *[other] Netzwerkmitglied
}
access-marked = { $status ->
    [objected] Mit Widerspruch markiert (Art. 21 DSGVO)
    [restricted] Als eingeschränkt markiert (Art. 18 DSGVO)
   *[other] Markiert: { $status }
}
access-marked-since = { $mark } seit dem { $day }.
access-marked-alone = { $mark }.
access-purposes-heading = Warum die Organisation dies aufbewahrt, und auf welcher Grundlage
access-purpose = Zweck
access-lawful-basis = Rechtsgrundlage
access-data-categories = Was aufbewahrt wird
access-recipients-heading = Wer es erhält
access-retention-heading = Wie lange es aufbewahrt wird
access-no-retention = Es ist keine Aufbewahrungsregel festgelegt: Datensätze werden aufbewahrt, bis sie gelöscht werden oder die Person gelöscht wird.
access-rule = Regel
access-applies-to = Gilt für
access-after = Nach
access-legal-reference = Rechtsvorschrift
access-action = { $action ->
    [clear] Felder geleert
    [remove] entfernt
    [propose_erasure] zur Löschung vorgeschlagen
   *[other] { $action }
}
access-days = { $count ->
    [one] { $days } Tag
   *[other] { $days } Tagen
}
access-rights-heading = Ihre Rechte
access-right = { $right ->
    [access] Auskunft (Art. 15 DSGVO): dieser Bericht; Sie können ihn jederzeit erneut verlangen.
    [rectification] Berichtigung (Art. 16 DSGVO): verlangen Sie, dass ein falscher Wert korrigiert wird.
    [erasure] Löschung (Art. 17 DSGVO): verlangen Sie, vergessen zu werden; Kring löscht Sie dann auf jedem Computer der Organisation, und eine alte Kopie kann Sie nicht zurückbringen.
    [restriction_and_objection] Einschränkung (Art. 18 DSGVO) und Widerspruch (Art. 21 DSGVO): verlangen Sie, dass Ihre Daten aufbewahrt, aber nicht verwendet werden; Sie sind dann von Erinnerungen, Newslettern und Einladungen ausgenommen.
   *[complaint] Beschwerde (Art. 77 DSGVO): bei der Aufsichtsbehörde (in Belgien die Datenschutzbehörde; für flämische öffentliche Stellen die Vlaamse Toezichtcommissie). Wenn Sie möchten, wenden Sie sich zuerst an die/den Datenschutzbeauftragte/n der Organisation.
}
access-items-heading = Was aufbewahrt wird ({ $count ->
    [one] { $records } Datensatz
   *[other] { $records } Datensätze
})
access-visibility = { $visibility ->
    [private] nur auf diesem Computer aufbewahrt
    [summary] die Organisation sieht nur den Namen
   *[shared] mit der Organisation geteilt
}
access-deleted = { $state }; gelöscht, noch nicht endgültig entfernt
access-private-contact = letzter Kontakt, auf diesem Computer notiert
access-source = Erstellt von { $author } am { $created }; zuletzt geändert am { $changed }; Werte geschrieben von { $writers }.
access-captured-from = Übernommen aus dem Kalender- oder E-Mail-Element { $item }.
access-unknown-author = einer unbekannten Person
access-unknown-day = unbekannten Datum
access-moment = { $day }, { $time }
access-earlier-values = Frühere Werte, die noch aufbewahrt werden:
access-field = Feld
access-value = Wert
access-written = Geschrieben
access-written-by = { $moment } von { $writer }
access-conflict = Kollegen schrieben { $field } gleichzeitig: { $kept } (behalten), und { $others }.
access-this-store = { $owner } (dieser Datenspeicher)
access-store = Datenspeicher { $node }
access-recipient-members = die Mitglieder der Organisation in Kring, die erhalten, was geteilt wird (nur den Namen, für das als Kurzkarte Markierte), über den zusammengeführten Export der/des Netzwerkmanager/in: { $members }

# Der Zweck von Kring, wenn die Organisation keinen festgelegt hat.
access-default-purpose = Strategisches Beziehungsmanagement
access-default-purpose-description = Die Beziehungen der Organisation zu Personen und Organisationen außerhalb festhalten, damit das Netzwerk der Aufgabe im öffentlichen Interesse der Organisation dient und bestehen bleibt, wenn ein Kollege geht.
access-default-recipient-keeper = der Kollege, der die Karte führt
access-default-recipient-manager = die/der Netzwerkmanager/in der Organisation
access-default-recipient-colleagues = Kollegen der Organisation, für das Geteilte
access-default-category-contact = Name, Funktion und Kontaktdaten
access-default-category-affiliations = Zugehörigkeiten
access-default-category-history = Besprechungen, Notizen und Wiedervorlagen

# Eine Zeile des Verarbeitungsprotokolls in Worten.
processing-person = Person { $person }
processing-request-raised = Ersuchen { $request } für Person { $person }
processing-request-answered = Ersuchen { $request } beantwortet
processing-restriction = Person { $person }: { $status ->
    [objected] Widerspruch eingelegt
    [restricted] eingeschränkt
    [lifted] Markierung aufgehoben
   *[other] { $status }
}
processing-erasure-forget = , Vergessensdatensatz { $record }
processing-erasure-private = , { $count ->
    [one] { $cards } private Karte
   *[other] { $cards } private Karten
} in diesem Datenspeicher
processing-retention = { $rules ->
    [one] { $rules_number } Regel
   *[other] { $rules_number } Regeln
}: { $records ->
    [one] { $records_number } Datensatz entfernt oder geleert
   *[other] { $records_number } Datensätze entfernt oder geleert
}, { $proposals ->
    [one] { $proposals_number } Vorschlag
   *[other] { $proposals_number } Vorschläge
}
processing-compaction = Datenspeicher neu geschrieben ({ $entries } Einträge); { $backups ->
    [one] { $backups_number } Sicherung
   *[other] { $backups_number } Sicherungen
} neu geschrieben, { $held } zurückgehaltene und { $sync_files ->
    [one] { $sync_files_number } Synchronisationsdatei
   *[other] { $sync_files_number } Synchronisationsdateien
} entfernt
processing-wrote = { $file } geschrieben
