//! From content lines to [`ContactDraft`]s, one card at a time.
//!
//! Why an iterator: an organisation's address book can be tens of thousands of cards. Cards are
//! read one by one from a single pass over the bytes, so memory holds one card's properties at a
//! time (plus the drafts the caller keeps) and a progress bar can follow along.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE};

use super::lines::{next_content_line, shorten, PhysicalLines};
use super::property::{
    decode_base64, decode_caret, split_escaped, unescape, ContentLine, TransferEncoding,
};
use crate::contact::{ContactDraft, ContactKind, PostalAddressDraft};
use crate::dates::{parse_date, DateOrder, ParsedDate};
use crate::error::InteropError;
use crate::text::{non_empty, normalise_line_breaks};

/// The vCard versions this reader knows the rules of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V2_1,
    V3_0,
    V4_0,
}

/// Reads every card of a vCard file (2.1, 3.0 or 4.0; several cards per file).
///
/// A file with no card at all is refused, as is any structural damage; the error names the line.
pub fn read_vcards(bytes: &[u8]) -> Result<Vec<ContactDraft>, InteropError> {
    read_vcards_with_progress(bytes, &mut |_, _| {})
}

/// Like [`read_vcards`], calling `progress(bytes_done, bytes_total)` after each card, measured
/// in bytes of the input.
pub fn read_vcards_with_progress(
    bytes: &[u8],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Vec<ContactDraft>, InteropError> {
    let mut reader = VcardReader::new(bytes);
    let mut contacts = Vec::new();
    while let Some(contact) = reader.next() {
        contacts.push(contact?);
        progress(reader.bytes_done(), bytes.len());
    }
    if contacts.is_empty() {
        return Err(InteropError::malformed(
            1,
            "no vCard found: the file has no BEGIN:VCARD line",
        ));
    }
    Ok(contacts)
}

/// An iterator over the cards of a vCard file, yielding one [`ContactDraft`] per card. After the
/// first error it yields nothing more.
#[derive(Debug, Clone)]
pub struct VcardReader<'a> {
    text: Cow<'a, [u8]>,
    input_length: usize,
    lines: PhysicalLines,
    finished: bool,
}

