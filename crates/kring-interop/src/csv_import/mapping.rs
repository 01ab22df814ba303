//! Which CSV column goes where: presets for the exports people have, and a guess for the rest.
//!
//! Why presets: LinkedIn, Outlook and Google each export contacts with their own fixed headers,
//! and some headers mean different things in each (Outlook's "Title" is "Mr.", elsewhere it is a
//! job title). Recognising the export from its headers gives an exact mapping; any other CSV
//! (a colleague's Excel list with Dutch or French headers) gets a best guess from a table of
//! synonyms, which the user can correct by building a [`CsvMapping`] by hand. Columns nobody
//! recognises are kept, as `extra`, under their header.

use serde::{Deserialize, Serialize};

/// The exports Kring recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CsvPreset {
    /// LinkedIn's `Connections.csv`.
    LinkedIn,
    /// Outlook's "Export to a file > Comma Separated Values" (also Google's "Outlook CSV").
    Outlook,
    /// Google Contacts' "Google CSV", both the current and the legacy header layout.
    Google,
    /// Anything else: columns are guessed from their headers.
    Generic,
}

/// A part of a postal address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AddressPart {
    /// Post office box.
    PostOfficeBox,
    /// Suite, floor, building.
    ExtendedAddress,
    /// Street line; several street columns of one address are joined with `\n`.
    Street,
    /// City.
    Locality,
    /// State, province or region.
    Region,
    /// Postal code.
    PostalCode,
    /// Country.
    Country,
    /// The whole address formatted for an envelope.
    Label,
}

/// Where the values of one column go.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CsvField {
    /// Not imported (type and label columns such as Google's "E-mail 1 - Label").
    Ignore,
    /// The full name as displayed.
    DisplayName,
    /// First name.
    GivenName,
    /// Middle name(s).
    AdditionalNames,
    /// Last name.
    FamilyName,
    /// "Mr.", "Dr.".
    Honorific,
    /// "Jr.", "PhD".
    HonorificSuffix,
    /// Nickname.
    Nickname,
    /// Company or organisation name.
    Organisation,
    /// Department.
    OrganisationUnit,
    /// Job title.
    JobTitle,
    /// Role or profession.
    Role,
    /// An email address (several per cell when separated by ` ::: `).
    Email,
    /// A phone number (several per cell when separated by ` ::: `).
    Phone,
    /// A web site or profile URL.
    Website,
    /// Notes.
    Notes,
    /// Birthday.
    Birthday,
    /// Categories, labels, groups (separated by ` ::: `, `;` or `,`).
    Categories,
    /// The source's identifier for the contact.
    Uid,
    /// A related person.
    Related,
    /// Part of postal address number `slot` (0-based) of the row.
    Address {
        /// Which address of the row (Outlook: 0 business, 1 home, 2 other).
        slot: u8,
        /// Which part of it.
        part: AddressPart,
    },
    /// Kept in `extra` under this name.
    Extra(String),
}

/// The target of every column, by column index.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CsvMapping {
    fields: Vec<CsvField>,
}

impl CsvMapping {
    /// A mapping from explicit targets, one per column; columns beyond the list are ignored.
    pub fn new(fields: Vec<CsvField>) -> Self {
        Self { fields }
    }

    /// The mapping a preset gives for these headers. Headers the preset does not know become
    /// [`CsvField::Extra`] with the header as name ("Column 3" for a column without a header).
    pub fn for_preset(preset: CsvPreset, headers: &[String]) -> Self {
        let fields = headers
            .iter()
            .enumerate()
            .map(|(column, header)| {
                let normalised = normalise_header(header);
                let field = match preset {
                    CsvPreset::LinkedIn => linkedin_field(&normalised),
                    CsvPreset::Outlook => outlook_field(&normalised),
                    CsvPreset::Google => google_field(&normalised),
                    CsvPreset::Generic => None,
                };
                field
                    .or_else(|| generic_field(&normalised))
                    .unwrap_or_else(|| {
                        let name = header.trim();
                        CsvField::Extra(if name.is_empty() {
                            format!("Column {}", column + 1)
                        } else {
                            name.to_owned()
                        })
                    })
            })
            .collect();
        Self { fields }
    }

