//! Who took part in a meeting or an e-mail: an address and the name written beside it.
//!
//! Why a module of its own: both readers (iCalendar `ORGANIZER`/`ATTENDEE` and e-mail `From`/`To`/
//! `Cc`) meet the same habits of real mail clients, and `kring-core` matches what they yield to
//! cards. Outlook writes names as "Surname, Given name" (`CN="Peeters, Jan"`), often puts the
//! address itself where the name goes (`CN=jan.peeters@port.be`), wraps names in single quotes,
//! and adds a department in brackets ("Dubois, Marie (Departement Omgeving)"). A [`Mailbox`]
//! holds the name in reading order ("Jan Peeters") with its parts when the writer made them clear,
//! so a card created from it gets the right given and family name.

use serde::{Deserialize, Serialize};

/// One address with the name written beside it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mailbox {
    /// The address as written, trimmed, without `mailto:`. Always holds one `@` with text on
    /// both sides and no white space.
    pub address: String,
    /// The name in reading order ("Jan Peeters" for "Peeters, Jan"), without quotes, brackets or
    /// a repeated address; `None` when the writer gave none.
    pub name: Option<String>,
    /// The given name, when the name was written "Surname, Given name".
    pub given_name: Option<String>,
    /// The family name, when the name was written "Surname, Given name".
    pub family_name: Option<String>,
}

/// What part a person played in a meeting or an e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    /// Called the meeting (`ORGANIZER`).
    Organiser,
    /// Invited to the meeting (`ATTENDEE`, any role but optional).
    Attendee,
    /// Invited as optional (`ROLE=OPT-PARTICIPANT`).
    Optional,
    /// Sent the e-mail (`From`).
    From,
    /// Received it (`To`).
    To,
    /// Received a copy (`Cc`).
    Cc,
    /// Received a blind copy (`Bcc`, present in saved sent mail).
    Bcc,
}

/// A person in a meeting or an e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub mailbox: Mailbox,
    pub role: ParticipantRole,
    /// The attendee declined the invitation (`PARTSTAT=DECLINED`): they were asked, not there.
    pub declined: bool,
}

impl Mailbox {
    /// A mailbox from an address and a name as a reader found them. `None` when the address is
    /// not one (no `@`, nothing on one side, white space inside).
    pub fn parse(address: &str, name: Option<&str>) -> Option<Mailbox> {
        let address = clean_address(address)?;
        let mut mailbox = Mailbox {
            address,
            ..Mailbox::default()
        };
        if let Some(name) = name {
            mailbox.set_name(name);
        }
        Some(mailbox)
    }

    fn set_name(&mut self, written: &str) {
        let mut name = strip_quotes(written.trim()).trim().to_owned();
        // "Dubois, Marie (Departement Omgeving)": the bracketed part is not the name.
        if let Some(open) = name.rfind(['(', '[']) {
            if open > 0 && (name.ends_with(')') || name.ends_with(']')) {
                name.truncate(open);
                name = name.trim().to_owned();
            }
        }
        let name = strip_quotes(&name).trim().to_owned();
        if name.is_empty()
            || name.contains('@') && clean_address(&name).is_some()
            || name.eq_ignore_ascii_case(&self.address)
        {
            return;
        }
        if let Some((family, given)) = name.split_once(',') {
            let (family, given) = (family.trim(), given.trim());
            // One comma between two names; "Port of Antwerp, Legal, Jan" is left as written.
            if !family.is_empty() && !given.is_empty() && !given.contains(',') {
                self.name = Some(format!("{given} {family}"));
                self.given_name = Some(given.to_owned());
                self.family_name = Some(family.to_owned());
                return;
            }
        }
        self.name = Some(name);
    }

    /// The part of the address after the `@`, in lower case.
    pub fn domain(&self) -> String {
        self.address
            .rsplit_once('@')
            .map(|(_, domain)| domain.to_lowercase())
            .unwrap_or_default()
    }
}

fn strip_quotes(text: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = text
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner;
        }
    }
    text
}

/// An address as compared by people: trimmed, without `mailto:` and angle brackets.
fn clean_address(text: &str) -> Option<String> {
    let mut address = text.trim();
    // `get`, not indexing: byte 7 may fall inside a character ("ééééé@x.be").
    if address
        .get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"))
    {
        address = address[7..].trim();
    }
    let address = address
        .strip_prefix('<')
        .and_then(|a| a.strip_suffix('>'))
        .unwrap_or(address)
        .trim();
    // A mailto URI may carry headers ("mailto:a@b.be?subject=…"): the address ends before them.
    let address = address.split('?').next().unwrap_or_default();
    let (local, domain) = address.rsplit_once('@')?;
    let valid = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !address.chars().any(|c| c.is_whitespace() || c.is_control())
        && !local.contains(['<', '>', ',', ';'])
        && !domain.contains(['<', '>', ',', ';', '@']);
    valid.then(|| address.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_comma_given_name_is_read_in_reading_order_with_its_parts() {
        let mailbox = Mailbox::parse(
            "MAILTO:marie.dubois@vlaanderen.be",
            Some("\"Dubois, Marie\""),
        )
        .unwrap();
        assert_eq!(mailbox.address, "marie.dubois@vlaanderen.be");
        assert_eq!(mailbox.name.as_deref(), Some("Marie Dubois"));
        assert_eq!(mailbox.family_name.as_deref(), Some("Dubois"));
        assert_eq!(mailbox.given_name.as_deref(), Some("Marie"));
        assert_eq!(mailbox.domain(), "vlaanderen.be");
    }

    #[test]
    fn a_department_in_brackets_and_single_quotes_are_not_part_of_the_name() {
        let mailbox = Mailbox::parse(
            "a@b.be",
            Some("'Van den Broeck, Els (Departement Omgeving)'"),
        )
        .unwrap();
        assert_eq!(mailbox.name.as_deref(), Some("Els Van den Broeck"));
        assert_eq!(mailbox.family_name.as_deref(), Some("Van den Broeck"));
    }

    #[test]
    fn an_address_written_as_the_name_gives_no_name() {
        for name in ["jan@port.be", "'JAN@PORT.BE'", "", "  "] {
            let mailbox = Mailbox::parse("<jan@port.be>", Some(name)).unwrap();
            assert_eq!(mailbox.name, None, "{name:?} is no name");
        }
    }

    #[test]
    fn things_that_are_not_addresses_are_refused() {
        for text in [
            "",
            "jan",
            "@port.be",
            "jan@",
            "jan@port",
            "jan @port.be",
            "invalid:nomail",
            "jan@port.be.",
        ] {
            assert_eq!(Mailbox::parse(text, None), None, "{text:?}");
        }
        // Found by the property test: the seventh byte inside a two-byte character.
        assert_eq!(
            Mailbox::parse("ééééé@port.be", None).unwrap().address,
            "ééééé@port.be"
        );
        assert_eq!(
            Mailbox::parse("mailto:jan@port.be?subject=hi", None)
                .unwrap()
                .address,
            "jan@port.be"
        );
    }
}
