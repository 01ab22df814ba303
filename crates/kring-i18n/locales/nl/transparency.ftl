# Het transparantieregister (kring transparency, het register in de app en de export ervan).
transparency-not-shared = (niet gedeeld)
transparency-no-contacts = geen contacten
transparency-tally = { $count ->
    [one] { $number } contact: { $listed }
   *[other] { $number } contacten: { $listed }
}
transparency-list = { $first } en { $last }
transparency-meetings = { $count ->
    [one] { $number } vergadering
   *[other] { $number } vergaderingen
}
transparency-calls = { $count ->
    [one] { $number } telefoongesprek
   *[other] { $number } telefoongesprekken
}
transparency-emails = { $count ->
    [one] { $number } e-mail
   *[other] { $number } e-mails
}
transparency-visits = { $count ->
    [one] { $number } bezoek
   *[other] { $number } bezoeken
}
transparency-socials = { $count ->
    [one] { $number } sociaal contact
   *[other] { $number } sociale contacten
}
transparency-events = { $count ->
    [one] { $number } evenement
   *[other] { $number } evenementen
}
transparency-others = { $count ->
    [one] { $number } ander contact
   *[other] { $number } andere contacten
}
transparency-how-meeting = vergadering
transparency-how-call = telefoongesprek
transparency-how-email = e-mail
transparency-how-visit = bezoek
transparency-how-social = sociaal contact
transparency-how-event = evenement
transparency-how-other = ander contact
transparency-event-of-kind = evenement: { $kind }
transparency-event-conference = conferentie
transparency-event-reception = receptie
transparency-event-workshop = workshop
transparency-event-webinar = webinar
transparency-title = Transparantieregister { $from } – { $to }
transparency-heading = Transparantieregister
transparency-meta = { $organisation } · { $from } tot { $to } · { $tally } · enkel gedeelde gegevens · opgemaakt op { $generated }
transparency-date = Datum
transparency-who = Wie (organisatie)
transparency-met = Ontmoette
transparency-of = Van
transparency-how = Hoe
transparency-about = Onderwerp
transparency-outcomes = Resultaten
# What `kring transparency` says when it has written the register.
transparency-written = { $tally } van { $from } tot { $to } geschreven naar { $file }
# The CSV's headings, for people who open it in a spreadsheet.
transparency-csv-date = datum
transparency-csv-networkers = netwerkers
transparency-csv-stakeholders = stakeholders
transparency-csv-organisations = organisaties
transparency-csv-kind = soort
transparency-csv-about = onderwerp
transparency-csv-outcomes = resultaten
