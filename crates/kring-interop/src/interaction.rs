//! Meetings and e-mails people already have, read as drafts of interactions to log.
//!
//! Why: nobody retypes a meeting that is already in their calendar. Kring has no server to receive
//! mail, but it can read what mail and calendar apps hand over: an invitation or a calendar export
//! (`.ics`) and a saved e-mail (`.eml`). [`read_interactions`] takes a file's bytes and yields
//! [`InteractionDraft`]s: when it happened (time zones resolved, Windows names such as "Romance
//! Standard Time" included), what it was (meeting, call, e-mail), the subject and place, who took
//! part, a stable identity (iCalendar `UID`, with the occurrence for a recurring meeting; the
//! e-mail's `Message-ID`), its `SEQUENCE` and whether it was cancelled. What becomes of a draft —
//! which cards its people are, whether it is logged — is `kring-core`'s business.
//!
//! What it promises:
//! - **No panics on any input**, and a file it cannot use gives a [`CaptureReadError`] that names
//!   the problem and what to do (with a stable [`CaptureReadError::code`]).
//! - **Bounded work**: files above [`MAX_CALENDAR_BYTES`] / [`MAX_EMAIL_BYTES`] are refused;
//!   a recurring meeting yields at most [`ReadOptions::max_occurrences`] past occurrences, none
//!   older than [`ReadOptions::look_back_days`], and its next one.
//! - **No clock**: "now" (which occurrences are past) comes in through [`ReadOptions`].
//!
//! Outlook's own `.msg` files are recognised and refused with advice: the one maintained crate
//! that reads them (`msg_parser` 0.3.6) panicked on 49 of 3,200 mutated copies of its own sample
//! files and gives Exchange X.500 names instead of addresses for internal senders.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use crate::mailbox::{Mailbox, Participant, ParticipantRole};

/// Calendars larger than this are refused: 32 MiB holds tens of thousands of meetings.
pub const MAX_CALENDAR_BYTES: usize = 32 * 1024 * 1024;
/// E-mails larger than this are refused: 64 MiB is above what mail servers accept (attachments
/// included), so a larger file is not a single e-mail.
pub const MAX_EMAIL_BYTES: usize = 64 * 1024 * 1024;
/// A file yielding more drafts than this is refused (a calendar of 50,000 meetings is not one
/// person's, or it is a whole server's export).
pub const MAX_DRAFTS_PER_FILE: usize = 50_000;
/// Texts (a meeting's description, an e-mail's body) are cut to this many characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// How far back occurrences of a recurring meeting are read, by default: a year and a day.
pub const RECURRENCE_LOOK_BACK_DAYS: u32 = 366;
/// How many past occurrences of one recurring meeting are read at most, by default.
pub const MAX_OCCURRENCES_PER_SERIES: usize = 400;

/// What a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    /// A meeting in person (or whose place is not known to be a call).
    Meeting,
    /// A phone or video call: the meeting's place is only a Teams, Zoom, Webex, Meet or phone
    /// link or number, or its title says it is a call.
    Call,
    /// An e-mail.
    Email,
}

/// The format a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaptureFormat {
    /// iCalendar (`.ics`): an invitation, a cancellation or a whole calendar export.
    Icalendar,
    /// An e-mail message (`.eml`, RFC 5322 with MIME).
    Email,
}

impl CaptureFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            CaptureFormat::Icalendar => "icalendar",
            CaptureFormat::Email => "email",
        }
    }
}

