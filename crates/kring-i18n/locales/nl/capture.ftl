# What `kring capture` writes for people (crates/kring-cli/src/capture.rs).

capture-nothing-captured = er is niets vastgelegd: { $failures }
capture-dry-run-summary = Proefdraai: er is niets veranderd. Zou { $log } loggen, { $update } bijwerken, { $withdraw } intrekken, { $follow_ups ->
    [one] { $follow_ups } opvolging
   *[other] { $follow_ups } opvolgingen
} plannen; { $skipped } overgeslagen.
capture-done-summary = { $logged } gelogd, { $updated } bijgewerkt, { $withdrawn } ingetrokken, { $follow_ups ->
    [one] { $follow_ups } opvolging
   *[other] { $follow_ups } opvolgingen
} gepland, { $cards ->
    [one] { $cards } kaart
   *[other] { $cards } kaarten
} toegevoegd; { $skipped } overgeslagen.
capture-unknown-addresses = { $count ->
    [one] { $count } adres staat
   *[other] { $count } adressen staan
} op geen kaart: { $addresses }. Voer de opdracht opnieuw uit met --create-unknown om ze als kaarten toe te voegen.
capture-kind = { $kind ->
    [meeting] vergadering
    [email] e-mail
    [call] telefoongesprek
   *[other] { $kind }
}
capture-no-subject = (geen onderwerp)
capture-item = { $action ->
    [log] loggen
    [update] bijwerken
    [withdraw] intrekken
    [follow-up] opvolging
    [update-follow-up] opvolging bijwerken
   *[skip] overslaan
}: { $reason }.
capture-by-name = { $name } (op naam bij de eigen organisatie)
capture-with = Met { $people }.
capture-added-as-card = , toegevoegd als kaart
capture-unknown = Onbekend: { $addresses }.
capture-no-known-stakeholder = geen gekende stakeholder nam deel{ $unknown ->
    [0] {""}
    [one] {" "}({ $unknown } onbekend adres: voeg het toe om dit te loggen)
   *[other] {" "}({ $unknown } onbekende adressen: voeg ze toe om dit te loggen)
}
capture-dated-ahead = gedateerd { $at }, meer dan een dag vooruit: niet gelogd als contact dat plaatsvond (de klok van de afzender kan verkeerd staan)
capture-note-not_selected = niet geselecteerd
capture-note-cancelled_withdrawn = geannuleerd: de vergadering die ervan gelogd werd, is ingetrokken
capture-note-cancelled_withdrawn-2 = geannuleerd: de opvolging ervan is ingetrokken
capture-note-cancelled = geannuleerd: niet gelogd
capture-note-withdrawn_earlier = eerder gelogd en sindsdien verwijderd: Kring laat het verwijderd
capture-note-withdrawn_earlier-2 = eerder gepland en sindsdien verwijderd: Kring laat het verwijderd
capture-note-updated = een wijziging van een eerder gelogde vergadering
capture-note-already_logged = al gelogd
capture-note-follow_up_updated = een wijziging van een vergadering die nog komt
capture-note-already_planned = komt nog: al een opvolging
capture-note-still_to_come = komt nog: een opvolging op die dag
capture-note-log = te loggen
capture-note-duplicate = dezelfde vergadering of e-mail staat meer dan eens in de bestanden: de nieuwste telt
capture-note-duplicate-2 = dezelfde vergadering of e-mail staat meer dan eens in het plan
capture-note-unsupported_file = is geen uitnodiging of agenda-export (.ics) en geen bewaarde e-mail (.eml): Kring logt alleen die
capture-note-unreadable = is een map: geef de vergader- of e-mailbestanden erin op
capture-note-unreadable-2 = bestaat niet
capture-note-unreadable-3 = mag niet door u gelezen worden
capture-note-too_large = is { $bytes } bytes, meer dan de { $limit } bytes die Kring uit één bestand leest
capture-note-cannot-be-read = kan niet worden gelezen ({ $error })
capture-note-forgotten_person = { $address } hoort bij een persoon die uit Kring gewist is: er wordt geen kaart voor gemaakt

read-invitation-in-email = de e-mail bevat een vergaderuitnodiging: de vergadering wordt gelezen, niet de e-mail
read-not-an-address = '{ $address }' is geen e-mailadres en is weggelaten
read-date-from-received = de e-mail heeft geen Date-kop: hij is gedateerd op het moment dat hij ontvangen werd
read-component = { $kind ->
    [to-do] { $count ->
        [one] 1 taak
       *[other] { $count } taken
    }
    [journal_entry] { $count ->
        [one] 1 dagboeknotitie
       *[other] { $count } dagboeknotities
    }
   *[other] { $count ->
        [one] 1 vrij/bezet-blok
       *[other] { $count } vrij/bezet-blokken
    }
}
read-not-a-meeting = { $components } weggelaten: dat zijn geen vergaderingen
read-more-like-the-above = en nog { $count ->
    [one] 1 waarschuwing
   *[other] { $count } waarschuwingen
} zoals hierboven
read-not-utf8 = het bestand is niet in UTF-8 zoals iCalendar vereist: het is gelezen als Windows-1252
read-component-not-closed = een onderdeel van het bestand is niet afgesloten zoals het hoort: wat erin staat is gelezen zo ver het gaat
read-too-many-components = het bestand heeft te veel onderdelen: de rest is niet gelezen
read-lines-outside-calendar = { $count ->
    [one] 1 regel
   *[other] { $count } regels
} buiten elke agenda weggelaten
read-untitled = (zonder titel)
read-event-without-start = de afspraak '{ $title }' heeft geen begintijd die Kring kan lezen: ze is weggelaten
read-unknown-time-zone = de tijdzone '{ $zone }' is onbekend en het bestand omschrijft ze niet: de tijden zijn gelezen in uw eigen tijdzone
read-a-participant = een deelnemer
read-participant-without-address = { $who } heeft geen e-mailadres en is weggelaten
read-too-frequent = '{ $title }' wordt gelezen als één vergadering: ze herhaalt zich vaker dan dagelijks
read-started-too-long-ago = '{ $title }' wordt gelezen als één vergadering: ze begon te lang geleden om tot nu te volgen
read-rule-unreadable = '{ $title }' wordt gelezen als één vergadering: de herhalingsregel kan niet gelezen worden ({ $why })
read-recurs-more = '{ $title }' herhaalt zich vaker dan Kring leest: alleen de laatste { $occurrences } keer binnen { $days } dagen worden gelezen
