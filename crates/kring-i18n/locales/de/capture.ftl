# What `kring capture` writes for people (crates/kring-cli/src/capture.rs).

capture-nothing-captured = nichts wurde erfasst: { $failures }
capture-dry-run-summary = Probelauf: nichts wurde geändert. Würde { $log } erfassen, { $update } aktualisieren, { $withdraw } zurückziehen, { $follow_ups ->
    [one] { $follow_ups } Wiedervorlage
   *[other] { $follow_ups } Wiedervorlagen
} planen; { $skipped } übersprungen.
capture-done-summary = { $logged } erfasst, { $updated } aktualisiert, { $withdrawn } zurückgezogen, { $follow_ups ->
    [one] { $follow_ups } Wiedervorlage
   *[other] { $follow_ups } Wiedervorlagen
} geplant, { $cards ->
    [one] { $cards } Karte
   *[other] { $cards } Karten
} hinzugefügt; { $skipped } übersprungen.
capture-unknown-addresses = { $count ->
    [one] { $count } Adresse steht
   *[other] { $count } Adressen stehen
} auf keiner Karte: { $addresses }. Führen Sie den Befehl erneut mit --create-unknown aus, um sie als Karten hinzuzufügen.
capture-kind = { $kind ->
    [meeting] Besprechung
    [email] E-Mail
    [call] Anruf
   *[other] { $kind }
}
capture-no-subject = (kein Betreff)
capture-item = { $action ->
    [log] erfassen
    [update] aktualisieren
    [withdraw] zurückziehen
    [follow-up] Wiedervorlage
    [update-follow-up] Wiedervorlage aktualisieren
   *[skip] überspringen
}: { $reason }.
capture-by-name = { $name } (über den Namen bei der eigenen Organisation)
capture-with = Mit { $people }.
capture-added-as-card = , als Karte hinzugefügt
capture-unknown = Unbekannt: { $addresses }.
capture-no-known-stakeholder = kein bekannter Stakeholder nahm teil{ $unknown ->
    [0] {""}
    [one] {" "}({ $unknown } unbekannte Adresse: fügen Sie sie hinzu, um dies zu erfassen)
   *[other] {" "}({ $unknown } unbekannte Adressen: fügen Sie sie hinzu, um dies zu erfassen)
}
capture-dated-ahead = datiert { $at }, mehr als einen Tag voraus: nicht als stattgefundener Kontakt erfasst (die Uhr des Absenders geht vielleicht falsch)
capture-note-not_selected = nicht ausgewählt
capture-note-cancelled_withdrawn = abgesagt: die daraus erfasste Besprechung wird zurückgezogen
capture-note-cancelled_withdrawn-2 = abgesagt: ihre Wiedervorlage wird zurückgezogen
capture-note-cancelled = abgesagt: nicht erfasst
capture-note-withdrawn_earlier = früher erfasst und seitdem gelöscht: Kring lässt es gelöscht
capture-note-withdrawn_earlier-2 = früher geplant und seitdem gelöscht: Kring lässt es gelöscht
capture-note-updated = eine Aktualisierung einer bereits erfassten Besprechung
capture-note-already_logged = bereits erfasst
capture-note-follow_up_updated = eine Aktualisierung einer bevorstehenden Besprechung
capture-note-already_planned = steht noch bevor: bereits eine Wiedervorlage
capture-note-still_to_come = steht noch bevor: eine Wiedervorlage an ihrem Tag
capture-note-log = zu erfassen
capture-note-duplicate = dieselbe Besprechung oder E-Mail steht mehrmals in den Dateien: die neueste zählt
capture-note-duplicate-2 = dieselbe Besprechung oder E-Mail steht mehrmals im Plan
capture-note-unsupported_file = ist weder eine Einladung oder ein Kalenderexport (.ics) noch eine gespeicherte E-Mail (.eml): Kring erfasst nur diese
capture-note-unreadable = ist ein Ordner: nennen Sie die Besprechungs- oder E-Mail-Dateien darin
capture-note-unreadable-2 = existiert nicht
capture-note-unreadable-3 = darf von Ihnen nicht gelesen werden
capture-note-too_large = ist { $bytes } Bytes groß, mehr als die { $limit } Bytes, die Kring aus einer Datei liest
capture-note-cannot-be-read = kann nicht gelesen werden ({ $error })
capture-note-forgotten_person = { $address } gehört zu einer Person, die aus Kring gelöscht wurde: dafür wird keine Karte angelegt

read-invitation-in-email = die E-Mail enthält eine Besprechungseinladung: die Besprechung wird gelesen, nicht die E-Mail
read-not-an-address = '{ $address }' ist keine E-Mail-Adresse und wurde ausgelassen
read-date-from-received = die E-Mail hat keinen Date-Header: sie ist auf den Zeitpunkt ihres Empfangs datiert
read-component = { $kind ->
    [to-do] { $count ->
        [one] 1 Aufgabe
       *[other] { $count } Aufgaben
    }
    [journal_entry] { $count ->
        [one] 1 Journaleintrag
       *[other] { $count } Journaleinträge
    }
   *[other] { $count ->
        [one] 1 Frei/Gebucht-Block
       *[other] { $count } Frei/Gebucht-Blöcke
    }
}
read-not-a-meeting = { $components } ausgelassen: das sind keine Besprechungen
read-more-like-the-above = und { $count ->
    [one] 1 weitere Warnung
   *[other] { $count } weitere Warnungen
} wie oben
read-not-utf8 = die Datei ist nicht in UTF-8, wie iCalendar es verlangt: sie wurde als Windows-1252 gelesen
read-component-not-closed = ein Bestandteil der Datei ist nicht ordnungsgemäß abgeschlossen: sein Inhalt wurde so weit wie möglich gelesen
read-too-many-components = die Datei hat zu viele Bestandteile: der Rest wurde nicht gelesen
read-lines-outside-calendar = { $count ->
    [one] 1 Zeile
   *[other] { $count } Zeilen
} außerhalb jedes Kalenders ausgelassen
read-untitled = (ohne Titel)
read-event-without-start = der Termin '{ $title }' hat keine Startzeit, die Kring lesen kann: er wurde ausgelassen
read-unknown-time-zone = die Zeitzone '{ $zone }' ist unbekannt und die Datei definiert sie nicht: ihre Zeiten wurden in Ihrer eigenen Zeitzone gelesen
read-a-participant = ein Teilnehmer
read-participant-without-address = { $who } hat keine E-Mail-Adresse und wurde ausgelassen
read-too-frequent = '{ $title }' wird als einzelne Besprechung gelesen: sie wiederholt sich öfter als täglich
read-started-too-long-ago = '{ $title }' wird als einzelne Besprechung gelesen: sie begann zu lange her, um bis jetzt verfolgt zu werden
read-rule-unreadable = '{ $title }' wird als einzelne Besprechung gelesen: ihre Wiederholungsregel kann nicht gelesen werden ({ $why })
read-recurs-more = '{ $title }' wiederholt sich öfter, als Kring liest: nur die letzten { $occurrences } Termine innerhalb von { $days } Tagen werden gelesen
