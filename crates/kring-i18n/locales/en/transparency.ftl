# The transparency register (kring transparency, the app's register and its export).
transparency-not-shared = (not shared)
transparency-no-contacts = no contacts
transparency-tally = { $count ->
    [one] { $number } contact: { $listed }
   *[other] { $number } contacts: { $listed }
}
transparency-list = { $first } and { $last }
transparency-meetings = { $count ->
    [one] { $number } meeting
   *[other] { $number } meetings
}
transparency-calls = { $count ->
    [one] { $number } call
   *[other] { $number } calls
}
transparency-emails = { $count ->
    [one] { $number } e-mail
   *[other] { $number } e-mails
}
transparency-visits = { $count ->
    [one] { $number } visit
   *[other] { $number } visits
}
transparency-socials = { $count ->
    [one] { $number } social contact
   *[other] { $number } social contacts
}
transparency-events = { $count ->
    [one] { $number } event
   *[other] { $number } events
}
transparency-others = { $count ->
    [one] { $number } other contact
   *[other] { $number } other contacts
}
transparency-how-meeting = meeting
transparency-how-call = call
transparency-how-email = e-mail
transparency-how-visit = visit
transparency-how-social = social contact
transparency-how-event = event
transparency-how-other = other contact
transparency-event-of-kind = event: { $kind }
transparency-event-conference = conference
transparency-event-reception = reception
transparency-event-workshop = workshop
transparency-event-webinar = webinar
transparency-title = Transparency register { $from } – { $to }
transparency-heading = Transparency register
transparency-meta = { $organisation } · { $from } to { $to } · { $tally } · shared records only · generated { $generated }
transparency-date = Date
transparency-who = Who (organisation)
transparency-met = Met
transparency-of = Of
transparency-how = How
transparency-about = About
transparency-outcomes = Outcomes
# What `kring transparency` says when it has written the register.
transparency-written = wrote { $tally } from { $from } to { $to } to { $file }
# The CSV's headings, for people who open it in a spreadsheet.
transparency-csv-date = date
transparency-csv-networkers = networkers
transparency-csv-stakeholders = stakeholders
transparency-csv-organisations = organisations
transparency-csv-kind = kind
transparency-csv-about = about
transparency-csv-outcomes = outcomes
