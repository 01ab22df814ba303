# Ce que `kring check` a trouvé (voir en/check.ftl).
check-found-missing_entry = { $index } : { $key }
check-found-stale_entry = { $index } : { $key }
check-found-terms_differ = { $index } : { $key } (termes différents)
check-found-term_file_differs = { $file } (le fichier des termes de recherche contient d'autres termes que la base de données : `kring check --repair` le supprime, et l'application le reconstruit)
check-found-unreadable = { $reason }
check-found-stored-as = stocké comme { $tree }
check-found-stored-among = stocké parmi les enregistrements { $tree } mais se dit { $says }
check-found-wrong_kind_moved = { $place }, alors que cette base de données le connaît comme { $known } : `kring check --repair` déplace cette copie en quarantaine et garde l'enregistrement comme { $known }
check-found-wrong_kind_no_copy = { $place }, alors que cette base de données le connaît comme { $known } et n'a aucune copie qui se dit telle : la réparation n'y touche pas ; restaurez une sauvegarde antérieure à son arrivée
check-found-wrong_kind_unknown = { $place }, et cette base de données en garde d'autres copies sous d'autres types sans le connaître sous aucun : la réparation n'y touche pas ; restaurez une sauvegarde antérieure à leur arrivée
check-found-value = { $reason }
