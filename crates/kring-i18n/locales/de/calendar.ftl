# Der iCalendar-Feed der Wiedervorlagen (kring export-calendar, der Kalenderexport der App).
calendar-name = Kring-Wiedervorlagen
calendar-after = Nach: { $summary } ({ $date })
calendar-alarm = Wiedervorlage fällig am { $due }: { $summary }
