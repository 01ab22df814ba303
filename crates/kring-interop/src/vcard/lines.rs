//! From bytes to content lines: line endings, unfolding, quoted-printable soft line breaks and
//! vCard 2.1 base64 blocks.
//!
//! Why this is its own layer: the three ways a value continues on the next physical line depend
//! on the property's parameters, so the header (`NAME;PARAMS:`) must be read before the value is
//! complete:
//! - folding (every version): a line starting with a space or tab continues the previous one;
//! - quoted-printable (2.1): a value ending in `=` continues on the next line, whatever it starts
//!   with, and that line may be empty;
//! - base64 (2.1 `ENCODING=BASE64`, some 3.0 writers): the encoded lines may or may not be
//!   indented and the block ends with a blank line.
//!
//! Everything works on byte offsets into the input so a large file is read in one pass, without
//! copying it or re-scanning it (no quadratic behaviour).

use super::property::{parse_header, ContentLine, TransferEncoding};
use crate::error::InteropError;

/// One physical line: its 1-based number and its bytes without the line ending.
#[derive(Debug, Clone, Copy)]
pub(super) struct PhysicalLine<'a> {
    pub(super) number: usize,
    pub(super) bytes: &'a [u8],
}

/// A cursor over the physical lines of a byte buffer. It holds no borrow, so the buffer can be
/// owned by the same struct as the cursor.
#[derive(Debug, Clone)]
pub(super) struct PhysicalLines {
    position: usize,
    next_number: usize,
    separator: u8,
}

impl PhysicalLines {
    pub(super) fn new(bytes: &[u8]) -> Self {
        // Classic Mac OS files end lines with CR alone; everything else has LF (CRLF, LF, and
        // the CR CR LF that the corpus's iPhone export has).
        let separator = if !bytes.contains(&b'\n') && bytes.contains(&b'\r') {
            b'\r'
        } else {
            b'\n'
        };
        Self {
            position: 0,
            next_number: 1,
            separator,
        }
    }

    /// Offset of the first byte not yet consumed.
    pub(super) fn position(&self) -> usize {
        self.position
    }

    /// Number of the last line consumed (0 before the first).
    pub(super) fn last_number(&self) -> usize {
        self.next_number - 1
    }

    pub(super) fn peek<'a>(&self, bytes: &'a [u8]) -> Option<PhysicalLine<'a>> {
        self.scan(bytes).map(|(line, _)| line)
    }

    pub(super) fn next<'a>(&mut self, bytes: &'a [u8]) -> Option<PhysicalLine<'a>> {
        let (line, next_position) = self.scan(bytes)?;
        self.position = next_position;
        self.next_number += 1;
        Some(line)
    }

    fn scan<'a>(&self, bytes: &'a [u8]) -> Option<(PhysicalLine<'a>, usize)> {
        let rest = bytes.get(self.position..)?;
        if rest.is_empty() {
            return None;
        }
        let (mut line, next_position) = match rest.iter().position(|&byte| byte == self.separator) {
            Some(end) => (&rest[..end], self.position + end + 1),
            None => (rest, bytes.len()),
        };
        while let [head @ .., b'\r'] = line {
            line = head;
        }
        Some((
            PhysicalLine {
                number: self.next_number,
                bytes: line,
            },
            next_position,
        ))
    }
}

/// A line with nothing but spaces and control characters (some exporters end files with NUL or
/// Ctrl-Z) separates things but carries nothing.
pub(super) fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|&byte| byte <= b' ' || byte == 0x7f)
}

fn is_continuation(bytes: &[u8]) -> bool {
    matches!(bytes.first(), Some(b' ' | b'\t'))
}

fn is_end_of_card(bytes: &[u8]) -> bool {
    bytes.trim_ascii().eq_ignore_ascii_case(b"END:VCARD")
}

/// Finds the first colon outside double quotes in a growing buffer, scanning each byte once.
#[derive(Default)]
struct ColonFinder {
    scanned: usize,
    quoted: bool,
}

impl ColonFinder {
    fn scan(&mut self, bytes: &[u8]) -> Option<usize> {
        let start = self.scanned;
        self.scanned = bytes.len();
        for (offset, &byte) in bytes.get(start..).unwrap_or_default().iter().enumerate() {
            match byte {
                b'"' => self.quoted = !self.quoted,
                b':' if !self.quoted => return Some(start + offset),
                _ => {}
            }
        }
        None
    }
}

/// Reads the next content line, or `None` at the end of the input.
pub(super) fn next_content_line(
    lines: &mut PhysicalLines,
    bytes: &[u8],
) -> Option<Result<ContentLine, InteropError>> {
    let first = loop {
        let line = lines.next(bytes)?;
        if !is_blank(line.bytes) {
            break line;
        }
    };
    Some(assemble(lines, bytes, first))
}

