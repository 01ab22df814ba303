//! E-mail messages (`.eml`, RFC 5322 and MIME) read as drafts of interactions, with `mail-parser`.
//!
//! Why `mail-parser`: it decodes what real mail carries (encoded words in any charset,
//! quoted-printable and base64 bodies, nested multiparts, broken headers) and never panics on
//! malformed input (it is fuzzed by its authors; `fuzz/` here fuzzes it through this reader too).
//! This module decides what of a message matters to a networker: who wrote to whom (every `From`,
//! `To`, `Cc` and `Bcc` header, not only the first of each), when (the `Date` header, else the
//! newest `Received` one), the subject and the `Message-ID` as the identity. An e-mail that carries
//! a meeting invitation (a `text/calendar` part, as Outlook sends them) is read as that meeting.

use chrono::{DateTime, FixedOffset, NaiveDate};
use kring_i18n::t;
use mail_parser::{Address, HeaderName, HeaderValue, MessageParser, MimeHeaders};

use crate::interaction::{
    bounded_text, push_participant, CaptureReadError, DraftKind, InteractionDraft, ReadOptions,
    ReadWarning, ReadWarningCode,
};
use crate::mailbox::{Mailbox, Participant, ParticipantRole};

/// Header names that say a text is an e-mail (a calendar's first line, BEGIN:VCALENDAR, is
/// shaped like a header too).
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "received",
    "return-path",
    "mime-version",
    "content-type",
    "delivered-to",
    "sender",
    "reply-to",
    "in-reply-to",
    "references",
    "x-mailer",
];

/// Whether the first bytes of a file look like the header of an e-mail: header lines up to the
/// first blank line, one of them a header every mail has.
pub(crate) fn looks_like_email(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines().skip_while(|line| line.trim().is_empty());
    let mut known = false;
    let mut first = true;
    let mut seen = 0;
    for line in lines.by_ref() {
        if line.trim().is_empty() {
            break;
        }
        // An mbox file's separator line, "From someone@example.com Mon Jan  1 00:00:00 2001".
        if first && line.starts_with("From ") {
            first = false;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            // A folded continuation of the previous header.
            continue;
        }
        // The header ends at the first line that is not a header line (a blank line, as RFC
        // 5322 wants, or text some tool wrote right after the headers).
        let name = line
            .split_once(':')
            .map(|(name, _)| name)
            .unwrap_or_default();
        let name_ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
        if !name_ok || (first && name.eq_ignore_ascii_case("begin")) {
            if first {
                return false;
            }
            break;
        }
        first = false;
        seen += 1;
        let lower = name.to_ascii_lowercase();
        known |= MAIL_HEADERS.contains(&lower.as_str()) || lower.starts_with("x-");
        if seen > 200 {
            break;
        }
    }
    known
}

