//! Nothing untranslated slips in: every language holds exactly English's messages, every message
//! parses, a translation names only the arguments English passes, every id the code asks for
//! exists, and every id the catalogues hold is asked for somewhere.

use kring_i18n::{catalogue_files, Language};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Messages whose ids the code builds from a stable code (`format!("error-{code}")`) rather than
/// writing them out. Each prefix's owner keeps a test that every code has its message.
const IDS_BUILT_FROM_CODES: &[&str] = &[
    // kring_i18n::error_text(language, code, …): every error's `code()` (kring-core's
    // tests/error_words.rs checks each code has its message in every language).
    "error-",
    // A validation error's reason, by its code (`ValidationError::worded`).
    "invalid-",
    // `kring --help`: help-<command path>[__<argument>] (kring-cli's help.rs, whose tests keep
    // the English equal to the doc comments).
    "help-",
    // A record's field by name (`kring_i18n::field_label`): field-<kind>-<field>, the fields of
    // the app's field labels (ui/src/lib/field-labels.ts); a field without one keeps its code.
    "field-",
];

/// The messages of one language: id → the arguments (`$name`) its text names.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages_by_language() -> BTreeMap<Language, Messages> {
    let mut by_language: BTreeMap<Language, Messages> = BTreeMap::new();
    for file in catalogue_files() {
        let messages = by_language.entry(file.language).or_default();
        for (id, arguments) in entries(file.source) {
            assert!(
                messages.insert(id.clone(), arguments).is_none(),
                "{}: {id} is defined twice (the second is in {}.ftl)",
                file.language,
                file.area
            );
        }
    }
    by_language
}

/// The messages of a Fluent file with the arguments each names. Fluent's own parser checks the
/// syntax (see `every_catalogue_file_parses`); this only needs where an entry starts.
fn entries(source: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut entries: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in source.lines() {
        let starts_entry = line
            .split_once('=')
            .map(|(id, _)| id.trim_end())
            .filter(|id| {
                !line.starts_with([' ', '\t', '#', '-'])
                    && !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            });
        if let Some(id) = starts_entry {
            entries.push((id.to_owned(), BTreeSet::new()));
        }
        if line.starts_with('#') {
            continue;
        }
        if let Some((_, arguments)) = entries.last_mut() {
            arguments.extend(arguments_named(line));
        }
    }
    entries
}

fn arguments_named(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split('$').skip(1).map(|rest| {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    })
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The Rust sources of every crate that could ask for a message (this crate's own sources only
/// show examples).
fn rust_sources() -> Vec<(PathBuf, String)> {
    let mut sources = Vec::new();
    let mut folders = vec![
        workspace().join("crates"),
        workspace().join("src-tauri/src"),
    ];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() {
                if name != "target" && name != "fixtures" && name != "kring-i18n" {
                    folders.push(path);
                }
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let text = std::fs::read_to_string(&path).expect("a readable source file");
                sources.push((path, text));
            }
        }
    }
    sources
}

/// The ids asked for with `t!(language, "id"…)` or `kring_i18n::text…(language, "id"…)`.
fn ids_asked_for(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["t!(", "text(", "text_with("] {
        for (start, _) in source.match_indices(call) {
            let preceding = source[..start].chars().next_back();
            if call != "t!(" && !source[..start].ends_with("kring_i18n::") {
                continue;
            }
            if call == "t!(" && preceding.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &source[start + call.len()..];
            let Some(comma) = rest.find(',') else {
                continue;
            };
            let after_comma = rest[comma + 1..].trim_start();
            if let Some(literal) = after_comma.strip_prefix('"') {
                if let Some(end) = literal.find('"') {
                    ids.push(literal[..end].to_owned());
                }
            }
        }
    }
    ids
}

#[test]
fn every_catalogue_file_parses() {
    for file in catalogue_files() {
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(file.source.to_owned()) {
            panic!(
                "locales/{}/{}.ftl does not parse: {errors:?}",
                file.language, file.area
            );
        }
    }
}

#[test]
fn every_language_holds_exactly_the_messages_english_holds() {
    let by_language = messages_by_language();
    let english: BTreeSet<&String> = by_language[&Language::English].keys().collect();
    for language in Language::ALL {
        let holds: BTreeSet<&String> = by_language
            .get(&language)
            .map(|messages| messages.keys().collect())
            .unwrap_or_default();
        let missing: Vec<_> = english.difference(&holds).collect();
        let extra: Vec<_> = holds.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language} lacks {missing:?} and holds {extra:?} that English does not"
        );
    }
}

#[test]
fn a_translation_names_only_the_arguments_english_passes() {
    let by_language = messages_by_language();
    let english = &by_language[&Language::English];
    for (language, messages) in &by_language {
        for (id, arguments) in messages {
            let Some(passed) = english.get(id) else {
                continue;
            };
            let unknown: Vec<_> = arguments.difference(passed).collect();
            assert!(
                unknown.is_empty(),
                "{language} {id} names {unknown:?}, which English never passes"
            );
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let english = &messages_by_language()[&Language::English];
    for (path, source) in rust_sources() {
        for id in ids_asked_for(&source) {
            assert!(
                english.contains_key(&id),
                "{} asks for {id:?}, which locales/en/*.ftl does not define",
                path.display()
            );
        }
    }
}

#[test]
fn every_message_is_used_somewhere() {
    let sources: Vec<String> = rust_sources().into_iter().map(|(_, text)| text).collect();
    let english = &messages_by_language()[&Language::English];
    let unused: Vec<&String> = english
        .keys()
        .filter(|id| {
            !IDS_BUILT_FROM_CODES
                .iter()
                .any(|prefix| id.starts_with(prefix))
        })
        .filter(|id| {
            let quoted = format!("\"{id}\"");
            !sources.iter().any(|source| source.contains(&quoted))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "these messages are used nowhere: delete them or use them: {unused:?}"
    );
}

#[test]
fn the_id_scanner_finds_the_ids_of_both_call_forms() {
    let source = r#"
        let a = t!(language, "cards-found", count = 3);
        let b = kring_i18n::text(Language::Dutch, "store-in-use");
        let c = format!("{}", other.text(x, "not-an-id"));
        let d = kring_i18n::t!(
            self.language,
            "multi-line"
        );
    "#;
    assert_eq!(
        ids_asked_for(source),
        vec!["cards-found", "multi-line", "store-in-use"]
    );
}
