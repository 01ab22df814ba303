# Wat `kring check` vond (zie en/check.ftl).
check-found-missing_entry = { $index }: { $key }
check-found-stale_entry = { $index }: { $key }
check-found-terms_differ = { $index }: { $key } (zoektermen verschillen)
check-found-term_file_differs = { $file } (het zoektermenbestand bevat andere termen dan de databank: `kring check --repair` verwijdert het, en de app bouwt het opnieuw op)
check-found-unreadable = { $reason }
check-found-stored-as = bewaard als een { $tree }
check-found-stored-among = bewaard bij de { $tree }-records maar zegt dat het een { $says } is
check-found-wrong_kind_moved = { $place }, terwijl deze databank het kent als een { $known }: `kring check --repair` verplaatst deze kopie naar quarantaine en houdt het record als een { $known }
check-found-wrong_kind_no_copy = { $place }, terwijl deze databank het kent als een { $known } en geen kopie heeft die zegt dat het er een is: herstel laat het ongemoeid; zet een reservekopie terug van voor het aankwam
check-found-wrong_kind_unknown = { $place }, en deze databank bewaart er andere kopieën van onder andere soorten en kent het onder geen enkele: herstel laat ze ongemoeid; zet een reservekopie terug van voor ze aankwamen
check-found-value = { $reason }
