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

input-parse-unknown-command = unbekannter Befehl '{ $command }'
input-parse-unknown-argument = unerwartetes Argument '{ $argument }'
input-parse-missing-arguments = diese erforderlichen Argumente fehlen: { $arguments }
input-parse-value-required = '{ $argument }' verlangt einen Wert, aber es wurde keiner angegeben
input-parse-invalid-value = ungültiger Wert '{ $value }' für '{ $argument }'
input-parse-possible-values = mögliche Werte: { $values }
input-parse-value-refused = ungültiger Wert '{ $value }' für '{ $argument }': { $reason }
input-parse-no-equals = geben Sie den Wert von '{ $argument }' mit einem Gleichheitszeichen an
input-parse-too-many-values = unerwarteter Wert '{ $value }' für '{ $argument }': es wurden keine weiteren erwartet
input-parse-conflict = das Argument '{ $argument }' kann nicht zusammen mit { $others } verwendet werden
input-parse-repeated = das Argument '{ $argument }' kann nur einmal verwendet werden
input-parse-missing-command = '{ $command }' verlangt einen Unterbefehl, aber es wurde keiner angegeben
input-parse-commands = Unterbefehle: { $commands }
input-parse-did-you-mean = meinten Sie { $suggestions }?
input-parse-see-help = geben Sie '{ $help }' ein, um Hilfe zu erhalten