/// One meeting, one occurrence of a recurring meeting, or one e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteractionDraft {
    /// Stable identity: the iCalendar `UID`; for an occurrence of a recurring meeting the `UID`,
    /// `#` and the local date the occurrence was planned on ("…@outlook.com#2024-03-12"); for an
    /// e-mail its `Message-ID` without angle brackets (or, lacking one, its date, sender and
    /// subject). The same meeting or e-mail read again has the same identity.
    pub identity: String,
    /// iCalendar `SEQUENCE` (0 when absent, and for e-mails): an updated invitation has a higher
    /// one.
    pub sequence: u32,
    pub kind: DraftKind,
    /// When it started (a meeting) or was sent (an e-mail), in the reader's local zone when one
    /// was given ([`ReadOptions::local_zone`]), else in the zone of the file. An all-day meeting
    /// is put at noon on its day, as `kring log --at DATE` does.
    pub start: DateTime<FixedOffset>,
    /// When a meeting ended, when the file says.
    pub end: Option<DateTime<FixedOffset>>,
    /// A whole-day meeting (`DTSTART;VALUE=DATE`).
    pub all_day: bool,
    /// The IANA zone the start was given in, when it had one ("Europe/Paris" for "Romance
    /// Standard Time").
    pub time_zone: Option<String>,
    /// The meeting's title or the e-mail's subject, as written (may be empty).
    pub subject: String,
    /// Where the meeting takes place.
    pub location: Option<String>,
    /// Everyone named: organiser and attendees, or From, To, Cc and Bcc; each address once, in
    /// file order, the first role it appeared in. Meeting rooms and other resources
    /// (`CUTYPE=ROOM`/`RESOURCE`) are not people and are left out.
    pub participants: Vec<Participant>,
    /// A cancelled meeting (`STATUS:CANCELLED`, `METHOD:CANCEL`) or occurrence.
    pub cancelled: bool,
    /// One occurrence of a recurring meeting.
    pub occurrence: bool,
    /// The meeting's description or the e-mail's text, cut to [`MAX_TEXT_CHARS`].
    pub text: Option<String>,
}

impl InteractionDraft {
    /// Who called the meeting or sent the e-mail.
    pub fn organiser(&self) -> Option<&Mailbox> {
        self.participants
            .iter()
            .find(|p| matches!(p.role, ParticipantRole::Organiser | ParticipantRole::From))
            .map(|p| &p.mailbox)
    }
}

/// Something a reader passed over in a file it could otherwise use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadWarning {
    /// A stable code.
    pub code: ReadWarningCode,
    /// The same in words, in the language of [`ReadOptions::language`].
    pub message: String,
}

impl ReadWarning {
    pub(crate) fn new(code: ReadWarningCode, message: impl Into<String>) -> Self {
        ReadWarning {
            code,
            message: message.into(),
        }
    }
}

/// What a reader passed over, for programs: a closed set, so that capture (kring-core) names
/// each one to the app as a code of its own and a new one cannot go unnoticed there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadWarningCode {
    EventWithoutStart,
    UnknownTimeZone,
    RecurrenceUnreadable,
    RecurrenceBounded,
    TooFrequent,
    NotAMeeting,
    InvalidLine,
    AddressUnusable,
    DateFromReceived,
    NotUtf8,
    InvitationInEmail,
}

impl ReadWarningCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadWarningCode::EventWithoutStart => "event_without_start",
            ReadWarningCode::UnknownTimeZone => "unknown_time_zone",
            ReadWarningCode::RecurrenceUnreadable => "recurrence_unreadable",
            ReadWarningCode::RecurrenceBounded => "recurrence_bounded",
            ReadWarningCode::TooFrequent => "too_frequent",
            ReadWarningCode::NotAMeeting => "not_a_meeting",
            ReadWarningCode::InvalidLine => "invalid_line",
            ReadWarningCode::AddressUnusable => "address_unusable",
            ReadWarningCode::DateFromReceived => "date_from_received",
            ReadWarningCode::NotUtf8 => "not_utf8",
            ReadWarningCode::InvitationInEmail => "invitation_in_email",
        }
    }
}

/// As it is written on the wire (tests compare with text).
impl PartialEq<&str> for ReadWarningCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Everything read from one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteractionRead {
    pub format: CaptureFormat,
    pub drafts: Vec<InteractionDraft>,
    pub warnings: Vec<ReadWarning>,
}

/// What a reader needs to know besides the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Now: occurrences of a recurring meeting up to now are past, the next one is future.
    pub now: DateTime<Utc>,
    /// The reader's own time zone (IANA, such as "Europe/Brussels", or a Windows name): starts are
    /// given in it, and meetings without a zone ("floating" times) are read in it. UTC when
    /// `None` or not a known zone.
    pub local_zone: Option<String>,
    /// Occurrences of a recurring meeting that started more than this many days before `now` are
    /// not read.
    pub look_back_days: u32,
    /// At most this many past occurrences of one recurring meeting are read (the latest ones).
    pub max_occurrences: usize,
    /// The language the warnings are worded in (their codes are the same in every language).
    pub language: kring_i18n::Language,
}