fn assemble(
    lines: &mut PhysicalLines,
    bytes: &[u8],
    first: PhysicalLine<'_>,
) -> Result<ContentLine, InteropError> {
    let mut logical = first.bytes.to_vec();
    let mut line_starts = vec![(0, first.number)];
    // A header folded before its colon is rare but legal. Each appended piece is scanned once,
    // so even a pathological run of continuation lines stays linear.
    let mut finder = ColonFinder::default();
    let mut colon = finder.scan(&logical);
    while colon.is_none() {
        match lines.peek(bytes) {
            Some(next) if is_continuation(next.bytes) => {
                lines.next(bytes);
                line_starts.push((logical.len(), next.number));
                logical.extend_from_slice(&next.bytes[1..]);
                colon = finder.scan(&logical);
            }
            _ => break,
        }
    }
    // A writer that left a quote unbalanced still meant the first colon.
    let colon = colon.or_else(|| logical.iter().position(|&byte| byte == b':'));
    let Some(colon) = colon else {
        let shown = String::from_utf8_lossy(&logical);
        return Err(InteropError::malformed(
            first.number,
            format!(
                "expected a property such as NAME:value but the line has no colon: \"{}\"",
                shorten(&shown)
            ),
        ));
    };
    let header = parse_header(&logical[..colon], first.number)?;
    let mut value = logical[colon + 1..].to_vec();
    let value_offset = colon + 1;
    let mut value_line_starts: Vec<(usize, usize)> = line_starts
        .into_iter()
        .map(|(offset, number)| (offset.saturating_sub(value_offset), number))
        .collect();
    match header.transfer_encoding() {
        TransferEncoding::QuotedPrintable => {
            read_quoted_printable_continuations(lines, bytes, &mut value, &mut value_line_starts)
        }
        TransferEncoding::Base64 => {
            read_base64_continuations(lines, bytes, &mut value, &mut value_line_starts)
        }
        TransferEncoding::None => {
            read_folded_continuations(lines, bytes, &mut value, &mut value_line_starts)
        }
    }
    Ok(ContentLine {
        line: first.number,
        group: header.group,
        name: header.name,
        upper_name: header.upper_name,
        parameters: header.parameters,
        value,
        line_starts: value_line_starts,
    })
}

fn read_folded_continuations(
    lines: &mut PhysicalLines,
    bytes: &[u8],
    value: &mut Vec<u8>,
    line_starts: &mut Vec<(usize, usize)>,
) {
    while let Some(next) = lines.peek(bytes).filter(|next| is_continuation(next.bytes)) {
        lines.next(bytes);
        line_starts.push((value.len(), next.number));
        value.extend_from_slice(&next.bytes[1..]);
    }
}

fn read_quoted_printable_continuations(
    lines: &mut PhysicalLines,
    bytes: &[u8],
    value: &mut Vec<u8>,
    line_starts: &mut Vec<(usize, usize)>,
) {
    loop {
        let content_length = value.trim_ascii_end().len();
        if value[..content_length].ends_with(b"=") {
            match lines.peek(bytes) {
                // A soft line break never swallows the end of the card.
                Some(next) if !is_end_of_card(next.bytes) => {
                    lines.next(bytes);
                    value.truncate(content_length - 1);
                    line_starts.push((value.len(), next.number));
                    value.extend_from_slice(next.bytes);
                    continue;
                }
                _ => {
                    value.truncate(content_length - 1);
                    return;
                }
            }
        }
        match lines.peek(bytes) {
            Some(next) if is_continuation(next.bytes) => {
                lines.next(bytes);
                line_starts.push((value.len(), next.number));
                value.extend_from_slice(&next.bytes[1..]);
            }
            _ => return,
        }
    }
}

fn read_base64_continuations(
    lines: &mut PhysicalLines,
    bytes: &[u8],
    value: &mut Vec<u8>,
    line_starts: &mut Vec<(usize, usize)>,
) {
    while let Some(next) = lines.peek(bytes) {
        let continues =
            is_continuation(next.bytes) || (!is_blank(next.bytes) && !next.bytes.contains(&b':'));
        if !continues {
            return;
        }
        lines.next(bytes);
        line_starts.push((value.len(), next.number));
        value.extend_from_slice(next.bytes);
    }
}

/// Cuts long text for an error message.
pub(super) fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(LIMIT).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colon_inside_a_quoted_parameter_does_not_end_the_header() {
        let mut finder = ColonFinder::default();
        assert_eq!(finder.scan(b"ADR;LABEL=\"a:b\":;;street"), Some(15));
    }

    #[test]
    fn the_colon_finder_resumes_inside_a_quote_across_folds() {
        let mut finder = ColonFinder::default();
        let mut logical = b"ADR;LABEL=\"Kerkstraat 1:".to_vec();
        assert_eq!(finder.scan(&logical), None);
        logical.extend_from_slice(b" Gent\":;;Kerkstraat 1");
        assert_eq!(finder.scan(&logical), Some(30));
    }

    #[test]
    fn lines_end_at_lf_crlf_cr_cr_lf_or_cr_alone() {
        let bytes = b"a\r\nb\nc\r\r\nd";
        let mut lines = PhysicalLines::new(bytes);
        let found: Vec<&[u8]> =
            std::iter::from_fn(|| lines.next(bytes).map(|line| line.bytes)).collect();
        assert_eq!(found, [b"a".as_slice(), b"b", b"c", b"d"]);
        let bytes = b"a\rb\r";
        let mut lines = PhysicalLines::new(bytes);
        let found: Vec<&[u8]> =
            std::iter::from_fn(|| lines.next(bytes).map(|line| line.bytes)).collect();
        assert_eq!(found, [b"a".as_slice(), b"b"]);
    }
}
