//! The plain draft types every reader produces and every writer consumes.
//!
//! Why drafts and not the store's model: this crate knows nothing of the store. A draft is what a
//! file *says* about a person or an organisation, cleaned up (trimmed, decoded, unescaped) but not
//! yet merged, deduplicated or given an identity. `kring-core` decides what becomes of it. To keep
//! "never lose a relationship" honest, anything a reader does not model goes into
//! [`ContactDraft::extra`] instead of being dropped.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether a draft describes a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ContactKind {
    /// A human being (the default).
    #[default]
    Person,
    /// A company, public body, association...: vCard `KIND:org`, Apple's `X-ABShowAs:COMPANY`, a
    /// card with only an `ORG`, or a CSV row with only a company.
    Organisation,
}

/// A postal address as found in a file. Every part is optional because real files fill them in
/// any combination.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PostalAddressDraft {
    /// Post office box (first component of a vCard `ADR`).
    pub post_office_box: Option<String>,
    /// Extended address: suite, floor, building (second component of a vCard `ADR`).
    pub extended_address: Option<String>,
    /// Street and number; several street lines are joined with `\n`.
    pub street: Option<String>,
    /// City or municipality.
    pub locality: Option<String>,
    /// State, province or region.
    pub region: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Country name as written in the file.
    pub country: Option<String>,
    /// The address formatted for an envelope (vCard 4.0 `LABEL` parameter, or a 2.1/3.0 `LABEL`
    /// property matched to this address), lines separated by `\n`.
    pub label: Option<String>,
}

impl PostalAddressDraft {
    /// True when no part of the address is filled in.
    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|part| part.is_none())
    }

    fn parts(&self) -> [&Option<String>; 8] {
        [
            &self.post_office_box,
            &self.extended_address,
            &self.street,
            &self.locality,
            &self.region,
            &self.postal_code,
            &self.country,
            &self.label,
        ]
    }
}

/// One person or organisation found in a file.
///
/// Strings are trimmed, never empty (`None` or absent instead), and use `\n` for line breaks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactDraft {
    /// Person or organisation.
    pub kind: ContactKind,
    /// The name to show: vCard `FN`, else built from `N`, else the organisation, else a nickname,
    /// email address or phone number. Empty only when the file gives none of these.
    pub display_name: String,
    /// Given (first) name.
    pub given_name: Option<String>,
    /// Family (last) name.
    pub family_name: Option<String>,
    /// Middle names (vCard `N` additional names, CSV "Middle Name").
    pub additional_names: Option<String>,
    /// Honorific prefix: "Mr.", "Dr.", "Mevrouw".
    pub honorific: Option<String>,
    /// Honorific suffix: "Jr.", "PhD".
    pub honorific_suffix: Option<String>,
    /// Nicknames (vCard `NICKNAME`, CSV "Nickname").
    pub nicknames: Vec<String>,
    /// Organisation name (first component of vCard `ORG`, CSV "Company").
    pub organisation: Option<String>,
    /// Units below the organisation: `ORG:Name;Unit;Subunit` gives `["Unit", "Subunit"]`.
    pub organisation_units: Vec<String>,
    /// Job title (vCard `TITLE`, CSV "Job Title" / "Position").
    pub job_title: Option<String>,
    /// Role or profession (vCard `ROLE`, Outlook "Profession").
    pub role: Option<String>,
    /// Email addresses, in file order, without a `mailto:` prefix.
    pub emails: Vec<String>,
    /// Phone numbers as written, in file order, without a `tel:` prefix.
    pub phones: Vec<String>,
    /// Postal addresses, in file order.
    pub addresses: Vec<PostalAddressDraft>,
    /// Web sites and profile URLs.
    pub websites: Vec<String>,
    /// Free text notes; several `NOTE` properties are joined with a blank line.
    pub notes: Option<String>,
    /// Birthday, when the file gives a full date with a year.
    pub birthday: Option<NaiveDate>,
    /// Categories, tags, labels, groups.
    pub categories: Vec<String>,
    /// The file's own identifier for this contact (vCard `UID`).
    pub uid: Option<String>,
    /// vCard `RELATED` values (URIs or text).
    pub related: Vec<String>,
    /// vCard `MEMBER` values (for group and organisation cards).
    pub members: Vec<String>,
    /// Size in bytes of an embedded photo, when the file has one (photos are not kept yet).
    pub photo_bytes: Option<usize>,
    /// Everything else, name to value, in file order: `X-` properties, unmodelled properties
    /// (`NICKNAME` is modelled, `GEO` is not), a second `ORG` or `TITLE`, a birthday without a
    /// year, unmapped CSV columns. Grouped vCard properties keep their group (`item1.X-ABLabel`).
    pub extra: Vec<(String, String)>,
    /// The 1-based line where this contact starts in the file.
    pub source_line: usize,
}

impl ContactDraft {
    /// The first extra value with this name (compared without regard to ASCII case).
    pub fn extra_value(&self, name: &str) -> Option<&str> {
        self.extra
            .iter()
            .find(|(extra_name, _)| extra_name.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}
