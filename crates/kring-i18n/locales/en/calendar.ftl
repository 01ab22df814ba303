# The iCalendar feed of follow-ups (kring export-calendar, the app's calendar export).
calendar-name = Kring follow-ups
calendar-after = After: { $summary } ({ $date })
calendar-alarm = Follow-up due { $due }: { $summary }