impl ReadOptions {
    /// The defaults at `now`: UTC, a year and a day back, 400 occurrences.
    pub fn at(now: DateTime<Utc>) -> Self {
        ReadOptions {
            now,
            local_zone: None,
            look_back_days: RECURRENCE_LOOK_BACK_DAYS,
            max_occurrences: MAX_OCCURRENCES_PER_SERIES,
            language: kring_i18n::Language::English,
        }
    }

    /// The same options with the reader's own time zone.
    pub fn in_zone(mut self, zone: impl Into<String>) -> Self {
        self.local_zone = Some(zone.into());
        self
    }
}

/// Why a file gives nothing to log. The message reads after the file's name ("invite.ics: …")
/// and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaptureReadError {
    #[error("is {size} bytes, more than the {limit} bytes Kring reads from one {what}: split it or capture a shorter period")]
    TooLarge {
        size: usize,
        limit: usize,
        what: &'static str,
    },
    #[error("is an Outlook .msg file, which Kring cannot read: in Outlook save a meeting with File > Save As > iCalendar Format (.ics), and download an e-mail as .eml (Outlook on the web or the new Outlook: … > Download)")]
    OutlookMsg,
    #[error("is neither an iCalendar file (.ics) nor an e-mail (.eml): export the meeting or save the e-mail from your mail app and capture that file")]
    NotRecognised,
    #[error("is not an iCalendar file: it has no BEGIN:VCALENDAR{detail}")]
    NotCalendar { detail: String },
    #[error("holds no meeting to log: {detail}")]
    NoMeetings { detail: String },
    #[error("is a reply to an invitation (METHOD:{method}), not the meeting itself: capture the invitation or the meeting from your calendar")]
    Reply { method: String },
    #[error("holds {count} meetings, more than the {limit} Kring reads from one file: export a shorter period")]
    TooManyMeetings { count: usize, limit: usize },
    #[error("has no readable Date header (nor a Received one), so Kring cannot tell when it was sent: save the e-mail again from your mail app")]
    NoDate,
    #[error("names nobody: there is no e-mail address in From, To or Cc")]
    NoAddresses,
    #[error("is not an e-mail: it does not start with header lines such as From: and Subject:")]
    NotEmail,
    #[error("is an e-mail whose parts are nested in a way Kring cannot read: save it again from your mail app")]
    BrokenMime,
}

impl CaptureReadError {
    /// The error in `language` (its English is the `Display` text); it reads after the file's
    /// name.
    pub fn message(&self, language: kring_i18n::Language) -> String {
        use kring_i18n::FluentValue;
        let arguments: Vec<(&str, FluentValue<'_>)> = match self {
            CaptureReadError::TooLarge { size, limit, what } => vec![
                ("size", (*size).into()),
                ("limit", (*limit).into()),
                ("what", (*what).into()),
            ],
            CaptureReadError::NotCalendar { detail } | CaptureReadError::NoMeetings { detail } => {
                vec![("detail", detail.as_str().into())]
            }
            CaptureReadError::Reply { method } => vec![("method", method.as_str().into())],
            CaptureReadError::TooManyMeetings { count, limit } => {
                vec![("count", (*count).into()), ("limit", (*limit).into())]
            }
            _ => vec![],
        };
        kring_i18n::error_text(language, self.code(), &arguments)
    }

    /// A stable code for the app and scripts to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            CaptureReadError::TooLarge { .. } => "too_large",
            CaptureReadError::OutlookMsg => "outlook_msg",
            CaptureReadError::NotRecognised => "not_recognised",
            CaptureReadError::NotCalendar { .. } => "not_calendar",
            CaptureReadError::NoMeetings { .. } => "no_meetings",
            CaptureReadError::Reply { .. } => "invitation_reply",
            CaptureReadError::TooManyMeetings { .. } => "too_many_meetings",
            CaptureReadError::NoDate => "no_date",
            CaptureReadError::NoAddresses => "no_addresses",
            CaptureReadError::NotEmail => "not_email",
            CaptureReadError::BrokenMime => "broken_mime",
        }
    }
}

