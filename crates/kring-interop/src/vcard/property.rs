//! One content line (`group.NAME;PARAM=value:value`) and the decoding of its value.
//!
//! Why decoding is lazy and per property: a vCard 2.1 file declares the transfer encoding
//! (`ENCODING=QUOTED-PRINTABLE`, `ENCODING=BASE64`) and the character set (`CHARSET=ISO-8859-1`)
//! on each property, and 2.1 writers also leave out `TYPE=` and `ENCODING=` (`TEL;CELL;PREF`,
//! `PHOTO;BASE64`). Only when a value is needed do we know whether it is text (decode, then
//! unescape `\,` `\;` `\n`) or binary (count the bytes of a photo).

use std::borrow::Cow;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::lines::shorten;
use crate::error::InteropError;

/// How the raw value of a property is transfer-encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TransferEncoding {
    None,
    QuotedPrintable,
    Base64,
}

/// One parameter. vCard 2.1 allows bare values (`TEL;CELL:`), which have no name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Parameter {
    /// Upper-cased name, or `None` for a bare 2.1 value.
    pub(super) name: Option<String>,
    /// Values with quotes removed, split on unquoted commas.
    pub(super) values: Vec<String>,
}

/// The part of a content line before the colon.
#[derive(Debug, Clone)]
pub(super) struct Header {
    pub(super) group: Option<String>,
    pub(super) name: String,
    pub(super) upper_name: String,
    pub(super) parameters: Vec<Parameter>,
}

impl Header {
    pub(super) fn transfer_encoding(&self) -> TransferEncoding {
        transfer_encoding_of(&self.parameters)
    }
}

/// A complete content line: header plus the raw value with all continuations joined.
#[derive(Debug, Clone)]
pub(super) struct ContentLine {
    /// Physical line where the property starts.
    pub(super) line: usize,
    pub(super) group: Option<String>,
    /// The name as written (`X-ABLabel`).
    pub(super) name: String,
    /// The name upper-cased, for matching.
    pub(super) upper_name: String,
    pub(super) parameters: Vec<Parameter>,
    /// The raw value, still transfer-encoded and escaped.
    pub(super) value: Vec<u8>,
    /// Where each physical line starts in `value`: (offset, line number), to point errors at the
    /// exact line of a long quoted-printable value.
    pub(super) line_starts: Vec<(usize, usize)>,
}

impl ContentLine {
    /// True when the value is empty or only whitespace.
    pub(super) fn is_empty(&self) -> bool {
        self.value.iter().all(u8::is_ascii_whitespace)
    }

    pub(super) fn transfer_encoding(&self) -> TransferEncoding {
        transfer_encoding_of(&self.parameters)
    }

    /// The first value of a named parameter.
    pub(super) fn parameter(&self, name: &str) -> Option<&str> {
        self.parameters
            .iter()
            .filter(|parameter| parameter.name.as_deref() == Some(name))
            .flat_map(|parameter| parameter.values.iter())
            .map(String::as_str)
            .next()
    }

    /// All `TYPE` values, upper-cased, including vCard 2.1 bare values and comma-joined lists.
    pub(super) fn types(&self) -> Vec<String> {
        self.parameters
            .iter()
            .filter(|parameter| matches!(parameter.name.as_deref(), None | Some("TYPE")))
            .flat_map(|parameter| parameter.values.iter())
            .flat_map(|value| value.split(','))
            .map(|value| value.trim().to_ascii_uppercase())
            .filter(|value| !value.is_empty())
            .collect()
    }

    /// The name to use in `extra`: the group is kept so Apple's `item1.X-ABLabel` still points
    /// at `item1.EMAIL`.
    pub(super) fn extra_name(&self) -> String {
        match &self.group {
            Some(group) => format!("{group}.{}", self.name),
            None => self.name.clone(),
        }
    }

    /// The physical line holding byte `offset` of the value.
    fn line_at(&self, offset: usize) -> usize {
        self.line_starts
            .iter()
            .take_while(|(start, _)| *start <= offset)
            .last()
            .map_or(self.line, |(_, number)| *number)
    }