    /// A best guess from the headers alone (the [`CsvPreset::Generic`] mapping).
    pub fn guess(headers: &[String]) -> Self {
        Self::for_preset(CsvPreset::Generic, headers)
    }

    /// The target of every column.
    pub fn fields(&self) -> &[CsvField] {
        &self.fields
    }

    /// The target of one column ([`CsvField::Ignore`] beyond the mapping).
    pub fn field(&self, column: usize) -> &CsvField {
        self.fields.get(column).unwrap_or(&CsvField::Ignore)
    }

    /// Sets the target of one column, growing the mapping with ignored columns if needed.
    pub fn set(&mut self, column: usize, field: CsvField) {
        if self.fields.len() <= column {
            self.fields.resize(column + 1, CsvField::Ignore);
        }
        self.fields[column] = field;
    }
}

/// Recognises an export from its headers.
pub fn detect_csv_preset(headers: &[String]) -> CsvPreset {
    let normalised: Vec<String> = headers
        .iter()
        .map(|header| normalise_header(header))
        .collect();
    let has = |wanted: &str| normalised.iter().any(|header| header == wanted);
    let has_prefix = |prefix: &str| normalised.iter().any(|header| header.starts_with(prefix));
    if has("first name") && has("last name") && has("connected on") {
        CsvPreset::LinkedIn
    } else if has("e-mail address")
        || has("e-mail 2 address")
        || has("business street")
        || (has("business phone") && has("mobile phone"))
    {
        CsvPreset::Outlook
    } else if (has("given name") && has("family name"))
        || has("group membership")
        || has_prefix("e-mail 1 - ")
        || has_prefix("phone 1 - ")
        || (has("organization name") && has("labels"))
    {
        CsvPreset::Google
    } else {
        CsvPreset::Generic
    }
}

