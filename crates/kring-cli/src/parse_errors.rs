//! clap's own refusals of what was typed (an unknown command, a missing argument, a value not
//! among the possible ones), in the language of the run. clap writes them in English only, so
//! `main` reads the problem off the error's context (the argument, the value, clap's suggestion)
//! and words it from the catalogue (`input-parse-*`, in `input.ftl`), on one line that ends by
//! naming the `kring help` that explains the command. A kind of error not mapped here (rare ones:
//! a file name that is not UTF-8) keeps clap's English words, on one line.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::Command;
use kring_i18n::{t, Language};
use std::ffi::OsString;

/// One line for `kring: …` saying what clap refused in `language`. `command` is the command
/// tree that parsed `args` (to name the `kring help` of the command typed).
pub fn words(
    error: &clap::Error,
    command: &Command,
    args: &[OsString],
    language: Language,
) -> String {
    let text = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        _ => None,
    };
    let list = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(value)) => vec![value.clone()],
        Some(ContextValue::Strings(values)) => values.clone(),
        _ => Vec::new(),
    };
    let argument = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut parts = Vec::new();
    match error.kind() {
        ErrorKind::InvalidSubcommand => parts.push(t!(
            language,
            "input-parse-unknown-command",
            command = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        )),
        ErrorKind::UnknownArgument => parts.push(t!(
            language,
            "input-parse-unknown-argument",
            argument = argument
        )),
        ErrorKind::MissingRequiredArgument => parts.push(t!(
            language,
            "input-parse-missing-arguments",
            arguments = list(ContextKind::InvalidArg).join(", ")
        )),
        ErrorKind::InvalidValue if value.is_empty() => parts.push(t!(
            language,
            "input-parse-value-required",
            argument = argument
        )),
        ErrorKind::InvalidValue => {
            parts.push(t!(
                language,
                "input-parse-invalid-value",
                value = value,
                argument = argument
            ));
            let possible = list(ContextKind::ValidValue);
            if !possible.is_empty() {
                parts.push(t!(
                    language,
                    "input-parse-possible-values",
                    values = quoted(&possible)
                ));
            }
        }
        ErrorKind::ValueValidation => {
            // The reason is Kring's own (a value parser of args.rs), already in the language.
            let reason = std::error::Error::source(error)
                .map(|source| source.to_string())
                .unwrap_or_default();
            parts.push(t!(
                language,
                "input-parse-value-refused",
                value = value,
                argument = argument,
                reason = reason
            ));
        }
        ErrorKind::NoEquals => {
            parts.push(t!(language, "input-parse-no-equals", argument = argument))
        }
        ErrorKind::TooManyValues => parts.push(t!(
            language,
            "input-parse-too-many-values",
            value = value,
            argument = argument
        )),
        ErrorKind::ArgumentConflict => {
            let others = list(ContextKind::PriorArg);
            if others.is_empty() || others == [argument.clone()] {
                parts.push(t!(language, "input-parse-repeated", argument = argument));
            } else {
                parts.push(t!(
                    language,
                    "input-parse-conflict",
                    argument = argument,
                    others = quoted(&others)
                ));
            }
        }
        ErrorKind::MissingSubcommand => {
            parts.push(t!(
                language,
                "input-parse-missing-command",
                command = text(ContextKind::InvalidSubcommand).unwrap_or_default()
            ));
            let commands = list(ContextKind::ValidSubcommand);
            if !commands.is_empty() {
                parts.push(t!(
                    language,
                    "input-parse-commands",
                    commands = quoted(&commands)
                ));
            }
        }
        _ => parts.push(clap_one_line(&error.to_string())),
    }
    let suggested: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(list)
    .collect();
    if !suggested.is_empty() {
        parts.push(t!(
            language,
            "input-parse-did-you-mean",
            suggestions = quoted(&suggested)
        ));
    }
    let mut help = vec!["kring".to_owned(), "help".to_owned()];
    help.extend(command_path(command, args));
    parts.push(t!(language, "input-parse-see-help", help = help.join(" ")));
    parts.join("; ")
}

/// `'a', 'b'`.
fn quoted(values: &[String]) -> String {
    values
        .iter()
        .map(|value| format!("'{value}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// clap's message on one line, without its usage and its "For more information" tail.
fn clap_one_line(text: &str) -> String {
    let before_usage = text.split("\nUsage:").next().unwrap_or(text);
    let before_usage = before_usage
        .split("\n\nFor more information")
        .next()
        .unwrap_or(before_usage);
    let joined = before_usage
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    joined.strip_prefix("error: ").unwrap_or(&joined).to_owned()
}

/// The subcommands named in `args` that `command` knows (`["card", "add"]` for
/// `kring --lang nl card add --nme x`), up to the first word that names none. The value of an
/// option (`--store card`) is not taken for a command.
fn command_path(command: &Command, args: &[OsString]) -> Vec<String> {
    let mut path = Vec::new();
    let mut current = command;
    let mut words = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            if !long.contains('=') && (takes_value(current, long) || takes_value(command, long)) {
                words.next();
            }
            continue;
        }
        if word.starts_with('-') {
            continue;
        }
        match current.find_subcommand(&word) {
            Some(sub) => {
                path.push(sub.get_name().to_owned());
                current = sub;
            }
            None => break,
        }
    }
    path
}

fn takes_value(command: &Command, long: &str) -> bool {
    command
        .get_arguments()
        .find(|argument| argument.get_long() == Some(long))
        .is_some_and(|argument| argument.get_action().takes_values())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, ArgAction};

    fn tree() -> Command {
        Command::new("kring")
            .arg(Arg::new("store").long("store").global(true))
            .subcommand(
                Command::new("card").subcommand(
                    Command::new("add").arg(Arg::new("name").long("name").required(true)),
                ),
            )
            .subcommand(
                Command::new("today").arg(Arg::new("json").long("json").action(ArgAction::SetTrue)),
            )
    }

    fn refused(words: &[&str], language: Language) -> String {
        let args: Vec<OsString> = words.iter().map(OsString::from).collect();
        let error = tree().try_get_matches_from(&args).unwrap_err();
        super::words(&error, &tree(), &args, language)
    }

    #[test]
    fn an_unknown_command_is_said_with_clap_s_suggestion_and_the_help_to_read() {
        let english = refused(&["kring", "toady"], Language::English);
        assert_eq!(
            english,
            "unrecognized subcommand 'toady'; did you mean 'today'?; run 'kring help' for help"
        );
        let dutch = refused(&["kring", "toady"], Language::Dutch);
        assert!(dutch.starts_with("onbekende opdracht 'toady'"), "{dutch}");
        assert!(dutch.contains("'today'"), "{dutch}");
        assert!(dutch.contains("'kring help'"), "{dutch}");
    }

    #[test]
    fn a_missing_argument_names_the_help_of_the_command_typed_past_an_options_value() {
        let german = refused(
            &["kring", "--store", "card", "card", "add"],
            Language::German,
        );
        assert!(german.contains("--name <name>"), "{german}");
        assert!(
            german.ends_with("'kring help card add' ein, um Hilfe zu erhalten"),
            "{german}"
        );
    }
}