impl<'a> VcardReader<'a> {
    /// Starts reading. UTF-16 files (with a byte-order mark, or recognisable by their
    /// `B\0E\0G\0I\0N` start) are converted to UTF-8 first; a UTF-8 byte-order mark is skipped.
    pub fn new(bytes: &'a [u8]) -> Self {
        let text: Cow<'a, [u8]> =
            if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(b"B\0E\0") {
                Cow::Owned(
                    UTF_16LE
                        .decode_with_bom_removal(bytes)
                        .0
                        .into_owned()
                        .into_bytes(),
                )
            } else if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(b"\0B\0E") {
                Cow::Owned(
                    UTF_16BE
                        .decode_with_bom_removal(bytes)
                        .0
                        .into_owned()
                        .into_bytes(),
                )
            } else {
                Cow::Borrowed(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
            };
        let lines = PhysicalLines::new(&text);
        Self {
            text,
            input_length: bytes.len(),
            lines,
            finished: false,
        }
    }

    /// How far reading has come, in bytes of the input.
    pub fn bytes_done(&self) -> usize {
        let done = self.lines.position();
        let total = self.text.len();
        if total == 0 || total == self.input_length {
            return done.min(self.input_length);
        }
        let scaled = (done as u128 * self.input_length as u128) / total as u128;
        usize::try_from(scaled)
            .unwrap_or(self.input_length)
            .min(self.input_length)
    }

    fn next_card(&mut self) -> Option<Result<ContactDraft, InteropError>> {
        let begin = match next_content_line(&mut self.lines, &self.text)? {
            Ok(line) => line,
            Err(error) => return Some(Err(error)),
        };
        if !(begin.upper_name == "BEGIN" && value_is(&begin, "VCARD")) {
            return Some(Err(InteropError::malformed(
                begin.line,
                format!(
                    "expected BEGIN:VCARD but found {}: there is text outside a vCard",
                    shorten(&describe(&begin))
                ),
            )));
        }
        let mut properties: Vec<ContentLine> = Vec::new();
        loop {
            let Some(next) = next_content_line(&mut self.lines, &self.text) else {
                return Some(Err(InteropError::malformed(
                    self.lines.last_number().max(begin.line),
                    format!(
                        "the file ends inside the vCard that begins on line {} (END:VCARD is missing; is the file truncated?)",
                        begin.line
                    ),
                )));
            };
            let property = match next {
                Ok(property) => property,
                Err(error) => return Some(Err(error)),
            };
            match property.upper_name.as_str() {
                "END" if value_is(&property, "VCARD") => {
                    return Some(build_contact(begin.line, &properties));
                }
                "END" => {
                    return Some(Err(InteropError::malformed(
                        property.line,
                        format!(
                            "{} does not close the vCard that begins on line {} (expected END:VCARD)",
                            shorten(&describe(&property)),
                            begin.line
                        ),
                    )));
                }
                "BEGIN" if value_is(&property, "VCARD") => {
                    let after_agent = properties
                        .last()
                        .is_some_and(|last| last.upper_name == "AGENT" && last.is_empty());
                    if !after_agent {
                        return Some(Err(InteropError::malformed(
                            property.line,
                            format!(
                                "BEGIN:VCARD inside the vCard that begins on line {}: that card's END:VCARD is missing",
                                begin.line
                            ),
                        )));
                    }
                    // vCard 2.1 AGENT embeds a whole card; keep a note of it, not its content.
                    if let Err(error) = self.skip_embedded_card(property.line) {
                        return Some(Err(error));
                    }
                    if let Some(agent) = properties.last_mut() {
                        agent.value =
                            format!("(embedded vCard at line {})", property.line).into_bytes();
                    }
                }
                _ => properties.push(property),
            }
        }
    }

    fn skip_embedded_card(&mut self, begin_line: usize) -> Result<(), InteropError> {
        let mut depth = 1usize;
        while depth > 0 {
            let Some(property) = next_content_line(&mut self.lines, &self.text) else {
                return Err(InteropError::malformed(
                    self.lines.last_number(),
                    format!(
                        "the file ends inside the embedded vCard that begins on line {begin_line}"
                    ),
                ));
            };
            let property = property?;
            if value_is(&property, "VCARD") {
                match property.upper_name.as_str() {
                    "BEGIN" => depth += 1,
                    "END" => depth -= 1,
                    _ => {}
                }
            }
        }
        Ok(())
    }
}

impl Iterator for VcardReader<'_> {
    type Item = Result<ContactDraft, InteropError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let item = self.next_card();
        if !matches!(item, Some(Ok(_))) {
            self.finished = true;
        }
        item
    }
}

fn value_is(property: &ContentLine, expected: &str) -> bool {
    property
        .value
        .trim_ascii()
        .eq_ignore_ascii_case(expected.as_bytes())
}

fn describe(property: &ContentLine) -> String {
    format!(
        "{}:{}",
        property.name,
        String::from_utf8_lossy(&property.value)
    )
}

/// A 2.1/3.0 `LABEL` property waiting to be matched to its `ADR`.
struct PendingLabel {
    group: Option<String>,
    types: Vec<String>,
    text: String,
}

/// What we remember about each address to match labels to it.
struct AddressOrigin {
    group: Option<String>,
    types: Vec<String>,
}

/// Builds a draft from the properties of one card.
fn build_contact(
    begin_line: usize,
    properties: &[ContentLine],
) -> Result<ContactDraft, InteropError> {
    let version = properties
        .iter()
        .find(|property| property.upper_name == "VERSION")
        .map(|property| match property.value.trim_ascii() {
            b"2.1" => Version::V2_1,
            b"4.0" => Version::V4_0,
            _ => Version::V3_0,
        })
        .unwrap_or(Version::V3_0);
    let mut builder = CardBuilder {
        version,
        draft: ContactDraft {
            source_line: begin_line,
            ..ContactDraft::default()
        },
        formatted_name: None,
        structured_name_seen: false,
        explicit_kind: None,
        notes: Vec::new(),
        labels: Vec::new(),
        address_origins: Vec::new(),
    };
    for property in properties {
        builder.add(property)?;
    }
    Ok(builder.finish())
}

struct CardBuilder {
    version: Version,
    draft: ContactDraft,
    formatted_name: Option<String>,
    structured_name_seen: bool,
    explicit_kind: Option<ContactKind>,
    notes: Vec<String>,
    labels: Vec<PendingLabel>,
    address_origins: Vec<AddressOrigin>,
}

