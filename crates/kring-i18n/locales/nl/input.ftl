# The command line's refusals of what was typed (crates/kring-cli/src/args.rs) and the labels of
# `kring check` (output.rs).

input-set-unreadable = --set '{ $text }': schrijf VELD=WAARDE
input-date-too-far = '{ $text }' ligt te ver van vandaag: Kring bewaart datums van 1900 tot 2100
input-not-a-date = '{ $text }' is geen datum: gebruik JJJJ-MM-DD, today, tomorrow of +N
input-not-a-moment = '{ $text }' is geen datum of tijdstip: gebruik JJJJ-MM-DD, "JJJJ-MM-DD UU:MM" of today
input-not-in-local-time = '{ $text }' bestaat niet in de lokale tijdzone
check-missing = ontbreekt
check-stale = verouderd
check-unreadable = onleesbaar

input-parse-unknown-command = onbekende opdracht '{ $command }'
input-parse-unknown-argument = onverwacht argument '{ $argument }'
input-parse-missing-arguments = deze verplichte argumenten ontbreken: { $arguments }
input-parse-value-required = '{ $argument }' vraagt een waarde, maar er is er geen gegeven
input-parse-invalid-value = ongeldige waarde '{ $value }' voor '{ $argument }'
input-parse-possible-values = mogelijke waarden: { $values }
input-parse-value-refused = ongeldige waarde '{ $value }' voor '{ $argument }': { $reason }
input-parse-no-equals = geef de waarde van '{ $argument }' met een gelijkteken
input-parse-too-many-values = onverwachte waarde '{ $value }' voor '{ $argument }': er werden er geen meer verwacht
input-parse-conflict = het argument '{ $argument }' kan niet samen met { $others } gebruikt worden
input-parse-repeated = het argument '{ $argument }' kan maar één keer gebruikt worden
input-parse-missing-command = '{ $command }' vraagt een subopdracht, maar er is er geen gegeven
input-parse-commands = subopdrachten: { $commands }
input-parse-did-you-mean = bedoelde u { $suggestions }?
input-parse-see-help = typ '{ $help }' voor hulp