/// Lower case, single spaces, no surrounding space.
pub(super) fn normalise_header(header: &str) -> String {
    header
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn linkedin_field(header: &str) -> Option<CsvField> {
    Some(match header {
        "first name" => CsvField::GivenName,
        "last name" => CsvField::FamilyName,
        "url" => CsvField::Website,
        "email address" => CsvField::Email,
        "company" => CsvField::Organisation,
        "position" => CsvField::JobTitle,
        _ => return None,
    })
}

fn outlook_field(header: &str) -> Option<CsvField> {
    let field = match header {
        "title" => CsvField::Honorific,
        "first name" => CsvField::GivenName,
        "middle name" => CsvField::AdditionalNames,
        "last name" => CsvField::FamilyName,
        "suffix" => CsvField::HonorificSuffix,
        "nickname" => CsvField::Nickname,
        "company" => CsvField::Organisation,
        "department" => CsvField::OrganisationUnit,
        "job title" => CsvField::JobTitle,
        "profession" => CsvField::Role,
        "e-mail address" | "e-mail 2 address" | "e-mail 3 address" => CsvField::Email,
        "e-mail type"
        | "e-mail display name"
        | "e-mail 2 type"
        | "e-mail 2 display name"
        | "e-mail 3 type"
        | "e-mail 3 display name" => CsvField::Ignore,
        "web page" | "personal web page" => CsvField::Website,
        "notes" => CsvField::Notes,
        "categories" => CsvField::Categories,
        "birthday" => CsvField::Birthday,
        "assistant's phone" | "business fax" | "business phone" | "business phone 2"
        | "callback" | "car phone" | "company main phone" | "home fax" | "home phone"
        | "home phone 2" | "isdn" | "mobile phone" | "other fax" | "other phone" | "pager"
        | "primary phone" | "radio phone" | "tty/tdd phone" | "telex" => CsvField::Phone,
        _ => return outlook_address_field(header),
    };
    Some(field)
}

/// "Business Street 2", "Home City", "Other Country/Region"...
fn outlook_address_field(header: &str) -> Option<CsvField> {
    let (slot, rest) = if let Some(rest) = header.strip_prefix("business ") {
        (0, rest)
    } else if let Some(rest) = header.strip_prefix("home ") {
        (1, rest)
    } else if let Some(rest) = header.strip_prefix("other ") {
        (2, rest)
    } else {
        return None;
    };
    let part = match rest {
        "street" | "street 2" | "street 3" => AddressPart::Street,
        "city" => AddressPart::Locality,
        "state" => AddressPart::Region,
        "postal code" => AddressPart::PostalCode,
        "country/region" | "country" => AddressPart::Country,
        "po box" | "p.o. box" | "address po box" => AddressPart::PostOfficeBox,
        _ => return None,
    };
    Some(CsvField::Address { slot, part })
}

fn google_field(header: &str) -> Option<CsvField> {
    let field = match header {
        "name" => CsvField::DisplayName,
        "first name" | "given name" => CsvField::GivenName,
        "middle name" | "additional name" => CsvField::AdditionalNames,
        "last name" | "family name" => CsvField::FamilyName,
        "name prefix" => CsvField::Honorific,
        "name suffix" => CsvField::HonorificSuffix,
        "nickname" => CsvField::Nickname,
        "organization name" => CsvField::Organisation,
        "organization title" => CsvField::JobTitle,
        "organization department" => CsvField::OrganisationUnit,
        "occupation" => CsvField::Role,
        "birthday" => CsvField::Birthday,
        "notes" => CsvField::Notes,
        "labels" | "group membership" => CsvField::Categories,
        _ => return google_numbered_field(header),
    };
    Some(field)
}

/// "E-mail 1 - Value", "Address 2 - City", "Organization 1 - Name"...
fn google_numbered_field(header: &str) -> Option<CsvField> {
    let (subject, attribute) = header.split_once(" - ")?;
    let (kind, number) = subject.rsplit_once(' ')?;
    let number: u8 = number.parse().ok()?;
    let field = match (kind, attribute) {
        (_, "type" | "label") => CsvField::Ignore,
        ("e-mail", "value") => CsvField::Email,
        ("phone", "value") => CsvField::Phone,
        ("website", "value") => CsvField::Website,
        ("relation", "value") => CsvField::Related,
        ("organization", "name") if number == 1 => CsvField::Organisation,
        ("organization", "title") if number == 1 => CsvField::JobTitle,
        ("organization", "department") if number == 1 => CsvField::OrganisationUnit,
        ("address", attribute) => {
            let part = match attribute {
                "formatted" => AddressPart::Label,
                "street" => AddressPart::Street,
                "city" => AddressPart::Locality,
                "po box" => AddressPart::PostOfficeBox,
                "region" => AddressPart::Region,
                "postal code" => AddressPart::PostalCode,
                "country" => AddressPart::Country,
                "extended address" => AddressPart::ExtendedAddress,
                _ => return None,
            };
            CsvField::Address {
                slot: number.saturating_sub(1),
                part,
            }
        }
        _ => return None,
    };
    Some(field)
}

/// Synonyms in English, Dutch, French and German, for any CSV.
fn generic_field(header: &str) -> Option<CsvField> {
    let folded = fold_header(header);
    let field = match folded.as_str() {
        "name" | "full name" | "display name" | "naam" | "volledige naam" | "weergavenaam"
        | "nom complet" | "contact" | "contact name" => CsvField::DisplayName,
        "first name" | "firstname" | "given name" | "forename" | "voornaam" | "prenom"
        | "vorname" => CsvField::GivenName,
        "middle name" | "middle names" | "additional name" | "tweede naam" => {
            CsvField::AdditionalNames
        }
        "last name" | "lastname" | "surname" | "family name" | "achternaam" | "familienaam"
        | "nom" | "nom de famille" | "nachname" => CsvField::FamilyName,
        "prefix" | "name prefix" | "salutation" | "aanspreektitel" | "aanspreking" | "civilite"
        | "anrede" => CsvField::Honorific,
        "suffix" | "name suffix" | "achtervoegsel" => CsvField::HonorificSuffix,
        "nickname" | "bijnaam" | "roepnaam" | "surnom" | "spitzname" => CsvField::Nickname,
        "company" | "company name" | "organisation" | "organization" | "organisation name"
        | "organization name" | "employer" | "bedrijf" | "bedrijfsnaam" | "organisatie"
        | "firma" | "werkgever" | "societe" | "entreprise" | "organisme" | "unternehmen" => {
            CsvField::Organisation
        }
        "department" | "afdeling" | "dienst" | "service" | "departement" | "abteilung" => {
            CsvField::OrganisationUnit
        }
        "title" | "job title" | "jobtitle" | "position" | "functie" | "functietitel"
        | "fonction" | "poste" | "titre" | "berufsbezeichnung" => CsvField::JobTitle,
        "role" | "rol" | "profession" | "beroep" | "metier" | "beruf" => CsvField::Role,
        "website" | "web site" | "web page" | "url" | "homepage" | "site web" | "site"
        | "webpagina" | "webseite" | "linkedin" | "profile url" => CsvField::Website,
        "notes" | "note" | "notities" | "notitie" | "opmerkingen" | "opmerking" | "remarques"
        | "commentaire" | "commentaires" | "comments" | "memo" | "notizen" => CsvField::Notes,
        "birthday" | "date of birth" | "birth date" | "verjaardag" | "geboortedatum"
        | "date de naissance" | "anniversaire" | "geburtstag" => CsvField::Birthday,
        "categories" | "category" | "tags" | "labels" | "groups" | "group" | "categorie"
        | "categorieen" | "groepen" | "groep" | "etiquettes" | "kategorien" => CsvField::Categories,
        "uid" => CsvField::Uid,
        "street" | "address" | "address line 1" | "address line 2" | "adres" | "straat"
        | "adresse" | "rue" | "strasse" => CsvField::Address {
            slot: 0,
            part: AddressPart::Street,
        },
        "city" | "town" | "gemeente" | "stad" | "woonplaats" | "plaats" | "ville" | "localite"
        | "stadt" | "ort" => CsvField::Address {
            slot: 0,
            part: AddressPart::Locality,
        },
        "state" | "province" | "region" | "provincie" | "regio" | "bundesland" => {
            CsvField::Address {
                slot: 0,
                part: AddressPart::Region,
            }
        }
        "zip" | "zip code" | "zipcode" | "postal code" | "postcode" | "code postal" | "plz"
        | "postleitzahl" => CsvField::Address {
            slot: 0,
            part: AddressPart::PostalCode,
        },
        "country" | "land" | "pays" => CsvField::Address {
            slot: 0,
            part: AddressPart::Country,
        },
        other => return fuzzy_field(other),
    };
    Some(field)
}

/// Email and phone columns come in endless variants ("Work e-mail", "GSM-nummer", "Téléphone
/// bureau"): recognise them by a word, unless the column describes a type or label instead.
fn fuzzy_field(folded: &str) -> Option<CsvField> {
    let words: Vec<&str> = folded.split(' ').collect();
    let describes = words
        .iter()
        .any(|word| matches!(*word, "type" | "label" | "display" | "phonetic"));
    if describes {
        return None;
    }
    let mentions = |stems: &[&str], exact: &[&str]| {
        words
            .iter()
            .any(|word| stems.iter().any(|stem| word.starts_with(stem)) || exact.contains(word))
    };
    if mentions(&["email", "mail", "courriel"], &[]) || folded.contains("e mail") {
        Some(CsvField::Email)
    } else if mentions(
        &[
            "phone",
            "telefoon",
            "telephone",
            "telefon",
            "mobile",
            "mobiel",
            "portable",
            "handy",
        ],
        &["tel", "gsm", "fax", "cell"],
    ) {
        Some(CsvField::Phone)
    } else {
        None
    }
}

/// Lower case without accents, with `-`, `_` and `.` as spaces: "E-mail_adres" and
/// "e mail adres" match alike, "Prénom" matches "prenom".
fn fold_header(header: &str) -> String {
    let replaced: String = header
        .chars()
        .map(|character| match character {
            '-' | '_' | '.' | ':' => ' ',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'à' | 'â' | 'ä' => 'a',
            'ç' => 'c',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ß' => 's',
            other => other,
        })
        .collect();
    normalise_header(&replaced).replace("strase", "strasse")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &str) -> Vec<String> {
        list.split(',').map(str::to_owned).collect()
    }

    #[test]
    fn each_export_is_recognised_from_its_headers() {
        let linkedin =
            headers("First Name,Last Name,URL,Email Address,Company,Position,Connected On");
        assert_eq!(detect_csv_preset(&linkedin), CsvPreset::LinkedIn);
        let outlook =
            headers("Title,First Name,Middle Name,Last Name,Suffix,Company,E-mail Address");
        assert_eq!(detect_csv_preset(&outlook), CsvPreset::Outlook);
        let google = headers("First Name,Last Name,Organization Name,E-mail 1 - Value,Labels");
        assert_eq!(detect_csv_preset(&google), CsvPreset::Google);
        let legacy = headers("Name,Given Name,Family Name,Group Membership,E-mail 1 - Type");
        assert_eq!(detect_csv_preset(&legacy), CsvPreset::Google);
        assert_eq!(
            detect_csv_preset(&headers("Voornaam,Achternaam,E-mail")),
            CsvPreset::Generic
        );
    }

    #[test]
    fn outlook_title_is_an_honorific_but_a_generic_title_is_a_job_title() {
        let columns = headers("Title,Job Title");
        let outlook = CsvMapping::for_preset(CsvPreset::Outlook, &columns);
        assert_eq!(outlook.fields(), [CsvField::Honorific, CsvField::JobTitle]);
        let generic = CsvMapping::guess(&columns);
        assert_eq!(generic.fields(), [CsvField::JobTitle, CsvField::JobTitle]);
    }

    #[test]
    fn dutch_and_french_headers_are_guessed() {
        let columns =
            headers("Voornaam,Achternaam,E-mailadres,GSM,Bedrijf,Prénom,Téléphone,Société");
        let mapping = CsvMapping::guess(&columns);
        assert_eq!(
            mapping.fields(),
            [
                CsvField::GivenName,
                CsvField::FamilyName,
                CsvField::Email,
                CsvField::Phone,
                CsvField::Organisation,
                CsvField::GivenName,
                CsvField::Phone,
                CsvField::Organisation,
            ]
        );
    }

    #[test]
    fn numbered_google_columns_map_to_slots_and_unknown_columns_to_extra() {
        let columns = headers("Address 2 - City,E-mail 3 - Label,Connected Since");
        let mapping = CsvMapping::for_preset(CsvPreset::Google, &columns);
        assert_eq!(
            mapping.fields(),
            [
                CsvField::Address {
                    slot: 1,
                    part: AddressPart::Locality
                },
                CsvField::Ignore,
                CsvField::Extra("Connected Since".to_owned()),
            ]
        );
    }

    #[test]
    fn a_mapping_can_be_built_by_hand() {
        let mut mapping = CsvMapping::new(vec![CsvField::DisplayName]);
        mapping.set(3, CsvField::Email);
        assert_eq!(mapping.field(3), &CsvField::Email);
        assert_eq!(mapping.field(2), &CsvField::Ignore);
        assert_eq!(mapping.field(99), &CsvField::Ignore);
    }
}