impl CardBuilder {
    fn add(&mut self, property: &ContentLine) -> Result<(), InteropError> {
        match property.upper_name.as_str() {
            // Properties about the file, not the contact (PROFILE:VCARD is vCard 3.0's header).
            "VERSION" | "PRODID" | "PROFILE" => {}
            "FN" => {
                let text = text_value(property)?;
                match (&self.formatted_name, non_empty(&text)) {
                    (None, Some(name)) => self.formatted_name = Some(name),
                    (Some(_), Some(_)) => self.keep_extra(property, &text),
                    _ => {}
                }
            }
            "N" if !self.structured_name_seen => {
                self.structured_name_seen = true;
                let [family, given, additional, prefix, suffix] = structured_value(property)?;
                self.draft.family_name = family;
                self.draft.given_name = given;
                self.draft.additional_names = additional;
                self.draft.honorific = prefix;
                self.draft.honorific_suffix = suffix;
            }
            "NICKNAME" => self.draft.nicknames.extend(list_value(property)?),
            "ORG"
                if self.draft.organisation.is_none()
                    && self.draft.organisation_units.is_empty() =>
            {
                let raw = property.raw_text()?;
                let mut components = split_escaped(&raw, ';')
                    .into_iter()
                    .map(|component| non_empty(&normalise_line_breaks(&unescape(component))));
                self.draft.organisation = components.next().flatten();
                self.draft.organisation_units = components.flatten().collect();
            }
            "TITLE" if self.draft.job_title.is_none() => {
                self.draft.job_title = non_empty(&text_value(property)?);
            }
            "ROLE" if self.draft.role.is_none() => {
                self.draft.role = non_empty(&text_value(property)?);
            }
            "EMAIL" => {
                let text = text_value(property)?;
                let address = strip_scheme(text.trim(), "mailto:");
                if let Some(address) = non_empty(address) {
                    self.draft.emails.push(address);
                }
            }
            "TEL" => {
                let text = text_value(property)?;
                if let Some(number) = non_empty(strip_scheme(text.trim(), "tel:")) {
                    self.draft.phones.push(number);
                }
            }
            "ADR" => self.add_address(property)?,
            "LABEL" => {
                if let Some(text) = non_empty(&text_value(property)?) {
                    self.labels.push(PendingLabel {
                        group: property.group.clone(),
                        types: property.types(),
                        text,
                    });
                }
            }
            "URL" => {
                if let Some(url) = non_empty(&text_value(property)?) {
                    self.draft.websites.push(url);
                }
            }
            "NOTE" => {
                if let Some(note) = non_empty(&text_value(property)?) {
                    self.notes.push(note);
                }
            }
            "BDAY" => self.add_birthday(property)?,
            "CATEGORIES" => self.draft.categories.extend(list_value(property)?),
            "UID" if self.draft.uid.is_none() => self.draft.uid = non_empty(&text_value(property)?),
            "KIND" => {
                let text = text_value(property)?;
                match text.trim().to_ascii_lowercase().as_str() {
                    "org" | "organization" | "organisation" => {
                        self.explicit_kind = Some(ContactKind::Organisation)
                    }
                    "individual" => self.explicit_kind = Some(ContactKind::Person),
                    _ => self.keep_extra(property, &text),
                }
            }
            "X-ABSHOWAS" => {
                let text = text_value(property)?;
                match text.trim().to_ascii_uppercase().as_str() {
                    "COMPANY" => self.explicit_kind = Some(ContactKind::Organisation),
                    "PERSON" => self.explicit_kind = Some(ContactKind::Person),
                    _ => self.keep_extra(property, &text),
                }
            }
            "RELATED" => {
                if let Some(related) = non_empty(&text_value(property)?) {
                    self.draft.related.push(related);
                }
            }
            "MEMBER" => {
                if let Some(member) = non_empty(&text_value(property)?) {
                    self.draft.members.push(member);
                }
            }
            "PHOTO" => self.add_photo(property)?,
            _ => self.add_unmodelled(property)?,
        }
        Ok(())
    }

    fn add_address(&mut self, property: &ContentLine) -> Result<(), InteropError> {
        let [post_office_box, extended_address, street, locality, region, postal_code, country] =
            structured_value(property)?;
        let label = property.parameter("LABEL").and_then(|label| {
            let label = if self.version == Version::V4_0 {
                decode_caret(label)
            } else {
                label.to_owned()
            };
            non_empty(&normalise_line_breaks(&label))
        });
        let mut address = PostalAddressDraft {
            post_office_box,
            extended_address,
            street,
            locality,
            region,
            postal_code,
            country,
            label,
        };
        // Gmail's 3.0 export puts the whole free-form address in the extended-address component
        // and leaves the others empty: that is the formatted address, not a suite or floor.
        // (Not applied to 4.0, so Kring's own exports read back exactly as written.)
        let only_extended = PostalAddressDraft {
            extended_address: address.extended_address.clone(),
            ..PostalAddressDraft::default()
        };
        if self.version != Version::V4_0
            && address.extended_address.is_some()
            && address == only_extended
        {
            address.label = address.extended_address.take();
        }
        if !address.is_empty() {
            self.draft.addresses.push(address);
            self.address_origins.push(AddressOrigin {
                group: property.group.clone(),
                types: property.types(),
            });
        }
        Ok(())
    }

