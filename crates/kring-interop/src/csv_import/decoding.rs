//! Character-set detection for CSV files.
//!
//! Why guess at all: CSV has no place to declare its encoding. Excel on Windows writes the ANSI
//! code page (Windows-1252 in Belgium and France) unless told otherwise, Google's legacy export
//! writes UTF-16 little-endian with a byte-order mark, LinkedIn writes UTF-8, and "Save as CSV
//! UTF-8" adds a UTF-8 byte-order mark. The rules, in order:
//! 1. a byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE), and the text must then be valid;
//! 2. UTF-16 without a mark is recognised by its zero bytes;
//! 3. valid UTF-8 is UTF-8;
//! 4. anything else is Windows-1252 (a superset of ISO-8859-1 for printable text), which can
//!    decode any byte, so accents in old Excel exports come out right.

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::error::InteropError;

/// Text decoded from a CSV file and the encoding it was in.
pub(super) struct DecodedText {
    pub(super) text: String,
    pub(super) encoding: &'static str,
}

/// Decodes the bytes of a CSV file following the rules in the module documentation.
pub(super) fn decode(bytes: &[u8]) -> Result<DecodedText, InteropError> {
    refuse_workbooks(bytes)?;
    let (encoding, body) = if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (UTF_8, body)
    } else if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        (UTF_16LE, body)
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        (UTF_16BE, body)
    } else if let Some(encoding) = sniff_utf16(bytes) {
        (encoding, bytes)
    } else if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, bytes)
    } else {
        (WINDOWS_1252, bytes)
    };
    let text = decode_strictly(encoding, body)?;
    if let Some(position) = text.find('\0') {
        return Err(InteropError::undecodable(
            line_of(&text, position),
            "the file contains NUL characters: it is binary or in an encoding that is not supported",
        ));
    }
    Ok(DecodedText {
        text,
        encoding: encoding.name(),
    })
}

fn refuse_workbooks(bytes: &[u8]) -> Result<(), InteropError> {
    let workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0");
    if workbook {
        return Err(InteropError::malformed(
            1,
            "this is a spreadsheet workbook (.xlsx, .xls or .ods), not a CSV file: save it as CSV first",
        ));
    }
    Ok(())
}

/// UTF-16 without a byte-order mark: mostly-ASCII text has a zero in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(1024) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&byte| byte == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 2 > pairs && even == 0 {
        Some(UTF_16LE)
    } else if even * 2 > pairs && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes without replacement characters: malformed input is an error naming its line.
fn decode_strictly(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, InteropError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(rest.len().saturating_mul(3).max(16)),
            DecoderResult::Malformed(_, _) => {
                return Err(InteropError::undecodable(
                    line_of(&text, text.len()),
                    format!(
                        "the text is not valid {} (the file declares it with a byte-order mark)",
                        encoding.name()
                    ),
                ));
            }
        }
    }
}

/// The 1-based line holding byte `position` of `text`.
fn line_of(text: &str, position: usize) -> usize {
    text.as_bytes()
        .get(..position)
        .map_or(0, |head| head.iter().filter(|&&byte| byte == b'\n').count())
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_byte_order_mark_is_removed() {
        let decoded = decode(b"\xEF\xBB\xBFNaam\nLieve").expect("valid");
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("Naam\nLieve", "UTF-8")
        );
    }

    #[test]
    fn utf16_without_byte_order_mark_is_recognised() {
        let bytes: Vec<u8> = "Naam,Bedrijf\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(&bytes).expect("valid").encoding, "UTF-16LE");
        let bytes: Vec<u8> = "Naam,Bedrijf\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode(&bytes).expect("valid").encoding, "UTF-16BE");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_read_as_windows_1252() {
        let decoded = decode(b"Jean-Fran\xe7ois;M\xfcller").expect("valid");
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            ("Jean-François;Müller", "windows-1252")
        );
    }

    #[test]
    fn invalid_utf8_after_a_byte_order_mark_names_its_line() {
        let error = decode(b"\xEF\xBB\xBFa\nb\n\xff").err().expect("invalid");
        assert_eq!(error.line(), 3);
    }

    #[test]
    fn an_unpaired_utf16_surrogate_names_its_line() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("a\nb\n".encode_utf16().flat_map(u16::to_le_bytes));
        bytes.extend(0xD800u16.to_le_bytes());
        bytes.extend("c".encode_utf16().flat_map(u16::to_le_bytes));
        let error = decode(&bytes).err().expect("invalid");
        assert_eq!(error.line(), 3, "{error}");
    }

    #[test]
    fn a_workbook_is_refused_with_advice() {
        let error = decode(b"PK\x03\x04rest").err().expect("refused");
        assert!(error.to_string().contains("save it as CSV"), "{error}");
    }
}