    /// The value as text: quoted-printable decoded, converted from its `CHARSET`, still escaped.
    pub(super) fn raw_text(&self) -> Result<String, InteropError> {
        let bytes: Cow<'_, [u8]> = match self.transfer_encoding() {
            TransferEncoding::QuotedPrintable => Cow::Owned(self.decode_quoted_printable()?),
            TransferEncoding::None | TransferEncoding::Base64 => Cow::Borrowed(&self.value),
        };
        Ok(decode_text(&bytes, self.parameter("CHARSET")))
    }

    /// The decoded bytes of a base64 value.
    pub(super) fn binary(&self) -> Result<Vec<u8>, InteropError> {
        decode_base64(&self.value).map_err(|reason| {
            InteropError::undecodable(
                self.line,
                format!("{} has invalid base64 data: {reason}", self.name),
            )
        })
    }

    fn decode_quoted_printable(&self) -> Result<Vec<u8>, InteropError> {
        // A hand-written decoder rather than the `quoted_printable` crate: in its robust mode that
        // crate silently drops 8-bit bytes (Outlook writes raw accented letters inside
        // quoted-printable values) and its strict mode rejects the over-long lines and lower-case
        // hex digits real exports contain. Here every byte is kept and a broken escape is an
        // error naming its line.
        let value = &self.value;
        let mut decoded = Vec::with_capacity(value.len());
        let mut index = 0;
        while let Some(&byte) = value.get(index) {
            if byte != b'=' {
                decoded.push(byte);
                index += 1;
                continue;
            }
            match (value.get(index + 1), value.get(index + 2)) {
                (Some(&high), Some(&low))
                    if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() =>
                {
                    decoded.push(hex_value(high) << 4 | hex_value(low));
                    index += 3;
                }
                // A final `=` is a soft line break with nothing after it.
                (None, _) => index += 1,
                _ => {
                    let end = (index + 3).min(value.len());
                    let escape = String::from_utf8_lossy(&value[index..end]);
                    return Err(InteropError::undecodable(
                        self.line_at(index),
                        format!(
                            "invalid quoted-printable escape \"{escape}\" in {} (expected = followed by two hexadecimal digits)",
                            self.name
                        ),
                    ));
                }
            }
        }
        Ok(decoded)
    }
}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        b'A'..=b'F' => digit - b'A' + 10,
        _ => 0,
    }
}

fn transfer_encoding_of(parameters: &[Parameter]) -> TransferEncoding {
    for parameter in parameters {
        let named_encoding = parameter.name.as_deref() == Some("ENCODING");
        if !named_encoding && parameter.name.is_some() {
            continue;
        }
        for value in &parameter.values {
            let value = value.trim();
            if value.eq_ignore_ascii_case("QUOTED-PRINTABLE")
                || (named_encoding && value.eq_ignore_ascii_case("Q"))
            {
                return TransferEncoding::QuotedPrintable;
            }
            if value.eq_ignore_ascii_case("BASE64")
                || (named_encoding && value.eq_ignore_ascii_case("B"))
            {
                return TransferEncoding::Base64;
            }
        }
    }
    TransferEncoding::None
}

/// Converts bytes to text. With a `CHARSET` the declared encoding is used (an unknown label
/// falls back to guessing); without one, UTF-8 when the bytes are valid UTF-8 and otherwise
/// Windows-1252, which is what old exports without a declaration almost always are. Bytes
/// invalid in the chosen encoding become U+FFFD rather than failing the import.
pub(super) fn decode_text(bytes: &[u8], charset: Option<&str>) -> String {
    let declared = charset.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let encoding = match declared {
        Some(encoding) => encoding,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _had_errors) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// Decodes base64 the way address books do: whitespace is ignored, padding may be missing or
/// superfluous, and a dangling final character (a truncated export: the corpus's Android photo)
/// is dropped. A character outside the base64 alphabet is still an error.
pub(crate) fn decode_base64(encoded: &[u8]) -> Result<Vec<u8>, String> {
    const LENIENT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::RequireNone)
            .with_decode_allow_trailing_bits(true),
    );
    let mut compact: Vec<u8> = encoded
        .iter()
        .copied()
        .filter(|byte| !byte.is_ascii_whitespace())
        .collect();
    while compact.last() == Some(&b'=') {
        compact.pop();
    }
    if compact.len() % 4 == 1 {
        compact.pop();
    }
    LENIENT.decode(compact).map_err(|error| error.to_string())
}

