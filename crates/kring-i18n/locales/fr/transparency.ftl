# Le registre de transparence (kring transparency, le registre dans l'application et son export).
transparency-not-shared = (non partagé)
transparency-no-contacts = aucun contact
transparency-tally = { $count ->
    [one] { $number } contact : { $listed }
   *[other] { $number } contacts : { $listed }
}
transparency-list = { $first } et { $last }
transparency-meetings = { $count ->
    [one] { $number } réunion
   *[other] { $number } réunions
}
transparency-calls = { $count ->
    [one] { $number } appel
   *[other] { $number } appels
}
transparency-emails = { $count ->
    [one] { $number } e-mail
   *[other] { $number } e-mails
}
transparency-visits = { $count ->
    [one] { $number } visite
   *[other] { $number } visites
}
transparency-socials = { $count ->
    [one] { $number } contact informel
   *[other] { $number } contacts informels
}
transparency-events = { $count ->
    [one] { $number } événement
   *[other] { $number } événements
}
transparency-others = { $count ->
    [one] { $number } autre contact
   *[other] { $number } autres contacts
}
transparency-how-meeting = réunion
transparency-how-call = appel
transparency-how-email = e-mail
transparency-how-visit = visite
transparency-how-social = contact informel
transparency-how-event = événement
transparency-how-other = autre contact
transparency-event-of-kind = événement : { $kind }
transparency-event-conference = conférence
transparency-event-reception = réception
transparency-event-workshop = atelier
transparency-event-webinar = webinaire
transparency-title = Registre de transparence { $from } – { $to }
transparency-heading = Registre de transparence
transparency-meta = { $organisation } · du { $from } au { $to } · { $tally } · données partagées uniquement · établi le { $generated }
transparency-date = Date
transparency-who = Qui (organisation)
transparency-met = A rencontré
transparency-of = De
transparency-how = Comment
transparency-about = Objet
transparency-outcomes = Résultats
# What `kring transparency` says when it has written the register.
transparency-written = { $tally } du { $from } au { $to } écrits dans { $file }
# The CSV's headings, for people who open it in a spreadsheet.
transparency-csv-date = date
transparency-csv-networkers = membres du réseau
transparency-csv-stakeholders = parties prenantes
transparency-csv-organisations = organisations
transparency-csv-kind = type
transparency-csv-about = objet
transparency-csv-outcomes = résultats
