//! The same store on SQLite: the schema a competent engineer would pick for Kring's data if
//! SQLite were the store, with the same operations the benchmark times on Kring.
//!
//! - Tables per kind with typed columns for what is queried (names, references, dates) and a JSON
//!   column for the rest of a card's fields; multi-valued fields as JSON arrays, except the two
//!   that are queried by card (interaction participants, follow-up subjects), which get link
//!   tables.
//! - Ids are the records' UUIDs as 16-byte blobs (so rows can sync under the same ids); foreign
//!   keys on, checked row by row like Kring's reference validation; an index on every foreign key
//!   (SQLite's own advice, and what opening a card needs).
//! - Search: an FTS5 table over the cards (name, current organisations, tags, e-mail addresses,
//!   titles and phones, past organisations, notes) with the `unicode61` tokenizer folding
//!   diacritics, prefix indexes for 1–3 characters (typing "ja" is a prefix query), ranked by
//!   BM25 with Kring's field weights (10, 6, 5, 4, 3, 2, 1). Contentless with
//!   `contentless_delete=1`: the text lives in the tables already, and rows can still be updated.
//! - Pragmas: WAL journal with `synchronous=NORMAL` (the usual choice for an application database:
//!   no fsync per commit, only at checkpoints; never corrupt, but the last commits can be lost on
//!   power failure, where sled's flush after each Kring commit does sync), `foreign_keys=ON`,
//!   `cache_size` 64 MB (the same as Kring's sled cache), `temp_store=MEMORY`.
//!
//! What SQLite does not carry here and Kring does: per-field stamps and version vectors, the
//! history of superseded values, concurrent versions (conflicts), tombstones, the changes index for
//! delta exports. It holds only the current values.

use crate::dataset::Row;
use anyhow::{Context, Result};
use rusqlite::{params, Connection, OptionalExtension};
use std::borrow::Borrow;
use std::path::Path;

const PRAGMAS: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
";

const SCHEMA: &str = "
CREATE TABLE cards (
    rowid INTEGER PRIMARY KEY,          -- the FTS5 row of the card
    id BLOB NOT NULL UNIQUE,
    kind TEXT NOT NULL,                 -- person | organisation | networker
    name TEXT NOT NULL,
    detail TEXT,                        -- job title, sector or unit: the second line of a hit
    visibility TEXT,
    author BLOB,
    created_at TEXT,
    fields TEXT NOT NULL                -- every other field, as JSON
);
CREATE INDEX cards_by_kind_name ON cards(kind, name);

CREATE TABLE affiliations (
    id BLOB PRIMARY KEY,
    person BLOB NOT NULL REFERENCES cards(id),
    organisation BLOB NOT NULL REFERENCES cards(id),
    title TEXT,
    from_date TEXT,
    to_date TEXT,
    visibility TEXT, author BLOB, created_at TEXT
) WITHOUT ROWID;
CREATE INDEX affiliations_by_person ON affiliations(person);
CREATE INDEX affiliations_by_organisation ON affiliations(organisation);

CREATE TABLE relationships (
    id BLOB PRIMARY KEY,
    networker BLOB NOT NULL REFERENCES cards(id),
    stakeholder BLOB NOT NULL REFERENCES cards(id),
    strength INTEGER NOT NULL,
    trust INTEGER,
    given TEXT NOT NULL,
    received TEXT NOT NULL,
    since TEXT,
    cadence_days INTEGER,
    status TEXT,
    last_contact TEXT,
    visibility TEXT, author BLOB, created_at TEXT
) WITHOUT ROWID;
CREATE INDEX relationships_by_networker ON relationships(networker);
CREATE INDEX relationships_by_stakeholder ON relationships(stakeholder);

CREATE TABLE interactions (
    id BLOB PRIMARY KEY,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    summary TEXT NOT NULL,
    outcomes TEXT NOT NULL,
    visibility TEXT, author BLOB, created_at TEXT
) WITHOUT ROWID;
CREATE INDEX interactions_by_time ON interactions(at);
CREATE TABLE interaction_participants (
    card BLOB NOT NULL REFERENCES cards(id),
    interaction BLOB NOT NULL REFERENCES interactions(id),
    PRIMARY KEY (card, interaction)
) WITHOUT ROWID;
CREATE INDEX participants_by_interaction ON interaction_participants(interaction);

