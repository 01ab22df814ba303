//! `kring --help` in the chosen language. clap's derive writes the doc comments as static texts,
//! so the command is built with `Cli::command()` and, before parsing, each description the
//! catalogue holds replaces clap's: `help-<command path>` for a command's description (`help-kring`
//! for the program, `help-card_add_person` for `kring card add person`) and
//! `help-<command path>__<argument id>` for an argument's (`help-kring__lang`). A description the
//! catalogue lacks stays as the doc comment says it (English). The English catalogue repeats the
//! doc comments; a test keeps the two the same.

use clap::Command;
use kring_i18n::{has_message, t, text, Language};

/// The catalogue id of a command's description (`path`: the names below `kring`).
pub fn command_id(path: &[&str]) -> String {
    if path.is_empty() {
        "help-kring".to_owned()
    } else {
        format!("help-{}", path.join("_"))
    }
}

/// The catalogue id of an argument's description.
pub fn argument_id(path: &[&str], argument: &str) -> String {
    format!("{}__{argument}", command_id(path))
}

/// `command` with its descriptions, section headings and usage heading in `language`.
pub fn translated(mut command: Command, language: Language) -> Command {
    // Built first, so that clap's own --help and --version exist to be described too.
    command.build();
    translate(command, &[], language)
}

/// The catalogue id that describes the command at `path`. clap's own `help` subcommand is the
/// same everywhere, and the commands below it (`kring help card add`) repeat the descriptions of
/// the commands they name.
pub fn described_id(path: &[&str]) -> String {
    if path.last() == Some(&"help") {
        return "help-help-command".to_owned();
    }
    let named: Vec<&str> = path
        .iter()
        .copied()
        .filter(|name| *name != "help")
        .collect();
    command_id(&named)
}

/// The catalogue id that describes `argument` of the command at `path`: its own
/// (`help-graph_risk__limit`), else the one shared by every command that has an argument of that
/// name and no doc comment of its own (`help-any__json`).
pub fn described_argument_id(language: Language, path: &[&str], argument: &str) -> String {
    let own = argument_id(path, argument);
    let shared = format!("help-any__{argument}");
    if !has_message(language, &own) && has_message(language, &shared) {
        shared
    } else {
        own
    }
}