/// The first bytes of an OLE compound file, the container of Outlook's `.msg`.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which format a file is in, from its content first and its name second.
pub fn detect_capture_format(
    file_name: &str,
    bytes: &[u8],
) -> Result<CaptureFormat, CaptureReadError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(CaptureReadError::OutlookMsg);
    }
    let head = &bytes[..bytes.len().min(8192)];
    let head_text = String::from_utf8_lossy(head).to_ascii_uppercase();
    let head_text = head_text.replace('\0', "");
    // An e-mail carrying an invitation mentions BEGIN:VCALENDAR too, but after its headers.
    if (head_text.contains("BEGIN:VCALENDAR") || head_text.contains("BEGIN:VEVENT"))
        && !crate::mail_reader::looks_like_email(head)
    {
        return Ok(CaptureFormat::Icalendar);
    }
    let lower = file_name.to_lowercase();
    if lower.ends_with(".msg") {
        return Err(CaptureReadError::OutlookMsg);
    }
    if crate::mail_reader::looks_like_email(head) {
        return Ok(CaptureFormat::Email);
    }
    if [".ics", ".ical", ".icalendar", ".ifb", ".vcs"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return Ok(CaptureFormat::Icalendar);
    }
    if lower.ends_with(".eml") {
        return Ok(CaptureFormat::Email);
    }
    Err(CaptureReadError::NotRecognised)
}

/// Reads a meeting invitation, a calendar export or an e-mail. The format comes from the content
/// (and the file's name when the content does not say).
pub fn read_interactions(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<InteractionRead, CaptureReadError> {
    let format = detect_capture_format(file_name, bytes)?;
    let (limit, what) = match format {
        CaptureFormat::Icalendar => (MAX_CALENDAR_BYTES, "calendar"),
        CaptureFormat::Email => (MAX_EMAIL_BYTES, "e-mail"),
    };
    if bytes.len() > limit {
        return Err(CaptureReadError::TooLarge {
            size: bytes.len(),
            limit,
            what,
        });
    }
    let (drafts, warnings) = match format {
        CaptureFormat::Icalendar => crate::calendar_reader::read_calendar(bytes, options)?,
        CaptureFormat::Email => crate::mail_reader::read_email(bytes, options)?,
    };
    if drafts.len() > MAX_DRAFTS_PER_FILE {
        return Err(CaptureReadError::TooManyMeetings {
            count: drafts.len(),
            limit: MAX_DRAFTS_PER_FILE,
        });
    }
    Ok(InteractionRead {
        format,
        drafts,
        warnings,
    })
}

/// Text cut to [`MAX_TEXT_CHARS`] characters, trimmed, `None` when empty.
pub(crate) fn bounded_text(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    match trimmed.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => Some(format!("{}…", trimmed[..cut].trim_end())),
        None => Some(trimmed.to_owned()),
    }
}

/// Each address once (compared without regard to case), keeping the first role it came with.
pub(crate) fn push_participant(participants: &mut Vec<Participant>, participant: Participant) {
    let address = participant.mailbox.address.to_lowercase();
    match participants
        .iter_mut()
        .find(|p| p.mailbox.address.to_lowercase() == address)
    {
        Some(existing) => {
            if existing.mailbox.name.is_none() {
                existing.mailbox.name = participant.mailbox.name;
                existing.mailbox.given_name = participant.mailbox.given_name;
                existing.mailbox.family_name = participant.mailbox.family_name;
            }
            // An organiser who also lists themself as attendee (before or after) is the
            // organiser; the sender of an e-mail likewise.
            if matches!(
                participant.role,
                ParticipantRole::Organiser | ParticipantRole::From
            ) {
                existing.role = participant.role;
            }
            existing.declined &= participant.declined;
        }
        None => participants.push(participant),
    }
}
