# The command line's refusals of what was typed (crates/kring-cli/src/args.rs) and the labels of
# `kring check` (output.rs).

input-set-unreadable = --set '{ $text }': write FIELD=VALUE
input-date-too-far = '{ $text }' is too far from today: Kring keeps dates from 1900 to 2100
input-not-a-date = '{ $text }' is not a date: use YYYY-MM-DD, today, tomorrow or +N
input-not-a-moment = '{ $text }' is not a date or time: use YYYY-MM-DD, "YYYY-MM-DD HH:MM" or today
input-not-in-local-time = '{ $text }' does not exist in the local time zone
check-missing = missing
check-stale = stale
check-unreadable = unreadable
