//! What `kring check` finds, as values: the kind of finding and what its words need (an index's
//! tree name, a key, a record kind, a reason already said in each language). The words are said
//! when a person reads them, in their language (`locales/*/check.ftl`, one message
//! `check-found-<code>` per kind), so that `kring check --lang nl` prints no English sentence;
//! `--json` keeps the English it always printed (scripts read it), and the codes.

use crate::model::refusal::SaidInEach;
use kring_i18n::{t, Language};

crate::model::word_enum!(
    /// The stable code of each kind of finding ([`Finding::code`]), and the id of its words
    /// (`check-found-<code>`).
    FindingKind {
        MissingEntry => "missing_entry",
        StaleEntry => "stale_entry",
        TermsDiffer => "terms_differ",
        TermFileDiffers => "term_file_differs",
        Unreadable => "unreadable",
        WrongKindMoved => "wrong_kind_moved",
        WrongKindNoCopy => "wrong_kind_no_copy",
        WrongKindUnknown => "wrong_kind_unknown",
        Value => "value",
    }
);

/// One thing `kring check` found: an index entry that is missing or stale, a record it cannot
/// read, a copy of a record under another kind, a value that does not fit its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An entry a record calls for that the index lacks (`key` in hexadecimal).
    MissingEntry { index: &'static str, key: String },
    /// An entry the index holds that no record calls for.
    StaleEntry { index: &'static str, key: String },
    /// A record's terms entry that holds other terms than the record calls for.
    TermsDiffer { index: &'static str, key: String },
    /// The search term file holds other terms than the store.
    TermFileDiffers { file: &'static str },
    /// A record that cannot be decoded: the store's error, said in each language.
    Unreadable { reason: Box<SaidInEach> },
    /// A copy stored among the records of kind `tree` (saying it is a `says`) while the store
    /// knows the record as `known` and has a copy of that kind: repair moves this one aside.
    WrongKindMoved {
        tree: String,
        says: String,
        known: String,
    },
    /// As above, with no copy of the known kind: repair leaves it alone.
    WrongKindNoCopy {
        tree: String,
        says: String,
        known: String,
    },
    /// Copies under several kinds, none (or more than one) stored among the records of the
    /// kind it says it is.
    WrongKindUnknown { tree: String, says: String },
    /// A value that does not fit its field: the table's own words, said in each language.
    Value { reason: Box<SaidInEach> },
}

impl Finding {
    /// The stable code of this kind of finding.
    pub fn code(&self) -> FindingKind {
        match self {
            Finding::MissingEntry { .. } => FindingKind::MissingEntry,
            Finding::StaleEntry { .. } => FindingKind::StaleEntry,
            Finding::TermsDiffer { .. } => FindingKind::TermsDiffer,
            Finding::TermFileDiffers { .. } => FindingKind::TermFileDiffers,
            Finding::Unreadable { .. } => FindingKind::Unreadable,
            Finding::WrongKindMoved { .. } => FindingKind::WrongKindMoved,
            Finding::WrongKindNoCopy { .. } => FindingKind::WrongKindNoCopy,
            Finding::WrongKindUnknown { .. } => FindingKind::WrongKindUnknown,
            Finding::Value { .. } => FindingKind::Value,
        }
    }

    /// The finding in `language`. Its English is what `kring check` printed before findings
    /// had a code, word for word (`--json` and scripts read it).
    pub fn words(&self, language: Language) -> String {
        // Record kinds as the check always quoted them: the code, in quotes, control
        // characters escaped (a forged file chooses them).
        let quote = |kind: &str| crate::model::schema::quote(kind);
        // Where a copy of the wrong kind sits, and what it says it is.
        let place = |tree: &str, says: &str| {
            if tree == says {
                t!(language, "check-found-stored-as", tree = quote(tree))
            } else {
                t!(
                    language,
                    "check-found-stored-among",
                    tree = quote(tree),
                    says = quote(says)
                )
            }
        };
        match self {
            Finding::MissingEntry { index, key } => t!(
                language,
                "check-found-missing_entry",
                index = *index,
                key = key.as_str()
            ),
            Finding::StaleEntry { index, key } => t!(
                language,
                "check-found-stale_entry",
                index = *index,
                key = key.as_str()
            ),
            Finding::TermsDiffer { index, key } => t!(
                language,
                "check-found-terms_differ",
                index = *index,
                key = key.as_str()
            ),
            Finding::TermFileDiffers { file } => {
                t!(language, "check-found-term_file_differs", file = *file)
            }
            Finding::Unreadable { reason } => t!(
                language,
                "check-found-unreadable",
                reason = reason.words(language).to_owned()
            ),
            Finding::WrongKindMoved { tree, says, known } => t!(
                language,
                "check-found-wrong_kind_moved",
                place = place(tree, says),
                known = quote(known)
            ),
            Finding::WrongKindNoCopy { tree, says, known } => t!(
                language,
                "check-found-wrong_kind_no_copy",
                place = place(tree, says),
                known = quote(known)
            ),
            Finding::WrongKindUnknown { tree, says } => t!(
                language,
                "check-found-wrong_kind_unknown",
                place = place(tree, says)
            ),
            Finding::Value { reason } => t!(
                language,
                "check-found-value",
                reason = reason.words(language).to_owned()
            ),
        }
    }
}

/// In English, as `kring check` printed it before findings had a code.
impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words(Language::English))
    }
}

/// In JSON a finding is its English words, as `kring check --json` always wrote it.
impl serde::Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