    fn add_birthday(&mut self, property: &ContentLine) -> Result<(), InteropError> {
        let text = text_value(property)?;
        let Some(trimmed) = non_empty(&text) else {
            return Ok(());
        };
        // Apple writes "no year" as a made-up year named in X-APPLE-OMIT-YEAR.
        let omitted_year = property
            .parameter("X-APPLE-OMIT-YEAR")
            .filter(|year| trimmed.starts_with(year));
        let parsed = if omitted_year.is_some() {
            ParsedDate::Incomplete
        } else {
            parse_date(&trimmed, DateOrder::DayFirst)
        };
        match parsed {
            ParsedDate::Full(date) if self.draft.birthday.is_none() => {
                self.draft.birthday = Some(date)
            }
            // The same date again (vCard 4.0 ALTID alternatives) adds nothing.
            ParsedDate::Full(date) if self.draft.birthday == Some(date) => {}
            ParsedDate::Empty => {}
            _ => self.keep_extra(property, &trimmed),
        }
        Ok(())
    }

    fn add_photo(&mut self, property: &ContentLine) -> Result<(), InteropError> {
        if property.is_empty() {
            return Ok(());
        }
        if property.transfer_encoding() == TransferEncoding::Base64 {
            let size = property.binary()?.len();
            self.draft.photo_bytes.get_or_insert(size);
            return Ok(());
        }
        let text = text_value(property)?;
        let trimmed = text.trim();
        if let Some(data) = strip_prefix_ignore_case(trimmed, "data:") {
            let size = data_uri_size(data).map_err(|reason| {
                InteropError::undecodable(
                    property.line,
                    format!("PHOTO has an invalid data: URI: {reason}"),
                )
            })?;
            self.draft.photo_bytes.get_or_insert(size);
        } else {
            self.keep_extra(property, trimmed);
        }
        Ok(())
    }

    fn add_unmodelled(&mut self, property: &ContentLine) -> Result<(), InteropError> {
        if property.transfer_encoding() == TransferEncoding::Base64 {
            if property.is_empty() {
                return Ok(());
            }
            let compact: String = String::from_utf8_lossy(&property.value)
                .chars()
                .filter(|character| !character.is_ascii_whitespace())
                .collect();
            // Check it decodes, so a broken file is reported rather than carried along.
            property.binary()?;
            let media_type = media_type_for(&property.types());
            self.keep_extra(property, &format!("data:{media_type};base64,{compact}"));
        } else {
            let text = text_value(property)?;
            self.keep_extra(property, &text);
        }
        Ok(())
    }

    fn keep_extra(&mut self, property: &ContentLine, value: &str) {
        if let Some(value) = non_empty(value) {
            self.draft.extra.push((property.extra_name(), value));
        }
    }

