//! vCard: import of versions 2.1, 3.0 and 4.0 as real address books write them, export as 4.0.
//!
//! Why vCard first: it is what every phone, mail client and address book exports, so it is how
//! a networker's existing relationships get into Kring, and how they leave it again. Real exports
//! bend the standards (quoted-printable from Outlook and Android, `item1.` groups and
//! `X-ABShowAs` from Apple, base64 blocks without indentation from BlackBerry, CR CR LF line
//! endings from iOS), so the reader is lenient about those and strict about real damage: a
//! missing `END:VCARD`, a line without a colon or an invalid escape is an error with its line
//! number, never a silently half-read card.
//!
//! Layers, bottom up: `lines` turns bytes into content lines (unfolding, soft line breaks,
//! base64 blocks), `property` parses a content line and decodes its value, `reader` turns the
//! properties of a card into a [`crate::ContactDraft`], `writer` does the reverse.

mod lines;
mod property;
mod reader;
mod writer;

pub use reader::{read_vcards, read_vcards_with_progress, VcardReader};
pub use writer::{write_vcards, VCARD_PRODUCT_ID};
