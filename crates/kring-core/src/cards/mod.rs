//! Cards and what the screens show of them, above the storage engine: the views of a card (its
//! relationships, meetings, follow-ups, notes, conflicts, who may see what), logging an
//! interaction and relating people, and the standings (going cold, reach) the card list and the
//! manager's figures share. Everything here reads and writes through `Store`'s engine API.

mod search;
pub(crate) mod standings;
pub mod views;
