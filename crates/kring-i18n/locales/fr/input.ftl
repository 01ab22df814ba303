# The command line's refusals of what was typed (crates/kring-cli/src/args.rs) and the labels of
# `kring check` (output.rs).

input-set-unreadable = --set '{ $text }' : écrivez CHAMP=VALEUR
input-date-too-far = '{ $text }' est trop loin d'aujourd'hui : Kring garde les dates de 1900 à 2100
input-not-a-date = '{ $text }' n'est pas une date : utilisez AAAA-MM-JJ, today, tomorrow ou +N
input-not-a-moment = '{ $text }' n'est ni une date ni une heure : utilisez AAAA-MM-JJ, « AAAA-MM-JJ HH:MM » ou today
input-not-in-local-time = '{ $text }' n'existe pas dans le fuseau horaire local
check-missing = manquant
check-stale = périmé
check-unreadable = illisible
