# The command line's refusals of what was typed (crates/kring-cli/src/args.rs) and the labels of
# `kring check` (output.rs).

input-set-unreadable = --set '{ $text }': schreiben Sie FELD=WERT
input-date-too-far = '{ $text }' liegt zu weit von heute entfernt: Kring bewahrt Daten von 1900 bis 2100 auf
input-not-a-date = '{ $text }' ist kein Datum: verwenden Sie JJJJ-MM-TT, today, tomorrow oder +N
input-not-a-moment = '{ $text }' ist weder Datum noch Uhrzeit: verwenden Sie JJJJ-MM-TT, "JJJJ-MM-TT HH:MM" oder today
input-not-in-local-time = '{ $text }' gibt es in der lokalen Zeitzone nicht
check-missing = fehlt
check-stale = veraltet
check-unreadable = unlesbar
