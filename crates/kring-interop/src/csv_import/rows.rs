//! One CSV row to one [`ContactDraft`].
//!
//! Why a separate step: the same rules apply whatever the export once columns are mapped:
//! several columns can feed one list (Outlook's eighteen phone columns), one cell can hold
//! several values (Google's ` ::: `), several columns build one address, a row with a company
//! and no person's name is an organisation, and a cell nobody maps is kept in `extra`.

use std::collections::BTreeMap;

use super::mapping::{AddressPart, CsvField, CsvMapping, CsvPreset};
use crate::contact::{ContactDraft, ContactKind, PostalAddressDraft};
use crate::dates::{parse_date, DateOrder, ParsedDate};
use crate::text::{non_empty, normalise_line_breaks};

/// Google's separator between several values in one cell.
const MULTI_VALUE_SEPARATOR: &str = ":::";

/// Values Outlook writes into columns that were left empty.
const OUTLOOK_PLACEHOLDERS: [&str; 4] = ["0/0/00", "Unspecified", "Normal", "False"];

pub(super) struct RowContext<'a> {
    pub(super) mapping: &'a CsvMapping,
    pub(super) headers: &'a [String],
    pub(super) preset: CsvPreset,
    pub(super) date_order: DateOrder,
}

impl RowContext<'_> {
    /// The draft for one row, or `None` when the row has nothing in it.
    pub(super) fn build(&self, line: usize, record: &csv::StringRecord) -> Option<ContactDraft> {
        let mut draft = ContactDraft {
            source_line: line,
            ..ContactDraft::default()
        };
        let mut display_name = None;
        let mut notes: Vec<String> = Vec::new();
        let mut addresses: BTreeMap<u8, PostalAddressDraft> = BTreeMap::new();
        let mut has_content = false;
        for (column, cell) in record.iter().enumerate() {
            let Some(value) = non_empty(&normalise_line_breaks(cell)) else {
                continue;
            };
            has_content = true;
            let header = self.headers.get(column).map_or("", String::as_str);
            match self.mapping.field(column) {
                CsvField::Ignore => {}
                CsvField::DisplayName => {
                    set_or_keep(&mut display_name, value, header, &mut draft.extra)
                }
                CsvField::GivenName => {
                    set_or_keep(&mut draft.given_name, value, header, &mut draft.extra)
                }
                CsvField::AdditionalNames => {
                    set_or_keep(&mut draft.additional_names, value, header, &mut draft.extra)
                }
                CsvField::FamilyName => {
                    set_or_keep(&mut draft.family_name, value, header, &mut draft.extra)
                }
                CsvField::Honorific => {
                    set_or_keep(&mut draft.honorific, value, header, &mut draft.extra)
                }
                CsvField::HonorificSuffix => {
                    set_or_keep(&mut draft.honorific_suffix, value, header, &mut draft.extra)
                }
                CsvField::Organisation => {
                    set_or_keep(&mut draft.organisation, value, header, &mut draft.extra)
                }
                CsvField::JobTitle => {
                    set_or_keep(&mut draft.job_title, value, header, &mut draft.extra)
                }
                CsvField::Role => set_or_keep(&mut draft.role, value, header, &mut draft.extra),
                CsvField::Uid => set_or_keep(&mut draft.uid, value, header, &mut draft.extra),
                CsvField::Nickname => push_all(&mut draft.nicknames, split_values(&value)),
                CsvField::OrganisationUnit => push_all(&mut draft.organisation_units, vec![value]),
                CsvField::Email => {
                    for email in split_values(&value) {
                        if !draft
                            .emails
                            .iter()
                            .any(|known| known.eq_ignore_ascii_case(&email))
                        {
                            draft.emails.push(email);
                        }
                    }
                }
                CsvField::Phone => push_all(&mut draft.phones, split_values(&value)),
                CsvField::Website => push_all(&mut draft.websites, split_values(&value)),
                CsvField::Related => push_all(&mut draft.related, split_values(&value)),
                CsvField::Categories => push_all(&mut draft.categories, split_categories(&value)),
                CsvField::Notes => notes.push(value),
                CsvField::Birthday => match parse_date(&value, self.date_order) {
                    ParsedDate::Full(date) if draft.birthday.is_none() => {
                        draft.birthday = Some(date)
                    }
                    ParsedDate::Empty => {}
                    _ => draft.extra.push((header.to_owned(), value)),
                },
                CsvField::Address { slot, part } => {
                    add_address_part(addresses.entry(*slot).or_default(), *part, value)
                }
                CsvField::Extra(name) => {
                    let placeholder = self.preset == CsvPreset::Outlook
                        && OUTLOOK_PLACEHOLDERS.contains(&value.as_str());
                    if !placeholder {
                        draft.extra.push((name.clone(), value));
                    }
                }
            }
        }
        if !has_content {
            return None;
        }
        if !notes.is_empty() {
            draft.notes = Some(notes.join("\n\n"));
        }
        draft.addresses = addresses
            .into_values()
            .filter(|address| !address.is_empty())
            .collect();
        let has_person_name = display_name.is_some()
            || draft.given_name.is_some()
            || draft.family_name.is_some()
            || draft.additional_names.is_some();
        if !has_person_name && draft.organisation.is_some() {
            draft.kind = ContactKind::Organisation;
        }
        let name_from_parts = [
            &draft.given_name,
            &draft.additional_names,
            &draft.family_name,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
        draft.display_name = display_name
            .or_else(|| non_empty(&name_from_parts))
            .or_else(|| draft.organisation.clone())
            .or_else(|| draft.nicknames.first().cloned())
            .or_else(|| draft.emails.first().cloned())
            .or_else(|| draft.phones.first().cloned())
            .unwrap_or_default();
        Some(draft)
    }
}