CREATE TABLE follow_ups (
    id BLOB PRIMARY KEY,
    interaction BLOB REFERENCES interactions(id),
    text TEXT NOT NULL,
    due TEXT NOT NULL,
    done INTEGER NOT NULL,
    visibility TEXT, author BLOB, created_at TEXT
) WITHOUT ROWID;
CREATE INDEX follow_ups_open_by_due ON follow_ups(due) WHERE NOT done;
CREATE INDEX follow_ups_by_interaction ON follow_ups(interaction);
CREATE TABLE follow_up_subjects (
    card BLOB NOT NULL REFERENCES cards(id),
    follow_up BLOB NOT NULL REFERENCES follow_ups(id),
    PRIMARY KEY (card, follow_up)
) WITHOUT ROWID;
CREATE INDEX subjects_by_follow_up ON follow_up_subjects(follow_up);

CREATE TABLE notes (
    id BLOB PRIMARY KEY,
    about BLOB NOT NULL REFERENCES cards(id),
    text TEXT NOT NULL,
    visibility TEXT, author BLOB, created_at TEXT
) WITHOUT ROWID;
CREATE INDEX notes_by_card ON notes(about);

CREATE TABLE links (
    id BLOB PRIMARY KEY,
    from_card BLOB NOT NULL REFERENCES cards(id),
    to_card BLOB NOT NULL REFERENCES cards(id),
    kind TEXT NOT NULL,
    visibility TEXT, author BLOB, created_at TEXT
) WITHOUT ROWID;
CREATE INDEX links_by_from ON links(from_card);
CREATE INDEX links_by_to ON links(to_card);

-- Records of the Manager of the Network (goals, teams, events, ...) and identity statements:
-- not part of the timed operations, kept so that both stores hold the same records.
CREATE TABLE other_records (
    id BLOB PRIMARY KEY,
    kind TEXT NOT NULL,
    fields TEXT NOT NULL,
    visibility TEXT, author BLOB, created_at TEXT
) WITHOUT ROWID;

CREATE VIRTUAL TABLE card_search USING fts5(
    name, organisations, tags, emails, titles_phones, past_organisations, notes,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3',
    content = '',
    contentless_delete = 1
);
";

/// Fills the search table from the tables (one statement; an application would run the same
/// per card on every change).
const FILL_SEARCH: &str = "
INSERT INTO card_search(rowid, name, organisations, tags, emails, titles_phones, past_organisations, notes)
SELECT c.rowid,
       c.name,
       (SELECT group_concat(o.name, ' ') FROM affiliations a JOIN cards o ON o.id = a.organisation
         WHERE a.person = c.id AND a.to_date IS NULL),
       (SELECT group_concat(value, ' ') FROM json_each(c.fields, '$.tags')),
       concat_ws(' ', (SELECT group_concat(value, ' ') FROM json_each(c.fields, '$.emails')),
                      json_extract(c.fields, '$.email')),
       concat_ws(' ', c.detail, (SELECT group_concat(value, ' ') FROM json_each(c.fields, '$.phones'))),
       (SELECT group_concat(o.name, ' ') FROM affiliations a JOIN cards o ON o.id = a.organisation
         WHERE a.person = c.id AND a.to_date IS NOT NULL),
       (SELECT group_concat(n.text, ' ') FROM notes n WHERE n.about = c.id)
  FROM cards c;
";

/// Creates a new database at `path` with the schema.
pub fn create(path: &Path) -> Result<Connection> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let connection = open(path)?;
    connection
        .execute_batch(SCHEMA)
        .context("creating the schema")?;
    Ok(connection)
}

/// Opens an existing database with the same pragmas.
pub fn open(path: &Path) -> Result<Connection> {
    let connection =
        Connection::open(path).with_context(|| format!("opening {}", path.display()))?;
    connection.execute_batch(PRAGMAS)?;
    Ok(connection)
}

fn blob(id: uuid::Uuid) -> [u8; 16] {
    *id.as_bytes()
}

fn author(row: &Row) -> Option<[u8; 16]> {
    row.author
        .as_deref()
        .and_then(|a| a.parse::<uuid::Uuid>().ok())
        .map(blob)
}

