# Das Transparenzregister (kring transparency, das Register in der App und sein Export).
transparency-not-shared = (nicht geteilt)
transparency-no-contacts = keine Kontakte
transparency-tally = { $count ->
    [one] { $number } Kontakt: { $listed }
   *[other] { $number } Kontakte: { $listed }
}
transparency-list = { $first } und { $last }
transparency-meetings = { $count ->
    [one] { $number } Besprechung
   *[other] { $number } Besprechungen
}
transparency-calls = { $count ->
    [one] { $number } Anruf
   *[other] { $number } Anrufe
}
transparency-emails = { $count ->
    [one] { $number } E-Mail
   *[other] { $number } E-Mails
}
transparency-visits = { $count ->
    [one] { $number } Besuch
   *[other] { $number } Besuche
}
transparency-socials = { $count ->
    [one] { $number } geselliger Kontakt
   *[other] { $number } gesellige Kontakte
}
transparency-events = { $count ->
    [one] { $number } Veranstaltung
   *[other] { $number } Veranstaltungen
}
transparency-others = { $count ->
    [one] { $number } anderer Kontakt
   *[other] { $number } andere Kontakte
}
transparency-how-meeting = Besprechung
transparency-how-call = Anruf
transparency-how-email = E-Mail
transparency-how-visit = Besuch
transparency-how-social = geselliger Kontakt
transparency-how-event = Veranstaltung
transparency-how-other = anderer Kontakt
transparency-event-of-kind = Veranstaltung: { $kind }
transparency-event-conference = Konferenz
transparency-event-reception = Empfang
transparency-event-workshop = Workshop
transparency-event-webinar = Webinar
transparency-title = Transparenzregister { $from } – { $to }
transparency-heading = Transparenzregister
transparency-meta = { $organisation } · { $from } bis { $to } · { $tally } · nur geteilte Daten · erstellt am { $generated }
transparency-date = Datum
transparency-who = Wer (Organisation)
transparency-met = Traf
transparency-of = Von
transparency-how = Wie
transparency-about = Betreff
transparency-outcomes = Ergebnisse
# What `kring transparency` says when it has written the register.
transparency-written = { $tally } vom { $from } bis { $to } in { $file } geschrieben
# The CSV's headings, for people who open it in a spreadsheet.
transparency-csv-date = Datum
transparency-csv-networkers = Netzwerkmitglieder
transparency-csv-stakeholders = Stakeholder
transparency-csv-organisations = Organisationen
transparency-csv-kind = Art
transparency-csv-about = Betreff
transparency-csv-outcomes = Ergebnisse
