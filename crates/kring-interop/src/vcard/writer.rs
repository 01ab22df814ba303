//! vCard 4.0 export (RFC 6350).
//!
//! Escaping: every modelled value, URIs included, is escaped as TEXT (`\,` `\;` `\\` `\n`),
//! because most readers (Apple, Google, Python's vobject) split and unescape every value alike;
//! an unescaped comma in a URL cuts it in two for them. Values kept in `extra` escape only
//! backslashes and line breaks, since their commas and semicolons may be structure (a second
//! `ORG`, a `GEO` URI) that must survive as written.
//!
//! Why 4.0 only: it is the current standard, always UTF-8, has `KIND:org` for organisations,
//! `RELATED` and `MEMBER`, and every address book still in use reads it. The writer is the exact
//! inverse of the reader for every modelled field (a property test holds it to that), so a
//! networker's export read back by a colleague gives the same drafts.

use super::property::encode_caret;
use crate::contact::{ContactDraft, ContactKind, PostalAddressDraft};
use crate::text::{escape_minimal, escape_text, push_folded_line};

/// The product identifier written into every card.
pub const VCARD_PRODUCT_ID: &str = "-//Kring//Kring interop//EN";

/// Writes the drafts as vCard 4.0: CRLF line endings, lines folded at 75 octets, text escaped.
///
/// Every modelled field is written; `extra` entries are written back as properties of their own
/// (names are sanitised to letters, digits and hyphens); `photo_bytes` and `source_line` describe
/// the source file and are not written.
pub fn write_vcards(contacts: &[ContactDraft]) -> String {
    let mut output = String::new();
    for contact in contacts {
        write_card(&mut output, contact);
    }
    output
}

fn write_card(output: &mut String, contact: &ContactDraft) {
    let mut line = |text: String| push_folded_line(output, &text);
    line("BEGIN:VCARD".to_owned());
    line("VERSION:4.0".to_owned());
    line(format!("PRODID:{VCARD_PRODUCT_ID}"));
    // Always explicit, so a reader never has to guess a person from an organisation.
    line(match contact.kind {
        ContactKind::Person => "KIND:individual".to_owned(),
        ContactKind::Organisation => "KIND:org".to_owned(),
    });
    if let Some(uid) = &contact.uid {
        line(format!("UID:{}", escape_text(uid)));
    }
    line(format!("FN:{}", escape_text(&contact.display_name)));
    let name_components = [
        &contact.family_name,
        &contact.given_name,
        &contact.additional_names,
        &contact.honorific,
        &contact.honorific_suffix,
    ];
    if name_components.iter().any(|component| component.is_some()) {
        line(format!("N:{}", structured(name_components)));
    }
    if !contact.nicknames.is_empty() {
        line(format!("NICKNAME:{}", list(&contact.nicknames)));
    }
    if contact.organisation.is_some() || !contact.organisation_units.is_empty() {
        let mut components = vec![escape_text(
            contact.organisation.as_deref().unwrap_or_default(),
        )];
        components.extend(
            contact
                .organisation_units
                .iter()
                .map(|unit| escape_text(unit)),
        );
        line(format!("ORG:{}", components.join(";")));
    }
    if let Some(title) = &contact.job_title {
        line(format!("TITLE:{}", escape_text(title)));
    }
    if let Some(role) = &contact.role {
        line(format!("ROLE:{}", escape_text(role)));
    }
    for email in &contact.emails {
        line(format!("EMAIL:{}", escape_text(email)));
    }
    for phone in &contact.phones {
        line(format!("TEL:{}", escape_text(phone)));
    }
    for address in &contact.addresses {
        line(address_line(address));
    }
    for website in &contact.websites {
        line(format!("URL:{}", escape_text(website)));
    }
    if let Some(notes) = &contact.notes {
        line(format!("NOTE:{}", escape_text(notes)));
    }
    if let Some(birthday) = contact.birthday {
        let formatted = birthday.format("%Y%m%d").to_string();
        if formatted.len() == 8 {
            line(format!("BDAY:{formatted}"));
        } else {
            // Years outside 0000-9999 have no vCard form; keep them as text.
            line(format!(
                "BDAY;VALUE=text:{}",
                escape_text(&birthday.to_string())
            ));
        }
    }
    if !contact.categories.is_empty() {
        line(format!("CATEGORIES:{}", list(&contact.categories)));
    }
    for related in &contact.related {
        if looks_like_uri(related) {
            line(format!("RELATED:{}", escape_text(related)));
        } else {
            line(format!("RELATED;VALUE=text:{}", escape_text(related)));
        }
    }
    for member in &contact.members {
        line(format!("MEMBER:{}", escape_text(member)));
    }
    for (name, value) in &contact.extra {
        line(format!(
            "{}:{}",
            extra_property_name(name),
            escape_minimal(value)
        ));
    }
    line("END:VCARD".to_owned());
}

fn structured(components: [&Option<String>; 5]) -> String {
    components
        .iter()
        .map(|component| escape_text(component.as_deref().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join(";")
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| escape_text(item))
        .collect::<Vec<_>>()
        .join(",")
}

fn address_line(address: &PostalAddressDraft) -> String {
    let components = [
        &address.post_office_box,
        &address.extended_address,
        &address.street,
        &address.locality,
        &address.region,
        &address.postal_code,
        &address.country,
    ]
    .iter()
    .map(|component| escape_text(component.as_deref().unwrap_or_default()))
    .collect::<Vec<_>>()
    .join(";");
    match &address.label {
        Some(label) => format!("ADR;LABEL=\"{}\":{components}", encode_caret(label)),
        None => format!("ADR:{components}"),
    }
}

/// `scheme:rest` with a scheme of letters, digits, `+`, `-`, `.` starting with a letter.
fn looks_like_uri(value: &str) -> bool {
    match value.split_once(':') {
        Some((scheme, rest)) => {
            !rest.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|first| first.is_ascii_alphabetic())
                && scheme.chars().all(|character| {
                    character.is_ascii_alphanumeric() || matches!(character, '+' | '-' | '.')
                })
        }
        None => false,
    }
}

/// A safe property name for an `extra` entry: `group.NAME` with letters, digits and hyphens;
/// names that would break the card's structure get an `X-KRING-` prefix.
fn extra_property_name(name: &str) -> String {
    let clean = |part: &str| -> String {
        part.chars()
            .map(|character| {
                if character.is_ascii_alphanumeric() || character == '-' {
                    character
                } else {
                    '-'
                }
            })
            .collect()
    };
    let (group, bare) = match name.split_once('.') {
        Some((group, bare)) if !group.is_empty() && !bare.is_empty() => {
            (Some(clean(group)), clean(bare))
        }
        _ => (None, clean(name)),
    };
    let bare = if bare.is_empty() {
        "X-KRING-EXTRA".to_owned()
    } else if ["BEGIN", "END", "VERSION", "PRODID", "PROFILE"]
        .iter()
        .any(|reserved| bare.eq_ignore_ascii_case(reserved))
    {
        format!("X-KRING-{bare}")
    } else {
        bare
    };
    match group {
        Some(group) => format!("{group}.{bare}"),
        None => bare,
    }
}