/// Reads one e-mail message.
pub(crate) fn read_email(
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Vec<InteractionDraft>, Vec<ReadWarning>), CaptureReadError> {
    if !looks_like_email(&bytes[..bytes.len().min(65_536)]) {
        return Err(CaptureReadError::NotEmail);
    }
    // mail-parser 0.11 reaches a `debug_assert!(false, …)` on some broken multipart nesting
    // (found by fuzz/email_reader, tests/regressions/capture/): a release build recovers, a debug
    // build panics. Either way a panic in a parser of hostile bytes must not reach the person:
    // it reads as a broken e-mail.
    let message = match std::panic::catch_unwind(|| MessageParser::default().parse(bytes)) {
        Ok(Some(message)) => message,
        Ok(None) => return Err(CaptureReadError::NotEmail),
        Err(_) => return Err(CaptureReadError::BrokenMime),
    };
    let mut warnings = Vec::new();

    // An invitation sent by e-mail: the meeting is in its text/calendar part.
    for part in message.parts.iter() {
        let is_calendar = part.content_type().is_some_and(|ct| {
            let main = ct.ctype().to_ascii_lowercase();
            let sub = ct.subtype().unwrap_or_default().to_ascii_lowercase();
            (main == "text" && sub == "calendar") || (main == "application" && sub == "ics")
        });
        if !is_calendar {
            continue;
        }
        let contents = part.contents();
        if let Ok((drafts, mut calendar_warnings)) =
            crate::calendar_reader::read_calendar(contents, options)
        {
            if !drafts.is_empty() {
                warnings.push(ReadWarning::new(
                    ReadWarningCode::InvitationInEmail,
                    t!(options.language, "read-invitation-in-email"),
                ));
                warnings.append(&mut calendar_warnings);
                return Ok((drafts, warnings));
            }
        }
    }

    let mut participants = Vec::new();
    for (name, role) in [
        (HeaderName::From, ParticipantRole::From),
        (HeaderName::Sender, ParticipantRole::From),
        (HeaderName::To, ParticipantRole::To),
        (HeaderName::Cc, ParticipantRole::Cc),
        (HeaderName::Bcc, ParticipantRole::Bcc),
    ] {
        // Sender says who pressed send for the From mailbox; only used when From has nobody.
        if name == HeaderName::Sender && !participants.is_empty() {
            continue;
        }
        for value in message.header_values(name) {
            let HeaderValue::Address(address) = value else {
                continue;
            };
            for addr in addresses_of(address) {
                let Some(address) = addr.address.as_deref() else {
                    continue;
                };
                match Mailbox::parse(address, addr.name.as_deref()) {
                    Some(mailbox) => push_participant(
                        &mut participants,
                        Participant {
                            mailbox,
                            role,
                            declined: false,
                        },
                    ),
                    None => warnings.push(ReadWarning::new(
                        ReadWarningCode::AddressUnusable,
                        t!(options.language, "read-not-an-address", address = address),
                    )),
                }
            }
        }
    }
    if participants.is_empty() {
        return Err(CaptureReadError::NoAddresses);
    }

    let start = match message.date().and_then(to_chrono) {
        Some(date) => date,
        None => {
            let received = message
                .header_values(HeaderName::Received)
                .filter_map(|value| match value {
                    HeaderValue::Received(received) => received.date.as_ref().and_then(to_chrono),
                    _ => None,
                })
                .max()
                .ok_or(CaptureReadError::NoDate)?;
            warnings.push(ReadWarning::new(
                ReadWarningCode::DateFromReceived,
                t!(options.language, "read-date-from-received"),
            ));
            received
        }
    };
    let start = crate::calendar_reader::in_local_zone(start, options);

    let subject = message.subject().unwrap_or_default().trim().to_owned();
    let identity = match message
        .message_id()
        .map(|id| {
            id.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim()
        })
        .filter(|id| !id.is_empty())
    {
        Some(id) => id.to_owned(),
        None => format!(
            "no-message-id:{}|{}|{}",
            start.to_rfc3339(),
            participants[0].mailbox.address.to_lowercase(),
            subject
        ),
    };
    let text = message.body_text(0).and_then(|body| bounded_text(&body));
    Ok((
        vec![InteractionDraft {
            identity,
            sequence: 0,
            kind: DraftKind::Email,
            start,
            end: None,
            all_day: false,
            time_zone: None,
            subject,
            location: None,
            participants,
            cancelled: false,
            occurrence: false,
            text,
        }],
        warnings,
    ))
}

fn addresses_of<'a>(address: &'a Address<'a>) -> Vec<&'a mail_parser::Addr<'a>> {
    match address {
        Address::List(list) => list.iter().collect(),
        Address::Group(groups) => groups.iter().flat_map(|g| g.addresses.iter()).collect(),
    }
}

/// A header date as chrono's, when it is a real date and offset.
fn to_chrono(date: &mail_parser::DateTime) -> Option<DateTime<FixedOffset>> {
    let seconds = i32::from(date.tz_hour) * 3600 + i32::from(date.tz_minute) * 60;
    let offset = if date.tz_before_gmt {
        FixedOffset::west_opt(seconds)?
    } else {
        FixedOffset::east_opt(seconds)?
    };
    let naive = NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )?
    .and_hms_opt(
        u32::from(date.hour),
        u32::from(date.minute),
        u32::from(date.second),
    )?;
    naive.and_local_timezone(offset).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_calendar_is_not_taken_for_an_email_and_headers_are() {
        assert!(!looks_like_email(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(looks_like_email(b"From: a@b.be\r\nSubject: x\r\n\r\nbody"));
        assert!(looks_like_email(
            b"From someone Mon Jan  1 00:00:00 2001\nTo: a@b.be\n\n"
        ));
        assert!(!looks_like_email(b"hello world\nthis is text\n"));
        assert!(!looks_like_email(b"Name,Email\nJan,jan@port.be\n"));
    }
}
