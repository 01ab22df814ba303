# De iCalendar-feed met opvolgingen (kring export-calendar, de agenda-export van de app).
calendar-name = Kring-opvolgingen
calendar-after = Na: { $summary } ({ $date })
calendar-alarm = Opvolging tegen { $due }: { $summary }