    fn finish(mut self) -> ContactDraft {
        self.match_labels();
        let draft = &mut self.draft;
        if !self.notes.is_empty() {
            draft.notes = Some(self.notes.join("\n\n"));
        }
        let has_person_name = draft.given_name.is_some()
            || draft.family_name.is_some()
            || draft.additional_names.is_some();
        draft.kind = self.explicit_kind.unwrap_or_else(|| {
            let named_after_organisation = match (&self.formatted_name, &draft.organisation) {
                (None, _) => true,
                (Some(formatted), Some(organisation)) => formatted == organisation,
                (Some(_), None) => false,
            };
            if !has_person_name && draft.organisation.is_some() && named_after_organisation {
                ContactKind::Organisation
            } else {
                ContactKind::Person
            }
        });
        let name_from_components = [
            &draft.honorific,
            &draft.given_name,
            &draft.additional_names,
            &draft.family_name,
            &draft.honorific_suffix,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
        draft.display_name = self
            .formatted_name
            .take()
            .or_else(|| non_empty(&name_from_components))
            .or_else(|| draft.organisation.clone())
            .or_else(|| draft.nicknames.first().cloned())
            .or_else(|| draft.emails.first().cloned())
            .or_else(|| draft.phones.first().cloned())
            .unwrap_or_default();
        self.draft
    }

    /// Attaches each 2.1/3.0 `LABEL` to the address it formats: same group, or same HOME/WORK
    /// type, or the only address without a label. Unmatched labels are kept in `extra`.
    fn match_labels(&mut self) {
        for label in std::mem::take(&mut self.labels) {
            let locations: Vec<&String> = label
                .types
                .iter()
                .filter(|kind| matches!(kind.as_str(), "HOME" | "WORK"))
                .collect();
            let free: Vec<usize> = (0..self.draft.addresses.len())
                .filter(|&index| self.draft.addresses[index].label.is_none())
                .collect();
            let matched = free
                .iter()
                .copied()
                .find(|&index| {
                    let origin = &self.address_origins[index];
                    let same_group = label.group.is_some() && origin.group == label.group;
                    let same_location = locations.iter().any(|kind| origin.types.contains(kind));
                    same_group || same_location
                })
                .or_else(|| {
                    (locations.is_empty() && label.group.is_none() && free.len() == 1)
                        .then(|| free[0])
                });
            match matched {
                Some(index) => self.draft.addresses[index].label = Some(label.text),
                None => {
                    let name = match &label.group {
                        Some(group) => format!("{group}.LABEL"),
                        None => "LABEL".to_owned(),
                    };
                    self.draft.extra.push((name, label.text));
                }
            }
        }
    }
}

/// The decoded, unescaped, line-break-normalised text of a property.
fn text_value(property: &ContentLine) -> Result<String, InteropError> {
    Ok(normalise_line_breaks(&unescape(&property.raw_text()?)))
}

/// The components of a structured value (`N`, `ADR`), exactly `COUNT` of them: missing ones are
/// `None`, surplus ones are joined onto the last so no text is lost.
fn structured_value<const COUNT: usize>(
    property: &ContentLine,
) -> Result<[Option<String>; COUNT], InteropError> {
    let raw = property.raw_text()?;
    let parts = split_escaped(&raw, ';');
    let mut components: [Option<String>; COUNT] = std::array::from_fn(|_| None);
    for (index, component) in components.iter_mut().enumerate() {
        let text = if index + 1 == COUNT {
            parts
                .get(index..)
                .map(|rest| rest.join(";"))
                .unwrap_or_default()
        } else {
            parts
                .get(index)
                .map(|part| (*part).to_owned())
                .unwrap_or_default()
        };
        *component = non_empty(&normalise_line_breaks(&unescape(&text)));
    }
    Ok(components)
}

/// The items of a comma-separated list value (`CATEGORIES`, `NICKNAME`); an escaped comma stays
/// inside its item.
fn list_value(property: &ContentLine) -> Result<Vec<String>, InteropError> {
    let raw = property.raw_text()?;
    Ok(split_escaped(&raw, ',')
        .into_iter()
        .filter_map(|item| non_empty(&normalise_line_breaks(&unescape(item))))
        .collect())
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn strip_scheme<'a>(text: &'a str, scheme: &str) -> &'a str {
    strip_prefix_ignore_case(text, scheme).unwrap_or(text)
}

/// Size of the data in a `data:` URI (RFC 2397), given what follows `data:`.
fn data_uri_size(data: &str) -> Result<usize, String> {
    let (metadata, payload) = data.split_once(',').ok_or("no comma before the data")?;
    if metadata.to_ascii_lowercase().ends_with(";base64") {
        decode_base64(payload.as_bytes()).map(|decoded| decoded.len())
    } else {
        // Percent-encoded data: each %XX is one byte.
        Ok(payload.len() - 2 * payload.matches('%').count().min(payload.len() / 3))
    }
}

/// A media type for the `TYPE` of an embedded 2.1/3.0 binary (`KEY;X509`, `LOGO;PNG`).
fn media_type_for(types: &[String]) -> &'static str {
    for kind in types {
        let media_type = match kind.as_str() {
            "JPEG" | "JPG" => "image/jpeg",
            "PNG" => "image/png",
            "GIF" => "image/gif",
            "BMP" => "image/bmp",
            "X509" => "application/pkix-cert",
            "PGP" => "application/pgp-keys",
            "WAVE" | "WAV" => "audio/wav",
            _ => continue,
        };
        return media_type;
    }
    "application/octet-stream"
}