/// The second line of a search hit, as Kring shows it.
fn card_detail_line(row: &Row) -> Option<String> {
    match row.kind.as_str() {
        "person" | "networker" => row.text("job_title").map(str::to_owned),
        "organisation" => row.text("sector").map(str::to_owned),
        _ => None,
    }
}

fn card_name(row: &Row) -> String {
    row.text("display_name")
        .or_else(|| row.text("name"))
        .unwrap_or_default()
        .to_owned()
}

/// Inserts every row and fills the search table, all in one transaction. Returns rows written.
pub fn insert_all(connection: &mut Connection, rows: &[Row]) -> Result<u64> {
    insert_each(connection, rows.iter().map(Ok))
}

/// Inserts rows as they come, in one transaction: held in memory (`insert_all`) or read from a
/// file one at a time (sizes whose rows do not fit in memory).
pub fn insert_each<R: Borrow<Row>>(
    connection: &mut Connection,
    rows: impl Iterator<Item = Result<R>>,
) -> Result<u64> {
    let transaction = connection.transaction()?;
    let mut written = 0u64;
    {
        let mut card = transaction.prepare(
            "INSERT INTO cards(id, kind, name, detail, visibility, author, created_at, fields)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut affiliation = transaction
            .prepare("INSERT INTO affiliations VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
        let mut relationship = transaction.prepare(
            "INSERT INTO relationships VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        let mut interaction = transaction
            .prepare("INSERT INTO interactions VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        let mut participant = transaction
            .prepare("INSERT OR IGNORE INTO interaction_participants VALUES (?1, ?2)")?;
        let mut follow_up = transaction
            .prepare("INSERT INTO follow_ups VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        let mut subject =
            transaction.prepare("INSERT OR IGNORE INTO follow_up_subjects VALUES (?1, ?2)")?;
        let mut note = transaction.prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        let mut link =
            transaction.prepare("INSERT INTO links VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        let mut other =
            transaction.prepare("INSERT INTO other_records VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        for row in rows {
            let row = row?;
            let row: &Row = row.borrow();
            let id = blob(row.id);
            let envelope = (
                row.visibility.as_deref(),
                author(row),
                row.created_at.as_deref(),
            );
            let reference = |field: &str| -> Result<[u8; 16]> {
                row.id_field(field)
                    .map(blob)
                    .with_context(|| format!("{} {} has no {field}", row.kind, row.id))
            };
            match row.kind.as_str() {
                "person" | "organisation" | "networker" => {
                    let mut fields = row.fields.clone();
                    fields.remove("display_name");
                    fields.remove("name");
                    card.execute(params![
                        id,
                        row.kind,
                        card_name(row),
                        card_detail_line(row),
                        envelope.0,
                        envelope.1,
                        envelope.2,
                        serde_json::Value::Object(fields).to_string()
                    ])?;
                }
                "affiliation" => {
                    affiliation.execute(params![
                        id,
                        reference("person")?,
                        reference("organisation")?,
                        row.text("title"),
                        row.text("from"),
                        row.text("to"),
                        envelope.0,
                        envelope.1,
                        envelope.2
                    ])?;
                }
                "relationship" => {
                    relationship.execute(params![
                        id,
                        reference("networker")?,
                        reference("stakeholder")?,
                        row.int("strength").unwrap_or(0),
                        row.int("trust"),
                        row.list_json("given"),
                        row.list_json("received"),
                        row.text("since"),
                        row.int("cadence_days"),
                        row.text("status"),
                        row.text("last_contact"),
                        envelope.0,
                        envelope.1,
                        envelope.2
                    ])?;
                }
                "interaction" => {
                    interaction.execute(params![
                        id,
                        row.text("kind").unwrap_or_default(),
                        row.text("at").unwrap_or_default(),
                        row.text("summary").unwrap_or_default(),
                        row.list_json("outcomes"),
                        envelope.0,
                        envelope.1,
                        envelope.2
                    ])?;
                    for card in row.ids("participants") {
                        participant.execute(params![blob(card), id])?;
                    }
                }
                "follow_up" => {
                    follow_up.execute(params![
                        id,
                        row.id_field("interaction").map(blob),
                        row.text("text").unwrap_or_default(),
                        row.text("due").unwrap_or_default(),
                        row.fields.get("done").and_then(serde_json::Value::as_bool) == Some(true),
                        envelope.0,
                        envelope.1,
                        envelope.2
                    ])?;
                    for card in row.ids("about") {
                        subject.execute(params![blob(card), id])?;
                    }
                }
                "note" => {
                    note.execute(params![
                        id,
                        reference("about")?,
                        row.text("text").unwrap_or_default(),
                        envelope.0,
                        envelope.1,
                        envelope.2
                    ])?;
                }
                "link" => {
                    link.execute(params![
                        id,
                        reference("from")?,
                        reference("to")?,
                        row.text("kind").unwrap_or_default(),
                        envelope.0,
                        envelope.1,
                        envelope.2
                    ])?;
                }
                _ => {
                    other.execute(params![
                        id,
                        row.kind,
                        serde_json::Value::Object(row.fields.clone()).to_string(),
                        envelope.0,
                        envelope.1,
                        envelope.2
                    ])?;
                }
            }
            written += 1;
        }
    }
    transaction
        .execute_batch(FILL_SEARCH)
        .context("filling the search table")?;
    transaction.commit()?;
    Ok(written)
}

/// Writes the WAL back into the database file, so the size on disk is the database's own.
pub fn checkpoint(connection: &Connection) -> Result<()> {
    connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// An FTS5 query with Kring's meaning: every word a prefix, all words must match.
pub fn fts_query(text: &str) -> String {
    kring_core::text::words(text)
        .map(|word| format!("\"{word}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One search result: what Kring's `SearchHit` carries. The benchmark reads only the name; the
/// rest is decoded because a search box shows it.
#[derive(Debug)]
#[allow(dead_code)]
pub struct Hit {
    pub id: Vec<u8>,
    pub kind: String,
    pub name: String,
    pub detail: Option<String>,
    pub score: f64,
}

/// The best `limit` cards for a query, ranked by BM25 with Kring's weights.
pub fn search(connection: &Connection, query: &str, limit: usize) -> Result<Vec<Hit>> {
    let mut statement = connection.prepare_cached(
        "SELECT c.id, c.kind, c.name, c.detail, s.rank
           FROM card_search s JOIN cards c ON c.rowid = s.rowid
          WHERE card_search MATCH ?1 AND rank MATCH 'bm25(10.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0)'
          ORDER BY s.rank LIMIT ?2",
    )?;
    let hits = statement
        .query_map(params![fts_query(query), limit as i64], |row| {
            Ok(Hit {
                id: row.get(0)?,
                kind: row.get(1)?,
                name: row.get(2)?,
                detail: row.get(3)?,
                score: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

/// How many cards match a query (to compare with Kring's count).
pub fn count_matches(connection: &Connection, query: &str) -> Result<u64> {
    Ok(connection.query_row(
        "SELECT count(*) FROM card_search WHERE card_search MATCH ?1",
        params![fts_query(query)],
        |row| row.get::<_, i64>(0),
    )? as u64)
}

/// A card with what its detail screen shows, decoded into Rust values (as Kring's `CardDetail`).
/// Only timed, so most fields are never read: decoding them is the work being measured.
#[derive(Debug, Default)]
#[allow(dead_code)]
pub struct CardView {
    pub kind: String,
    pub name: String,
    pub detail: Option<String>,
    pub visibility: Option<String>,
    pub created_at: Option<String>,
    pub author: Option<String>,
    pub fields: serde_json::Value,
    pub affiliations: Vec<AffiliationRow>,
    pub relationships: Vec<RelationshipRow>,
    /// (kind, at, summary)
    pub interactions: Vec<(String, String, String)>,
    pub notes: Vec<String>,
    /// (text, due, done)
    pub follow_ups: Vec<(String, String, bool)>,
    /// (kind, the other card's name)
    pub links: Vec<(String, String)>,
}

/// An affiliation as the card shows it: the other side's name, the title and the period.
#[derive(Debug)]
#[allow(dead_code)]
pub struct AffiliationRow {
    pub other: String,
    pub title: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A relationship as the card shows it, with both sides' names.
#[derive(Debug)]
#[allow(dead_code)]
pub struct RelationshipRow {
    pub networker: String,
    pub stakeholder: String,
    pub strength: i64,
    pub trust: Option<i64>,
    pub status: Option<String>,
    pub last_contact: Option<String>,
}

/// Reads one card with its affiliations, relationships, interactions (newest first), notes,
/// follow-ups and links.
pub fn open_card(connection: &Connection, id: uuid::Uuid) -> Result<Option<CardView>> {
    let id = blob(id);
    let card = connection
        .prepare_cached(
            "SELECT c.kind, c.name, c.detail, c.visibility, c.created_at, c.fields, a.name
               FROM cards c LEFT JOIN cards a ON a.id = c.author WHERE c.id = ?1",
        )?
        .query_row(params![id], |row| {
            Ok(CardView {
                kind: row.get(0)?,
                name: row.get(1)?,
                detail: row.get(2)?,
                visibility: row.get(3)?,
                created_at: row.get(4)?,
                fields: serde_json::from_str(&row.get::<_, String>(5)?)
                    .unwrap_or(serde_json::Value::Null),
                author: row.get(6)?,
                ..CardView::default()
            })
        })
        .optional()?;
    let Some(mut card) = card else {
        return Ok(None);
    };
    card.affiliations = connection
        .prepare_cached(
            "SELECT o.name, a.title, a.from_date, a.to_date
               FROM affiliations a JOIN cards o ON o.id = a.organisation WHERE a.person = ?1
             UNION ALL
             SELECT p.name, a.title, a.from_date, a.to_date
               FROM affiliations a JOIN cards p ON p.id = a.person WHERE a.organisation = ?1",
        )?
        .query_map(params![id], |row| {
            Ok(AffiliationRow {
                other: row.get(0)?,
                title: row.get(1)?,
                from: row.get(2)?,
                to: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    card.relationships = connection
        .prepare_cached(
            "SELECT n.name, s.name, r.strength, r.trust, r.status, r.last_contact
               FROM relationships r JOIN cards n ON n.id = r.networker JOIN cards s ON s.id = r.stakeholder
              WHERE r.stakeholder = ?1
             UNION ALL
             SELECT n.name, s.name, r.strength, r.trust, r.status, r.last_contact
               FROM relationships r JOIN cards n ON n.id = r.networker JOIN cards s ON s.id = r.stakeholder
              WHERE r.networker = ?1",
        )?
        .query_map(params![id], |row| {
            Ok(RelationshipRow {
                networker: row.get(0)?,
                stakeholder: row.get(1)?,
                strength: row.get(2)?,
                trust: row.get(3)?,
                status: row.get(4)?,
                last_contact: row.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    card.interactions = connection
        .prepare_cached(
            "SELECT i.kind, i.at, i.summary
               FROM interaction_participants p JOIN interactions i ON i.id = p.interaction
              WHERE p.card = ?1 ORDER BY i.at DESC",
        )?
        .query_map(params![id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    card.notes = connection
        .prepare_cached("SELECT text FROM notes WHERE about = ?1")?
        .query_map(params![id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    card.follow_ups = connection
        .prepare_cached(
            "SELECT f.text, f.due, f.done FROM follow_up_subjects s JOIN follow_ups f ON f.id = s.follow_up
              WHERE s.card = ?1 ORDER BY f.due",
        )?
        .query_map(params![id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    card.links = connection
        .prepare_cached(
            "SELECT l.kind, c.name FROM links l JOIN cards c ON c.id = l.to_card WHERE l.from_card = ?1
             UNION ALL
             SELECT l.kind, c.name FROM links l JOIN cards c ON c.id = l.from_card WHERE l.to_card = ?1",
        )?
        .query_map(params![id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(card))
}

/// A compacted copy of the whole database in one file (`VACUUM INTO`): SQLite's nearest thing to
/// Kring's full export, though it is neither signed nor filtered by visibility.
pub fn copy_into(connection: &Connection, path: &Path) -> Result<()> {
    let _ = std::fs::remove_file(path);
    connection.execute("VACUUM INTO ?1", params![path.to_string_lossy()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_word_becomes_a_quoted_prefix() {
        assert_eq!(fts_query("Van den Bröeck"), "\"van\"* \"den\"* \"broeck\"*");
        assert_eq!(fts_query("port-antwerp"), "\"port\"* \"antwerp\"*");
    }
}
