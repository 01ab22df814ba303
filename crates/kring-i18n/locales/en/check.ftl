# What `kring check` found (kring-core store/check_finding.rs, Finding::words), printed after
# "missing", "stale" or "unreadable", or after a problem's code, id and kind. English is what
# Kring printed before findings had a code, word for word (`kring check --json` keeps it).
# $index is an index's tree name and $key its key in hexadecimal, as the store holds them;
# $kind, $tree, $says and $known are record kinds as their codes ($tree, $says and $known
# quoted); $place arrives worded by check-found-stored-as or check-found-stored-among; $reason
# arrives worded in the same language.
check-found-missing_entry = { $index }: { $key }
check-found-stale_entry = { $index }: { $key }
check-found-terms_differ = { $index }: { $key } (terms differ)
check-found-term_file_differs = { $file } (the search term file holds other terms than the store: `kring check --repair` removes it, and the app builds it again)
check-found-unreadable = { $reason }
check-found-stored-as = stored as a { $tree }
check-found-stored-among = stored among the { $tree } records but says it is a { $says }
check-found-wrong_kind_moved = { $place }, while this store knows it as a { $known }: `kring check --repair` moves this copy to quarantine and keeps the record as a { $known }
check-found-wrong_kind_no_copy = { $place }, while this store knows it as a { $known } and has no copy that says it is one: repair leaves it alone; restore a backup from before it arrived
check-found-wrong_kind_unknown = { $place }, and this store holds other copies of it under other kinds and knows it by none: repair leaves them alone; restore a backup from before they arrived
check-found-value = { $reason }