/// Fills an empty single-valued field; a second value for it is kept in `extra`.
fn set_or_keep(
    slot: &mut Option<String>,
    value: String,
    header: &str,
    extra: &mut Vec<(String, String)>,
) {
    if slot.is_none() {
        *slot = Some(value);
    } else if slot.as_deref() != Some(value.as_str()) {
        extra.push((header.to_owned(), value));
    }
}

fn push_all(list: &mut Vec<String>, values: Vec<String>) {
    for value in values {
        if !list.contains(&value) {
            list.push(value);
        }
    }
}

/// Splits Google's `a ::: b` cells.
fn split_values(value: &str) -> Vec<String> {
    value
        .split(MULTI_VALUE_SEPARATOR)
        .filter_map(non_empty)
        .collect()
}

/// Categories are separated by ` ::: ` (Google), `;` (Outlook) or `,`. Google's system group
/// "My Contacts", which every contact has, is dropped; its `* ` marker for system groups too.
fn split_categories(value: &str) -> Vec<String> {
    value
        .split([';', ','])
        .flat_map(|part| part.split(MULTI_VALUE_SEPARATOR))
        .filter_map(|part| non_empty(part.trim().trim_start_matches("* ")))
        .filter(|category| {
            let folded = category.to_lowercase().replace(' ', "");
            folded != "mycontacts"
        })
        .collect()
}

fn add_address_part(address: &mut PostalAddressDraft, part: AddressPart, value: String) {
    let target = match part {
        AddressPart::PostOfficeBox => &mut address.post_office_box,
        AddressPart::ExtendedAddress => &mut address.extended_address,
        AddressPart::Street => &mut address.street,
        AddressPart::Locality => &mut address.locality,
        AddressPart::Region => &mut address.region,
        AddressPart::PostalCode => &mut address.postal_code,
        AddressPart::Country => &mut address.country,
        AddressPart::Label => &mut address.label,
    };
    match target {
        Some(existing) => {
            existing.push('\n');
            existing.push_str(&value);
        }
        None => *target = Some(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn google_multi_value_cells_are_split() {
        assert_eq!(split_values("a@x.be ::: b@x.be"), vec!["a@x.be", "b@x.be"]);
    }

    #[test]
    fn categories_split_on_every_separator_and_drop_my_contacts() {
        assert_eq!(
            split_categories("* myContacts ::: Partners ::: * starred"),
            vec!["Partners", "starred"]
        );
        assert_eq!(
            split_categories("Haven;Stad, Provincie"),
            vec!["Haven", "Stad", "Provincie"]
        );
    }
}