/// Splits on a separator outside double quotes.
fn split_unquoted(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (index, character) in text.char_indices() {
        if character == '"' {
            quoted = !quoted;
        } else if character == separator && !quoted {
            parts.push(&text[start..index]);
            start = index + character.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

fn is_name_character(character: char) -> bool {
    character.is_ascii_alphanumeric() || character == '-' || character == '_'
}

/// Parses `group.NAME;PARAM=a,b;BARE` into its parts.
pub(super) fn parse_header(bytes: &[u8], line: usize) -> Result<Header, InteropError> {
    let header = decode_text(bytes, None);
    let mut segments = split_unquoted(&header, ';').into_iter();
    let qualified_name = segments.next().unwrap_or_default().trim();
    let (group, name) = match qualified_name.split_once('.') {
        Some((group, name)) => (Some(group), name),
        None => (None, qualified_name),
    };
    if name.is_empty() {
        return Err(InteropError::malformed(
            line,
            "a property has no name before its colon (expected NAME:value)",
        ));
    }
    let valid_group =
        group.is_none_or(|group| !group.is_empty() && group.chars().all(is_name_character));
    if !name.chars().all(is_name_character) || !valid_group {
        return Err(InteropError::malformed(
            line,
            format!(
                "\"{}\" is not a valid property name (letters, digits and hyphens only)",
                shorten(qualified_name)
            ),
        ));
    }
    let mut parameters = Vec::new();
    for segment in segments {
        let segment = segment.trim();
        if segment.is_empty() {
            continue;
        }
        let (parameter_name, raw_values) = match segment.split_once('=') {
            Some((parameter_name, values)) => {
                (Some(parameter_name.trim().to_ascii_uppercase()), values)
            }
            None => (None, segment),
        };
        let values = split_unquoted(raw_values, ',')
            .into_iter()
            .map(|value| {
                let value = value.trim();
                value
                    .strip_prefix('"')
                    .and_then(|inner| inner.strip_suffix('"'))
                    .unwrap_or(value)
                    .to_owned()
            })
            .collect();
        parameters.push(Parameter {
            name: parameter_name,
            values,
        });
    }
    Ok(Header {
        group: group.map(str::to_owned),
        name: name.to_owned(),
        upper_name: name.to_ascii_uppercase(),
        parameters,
    })
}

/// Decodes RFC 6868 caret escapes in a vCard 4.0 parameter value: `^n` newline, `^'` double
/// quote, `^^` caret.
pub(super) fn decode_caret(value: &str) -> String {
    let mut decoded = String::with_capacity(value.len());
    let mut characters = value.chars().peekable();
    while let Some(character) = characters.next() {
        if character != '^' {
            decoded.push(character);
            continue;
        }
        match characters.peek() {
            Some('n' | 'N') => {
                characters.next();
                decoded.push('\n');
            }
            Some('\'') => {
                characters.next();
                decoded.push('"');
            }
            Some('^') => {
                characters.next();
                decoded.push('^');
            }
            _ => decoded.push('^'),
        }
    }
    decoded
}

/// Encodes a vCard 4.0 parameter value with RFC 6868 caret escapes (the inverse of
/// [`decode_caret`]); line breaks of any kind become `^n`.
pub(super) fn encode_caret(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    let mut characters = value.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '^' => encoded.push_str("^^"),
            '"' => encoded.push_str("^'"),
            '\r' => {
                if characters.peek() == Some(&'\n') {
                    characters.next();
                }
                encoded.push_str("^n");
            }
            '\n' => encoded.push_str("^n"),
            other => encoded.push(other),
        }
    }
    encoded
}

/// Removes vCard escapes: `\\`, `\n`/`\N`, `\,` and `\;`, and a backslash before any other
/// punctuation (Gmail writes `http\://`, Apple writes `\"`). A backslash before a letter or digit
/// is kept as written, so `C:\Documents` survives.
pub(super) fn unescape(text: &str) -> String {
    let mut unescaped = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        if character != '\\' {
            unescaped.push(character);
            continue;
        }
        match characters.peek().copied() {
            Some('n' | 'N') => {
                characters.next();
                unescaped.push('\n');
            }
            Some(escaped) if escaped.is_ascii_punctuation() => {
                characters.next();
                unescaped.push(escaped);
            }
            _ => unescaped.push('\\'),
        }
    }
    unescaped
}

/// Splits escaped text on a separator that is not escaped: `a\;b;c` gives `a\;b` and `c`.
pub(super) fn split_escaped(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (index, character) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if character == '\\' {
            escaped = true;
        } else if character == separator {
            parts.push(&text[start..index]);
            start = index + character.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_with_group_and_bare_and_named_parameters_is_parsed() {
        let header = parse_header(b"item1.EMAIL;type=INTERNET;PREF;TYPE=\"work,voice\"", 3)
            .expect("valid header");
        assert_eq!(header.group.as_deref(), Some("item1"));
        assert_eq!(header.upper_name, "EMAIL");
        assert_eq!(header.parameters.len(), 3);
        assert_eq!(header.parameters[1].name, None);
        assert_eq!(header.parameters[2].values, vec!["work,voice".to_owned()]);
    }

    #[test]
    fn caret_encoding_round_trips() {
        let original = "Kerkstraat 1\n2000 \"Antwerpen\" ^ BE";
        assert_eq!(decode_caret(&encode_caret(original)), original);
    }

    #[test]
    fn escaped_separators_do_not_split_and_unescape_afterwards() {
        let parts = split_escaped("Doe;John;Richter\\, James;Mr\\;s;Sr.", ';');
        assert_eq!(
            parts,
            vec!["Doe", "John", "Richter\\, James", "Mr\\;s", "Sr."]
        );
        assert_eq!(unescape(parts[2]), "Richter, James");
        assert_eq!(
            unescape("http\\://x\\\\y\\nz\\d\\\"q\\\""),
            "http://x\\y\nz\\d\"q\""
        );
    }

    #[test]
    fn windows_1252_is_assumed_for_undeclared_bytes_that_are_not_utf8() {
        assert_eq!(decode_text(b"M\xfcller", None), "Müller");
        assert_eq!(decode_text("Müller".as_bytes(), None), "Müller");
        assert_eq!(decode_text(b"M\xfcller", Some("ISO-8859-1")), "Müller");
    }
}
