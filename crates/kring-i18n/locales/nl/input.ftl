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