fn translate(mut command: Command, path: &[&str], language: Language) -> Command {
    let id = described_id(path);
    if has_message(language, &id) {
        command = command.about(text(language, &id));
    }
    command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t!(language, "help-heading-usage")
        ))
        .subcommand_help_heading(t!(language, "help-heading-commands"));
    let arguments: Vec<(String, bool, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional(), a.is_global_set()))
        .collect();
    for (argument, positional, global) in arguments {
        let id = match argument.as_str() {
            "help" => "help-print-help".to_owned(),
            "version" => "help-print-version".to_owned(),
            // A global option is described once, where it is declared.
            _ if global => argument_id(&[], &argument),
            _ => described_argument_id(language, path, &argument),
        };
        let heading = if positional {
            t!(language, "help-heading-arguments")
        } else {
            t!(language, "help-heading-options")
        };
        let words = has_message(language, &id).then(|| text(language, &id));
        command = command.mut_arg(argument.as_str(), |arg| {
            let arg = arg.help_heading(heading);
            let arg = match words {
                Some(words) => arg.help(words),
                None => arg,
            };
            values_in(arg, language)
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let mut below: Vec<&str> = path.to_vec();
        below.push(&name);
        command = command.mut_subcommand(&name, |sub| translate(sub, &below, language));
    }
    command
}

/// clap writes `[default: …]` and `[possible values: …]` after a description in English only: in
/// another language they are hidden and written into the description with the language's words.
fn values_in(arg: clap::Arg, language: Language) -> clap::Arg {
    if language == Language::English || !arg.get_action().takes_values() {
        return arg;
    }
    let mut extras = Vec::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        extras.push(t!(language, "help-default", values = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|value| !value.is_hide_set())
        .map(|value| value.get_name().to_owned())
        .collect();
    if !possible.is_empty() && !arg.is_hide_possible_values_set() {
        extras.push(t!(
            language,
            "help-possible-values",
            values = possible.join(", ")
        ));
    }
    if extras.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let help = format!("{help} {}", extras.join(" ")).trim().to_owned();
    arg.help(help)
        .hide_default_value(true)
        .hide_possible_values(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every description of the English catalogue is the doc comment it stands for, word for
    /// word: editing one without the other fails here.
    #[test]
    fn the_english_catalogue_repeats_the_doc_comments() {
        fn walk(command: &Command, path: &mut Vec<String>, checked: &mut usize) {
            let names: Vec<&str> = path.iter().map(String::as_str).collect();
            let id = command_id(&names);
            let about = command
                .get_about()
                .map(|a| a.to_string())
                .unwrap_or_default();
            // A command without a doc comment is described by the catalogue alone.
            if has_message(Language::English, &id) && !about.is_empty() {
                assert_eq!(text(Language::English, &id), about, "{id}");
                *checked += 1;
            }
            for arg in command.get_arguments() {
                let id = argument_id(&names, arg.get_id().as_str());
                let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                // An argument without a doc comment is described by the catalogue alone.
                if has_message(Language::English, &id) && !help.is_empty() {
                    assert_eq!(text(Language::English, &id), help, "{id}");
                    *checked += 1;
                }
            }
            for sub in command.get_subcommands() {
                path.push(sub.get_name().to_owned());
                walk(sub, path, checked);
                path.pop();
            }
        }
        let mut checked = 0;
        walk(&crate::args::Cli::command(), &mut Vec::new(), &mut checked);
        assert!(
            checked > 50,
            "only {checked} descriptions are in the catalogue"
        );
    }

    #[test]
    fn the_help_is_written_in_the_chosen_language() {
        let mut command = translated(crate::args::Cli::command(), Language::Dutch);
        let help = command.render_help().to_string();
        assert!(help.contains("Opdrachten:"), "{help}");
        assert!(help.contains("Gebruik:"), "{help}");
        assert!(!help.contains("Set up the store for its owner"), "{help}");
        let mut graph = translated(crate::args::Cli::command(), Language::German);
        let stats = graph
            .find_subcommand_mut("graph")
            .and_then(|graph| graph.find_subcommand_mut("stats"))
            .unwrap();
        let help = stats.render_help().to_string();
        assert!(help.contains("[Standard: 256]"), "{help}");
        assert!(!help.contains("default"), "{help}");
        let mut card = translated(crate::args::Cli::command(), Language::French);
        let card = card.find_subcommand_mut("card").unwrap();
        let help = card.render_help().to_string();
        assert!(help.contains("Utilisation"), "{help}");
    }

    /// Descriptions that are the same words in every language: a bare list of the values a
    /// person types (codes, not words; the translations put words before them).
    const THE_SAME_IN_EVERY_LANGUAGE: &[&str] = &[
        "consent, contract, legal_obligation, vital_interests, public_task, legitimate_interests",
    ];

    /// The descriptions of `command` itself: its own and those of its arguments and of the
    /// commands directly below it, as its `--help` prints them.
    fn descriptions(command: &Command) -> Vec<String> {
        let mut texts: Vec<String> = command
            .get_about()
            .map(|a| a.to_string())
            .into_iter()
            .collect();
        texts.extend(
            command
                .get_arguments()
                .filter_map(|a| a.get_help().map(|h| h.to_string())),
        );
        texts.extend(
            command
                .get_subcommands()
                .filter_map(|s| s.get_about().map(|a| a.to_string())),
        );
        texts.retain(|text| {
            !text.is_empty() && !THE_SAME_IN_EVERY_LANGUAGE.contains(&text.as_str())
        });
        texts
    }

    /// Walks clap's command tree (every subcommand, clap's own `help` subcommands included, not a
    /// list kept by hand) and renders each command's `--help` in Dutch, French and German: none
    /// may print a description line that is the English one, and every command has a description
    /// in English to translate.
    #[test]
    fn no_help_in_dutch_french_or_german_prints_an_english_description() {
        fn walk(
            english: &mut Command,
            other: &mut Command,
            path: &mut Vec<String>,
            untranslated: &mut Vec<String>,
            walked: &mut usize,
        ) {
            *walked += 1;
            let where_ = if path.is_empty() {
                "kring".to_owned()
            } else {
                path.join(" ")
            };
            if english
                .get_about()
                .is_none_or(|about| about.to_string().is_empty())
            {
                untranslated.push(format!("{where_}: no description at all"));
            }
            let rendered = other.render_help().to_string();
            for description in descriptions(english) {
                // `contains`, not `ends_with`: clap writes `[default: …]` and `[possible
                // values: …]` after a description.
                if rendered
                    .lines()
                    .any(|line| line.contains(description.as_str()))
                {
                    untranslated.push(format!("{where_}: {description}"));
                }
            }
            let names: Vec<String> = english
                .get_subcommands()
                .map(|s| s.get_name().to_owned())
                .collect();
            for name in names {
                path.push(name.clone());
                let sub_english = english
                    .find_subcommand_mut(&name)
                    .expect("walked from English");
                let sub_other = other
                    .find_subcommand_mut(&name)
                    .expect("the same tree in every language");
                walk(sub_english, sub_other, path, untranslated, walked);
                path.pop();
            }
        }
        for language in [Language::Dutch, Language::French, Language::German] {
            let mut english = translated(crate::args::Cli::command(), Language::English);
            let mut other = translated(crate::args::Cli::command(), language);
            let (mut untranslated, mut walked) = (Vec::new(), 0);
            walk(
                &mut english,
                &mut other,
                &mut Vec::new(),
                &mut untranslated,
                &mut walked,
            );
            assert!(walked > 150, "only {walked} commands walked");
            assert!(
                untranslated.is_empty(),
                "kring --lang {language} --help still prints {} English descriptions:\n{}",
                untranslated.len(),
                untranslated.join("\n")
            );
        }
    }
}
