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

input-parse-unknown-command = commande inconnue '{ $command }'
input-parse-unknown-argument = argument inattendu '{ $argument }'
input-parse-missing-arguments = ces arguments obligatoires manquent : { $arguments }
input-parse-value-required = '{ $argument }' demande une valeur, mais aucune n'a été donnée
input-parse-invalid-value = valeur non valide '{ $value }' pour '{ $argument }'
input-parse-possible-values = valeurs possibles : { $values }
input-parse-value-refused = valeur non valide '{ $value }' pour '{ $argument }' : { $reason }
input-parse-no-equals = donnez la valeur de '{ $argument }' avec un signe égal
input-parse-too-many-values = valeur inattendue '{ $value }' pour '{ $argument }' : aucune autre n'était attendue
input-parse-conflict = l'argument '{ $argument }' ne peut pas être utilisé avec { $others }
input-parse-repeated = l'argument '{ $argument }' ne peut être utilisé qu'une fois
input-parse-missing-command = '{ $command }' demande une sous-commande, mais aucune n'a été donnée
input-parse-commands = sous-commandes : { $commands }
input-parse-did-you-mean = vouliez-vous dire { $suggestions } ?
input-parse-see-help = tapez '{ $help }' pour de l'aide
