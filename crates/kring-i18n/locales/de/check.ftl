# Was `kring check` gefunden hat (siehe en/check.ftl).
check-found-missing_entry = { $index }: { $key }
check-found-stale_entry = { $index }: { $key }
check-found-terms_differ = { $index }: { $key } (Suchbegriffe weichen ab)
check-found-term_file_differs = { $file } (die Suchbegriffsdatei enthält andere Begriffe als der Datenspeicher: `kring check --repair` entfernt sie, und die App baut sie neu auf)
check-found-unreadable = { $reason }
check-found-stored-as = als { $tree } gespeichert
check-found-stored-among = unter den { $tree }-Datensätzen gespeichert, gibt sich aber als { $says } aus
check-found-wrong_kind_moved = { $place }, während dieser Datenspeicher ihn als { $known } kennt: `kring check --repair` verschiebt diese Kopie in die Quarantäne und behält den Datensatz als { $known }
check-found-wrong_kind_no_copy = { $place }, während dieser Datenspeicher ihn als { $known } kennt und keine Kopie hat, die sich als solche ausgibt: eine Reparatur lässt ihn unverändert; stellen Sie eine Sicherung von vor seinem Eintreffen wieder her
check-found-wrong_kind_unknown = { $place }, und dieser Datenspeicher hält weitere Kopien davon unter anderen Arten und kennt ihn unter keiner: eine Reparatur lässt sie unverändert; stellen Sie eine Sicherung von vor ihrem Eintreffen wieder her
check-found-value = { $reason }
