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

# clap's refusals of what was typed, said again in the language (crates/kring-cli/src/parse_errors.rs),
# joined with "; " on one line. English keeps clap's own words.
input-parse-unknown-command = unrecognized subcommand '{ $command }'
input-parse-unknown-argument = unexpected argument '{ $argument }' found
input-parse-missing-arguments = the following required arguments were not provided: { $arguments }
input-parse-value-required = a value is required for '{ $argument }' but none was supplied
input-parse-invalid-value = invalid value '{ $value }' for '{ $argument }'
input-parse-possible-values = possible values: { $values }
input-parse-value-refused = invalid value '{ $value }' for '{ $argument }': { $reason }
input-parse-no-equals = equal sign is needed when assigning values to '{ $argument }'
input-parse-too-many-values = unexpected value '{ $value }' for '{ $argument }' found; no more were expected
input-parse-conflict = the argument '{ $argument }' cannot be used with { $others }
input-parse-repeated = the argument '{ $argument }' cannot be used multiple times
input-parse-missing-command = '{ $command }' requires a subcommand but one was not provided
input-parse-commands = subcommands: { $commands }
input-parse-did-you-mean = did you mean { $suggestions }?
input-parse-see-help = run '{ $help }' for help
