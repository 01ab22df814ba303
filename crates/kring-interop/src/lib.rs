//! Kring interop: reading and writing the formats people already have.
//!
//! Why a crate of its own: a networker's relationships already live in phone address books,
//! Outlook, Google Contacts and LinkedIn. This crate turns those files into plain drafts
//! ([`ContactDraft`]) and writes drafts and reminders back out as vCard and iCalendar. It knows
//! nothing of the store: `kring-core` decides what a draft becomes (a new card, a merge, a
//! duplicate), which keeps every parser testable on bytes alone and keeps the store free of
//! format quirks.
//!
//! What it promises:
//! - **No panics on any input.** Every reader returns [`InteropError`] naming the line and the
//!   reason ("line 12: ..."); property tests feed random bytes and mutated real files.
//! - **Nothing silently dropped.** What a reader does not model is kept in
//!   [`ContactDraft::extra`].
//! - **Correct text.** Windows-1252, ISO-8859-1, UTF-16 and quoted-printable content comes out
//!   as UTF-8 with its accents intact.
//!
//! Modules: [`vcard`] (2.1/3.0/4.0 import, 4.0 export), [`csv_import`] (LinkedIn, Outlook,
//! Google and any other CSV), [`icalendar`] (follow-ups and events as VTODO/VEVENT),
//! [`interaction`] (meetings and e-mails to log: invitations and calendar exports, `.eml`
//! messages) with [`mailbox`] (addresses and the names beside them).
//!
//! ```
//! use kring_interop::{read_csv, read_vcards, write_vcards, ContactKind, CsvPreset};
//!
//! let card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dubois;Jean-Fran=C3=A7ois\r\n\
//!             EMAIL;INTERNET:jf.dubois@wallonie.be\r\nEND:VCARD\r\n";
//! let contacts = read_vcards(card.as_bytes())?;
//! assert_eq!(contacts[0].display_name, "Jean-François Dubois");
//! // The 4.0 export reads back as the same drafts.
//! assert_eq!(read_vcards(write_vcards(&contacts).as_bytes())?, contacts);
//!
//! let csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
//!            Sofie,Peeters,,,Port of Antwerp-Bruges,Stakeholder Manager,12 Mar 2021\n\
//!            ,,,,Stad Gent,,01 Feb 2022\n";
//! let import = read_csv(csv.as_bytes(), None, None)?;
//! assert_eq!(import.preset, CsvPreset::LinkedIn);
//! assert_eq!(import.contacts[0].organisation.as_deref(), Some("Port of Antwerp-Bruges"));
//! assert_eq!(import.contacts[1].kind, ContactKind::Organisation);
//!
//! let broken = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lieve\r\n";
//! let error = read_vcards(broken.as_bytes()).unwrap_err();
//! assert!(error.to_string().starts_with("line 3: the file ends inside the vCard"));
//! # Ok::<(), kring_interop::InteropError>(())
//! ```

mod calendar_reader;
pub mod contact;
pub mod csv_import;
mod dates;
pub mod error;
pub mod icalendar;
pub mod interaction;
mod mail_reader;
pub mod mailbox;
mod text;
pub mod vcard;

pub use contact::{ContactDraft, ContactKind, PostalAddressDraft};
pub use csv_import::{
    detect_csv_preset, read_csv, AddressPart, CsvField, CsvImport, CsvMapping, CsvPreset,
};
pub use error::InteropError;
pub use icalendar::{write_icalendar, CalendarItem, CalendarItemKind, CalendarMoment};
pub use interaction::{
    detect_capture_format, read_interactions, CaptureFormat, CaptureReadError, DraftKind,
    InteractionDraft, InteractionRead, ReadOptions, ReadWarning, ReadWarningCode,
};
pub use mailbox::{Mailbox, Participant, ParticipantRole};
pub use vcard::{read_vcards, read_vcards_with_progress, write_vcards, VcardReader};
