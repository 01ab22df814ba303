# Le flux iCalendar des suivis (kring export-calendar, l'export d'agenda de l'application).
calendar-name = Suivis Kring
calendar-after = Après : { $summary } ({ $date })
calendar-alarm = Suivi à faire pour le { $due } : { $summary }
