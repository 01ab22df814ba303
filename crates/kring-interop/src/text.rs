//! Content-line helpers shared by the vCard and iCalendar writers.
//!
//! Why shared: vCard (RFC 6350 §3.2, §3.4) and iCalendar (RFC 5545 §3.1, §3.3.11) use the same
//! content-line rules: lines end with CRLF, are folded so no line is longer than 75 octets (a
//! continuation line starts with one space), and TEXT values escape backslash, comma, semicolon
//! and newline. Getting folding wrong in one place (splitting a UTF-8 character in two) corrupts
//! every accented name, so it lives here once, with its tests.

/// The longest a physical line may be, in octets, not counting the CRLF.
pub(crate) const MAX_LINE_OCTETS: usize = 75;

/// Appends `line` to `output`, folded at [`MAX_LINE_OCTETS`] octets without ever splitting a
/// UTF-8 character, each physical line ending with CRLF.
pub(crate) fn push_folded_line(output: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            output.push_str(rest);
            output.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        output.push_str(head);
        output.push_str("\r\n ");
        rest = tail;
        // The leading space of a continuation line counts towards its 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
}

/// Escapes a TEXT value: backslash, comma, semicolon and line breaks (RFC 6350 §3.4, RFC 5545
/// §3.3.11). Any line break (`\r\n`, `\r`, `\n`) becomes the two characters `\n`.
pub(crate) fn escape_text(value: &str) -> String {
    escape(value, true)
}

/// Escapes only backslash and line breaks: for URIs and for values whose commas and semicolons
/// are meaningful as written (unmodelled properties kept in `extra`). Reading such a value back
/// unescapes it to exactly the same string.
pub(crate) fn escape_minimal(value: &str) -> String {
    escape(value, false)
}

fn escape(value: &str, separators: bool) -> String {
    let mut escaped = String::with_capacity(value.len() + 8);
    let mut characters = value.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' => escaped.push_str("\\\\"),
            '\r' => {
                if characters.peek() == Some(&'\n') {
                    characters.next();
                }
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            ',' if separators => escaped.push_str("\\,"),
            ';' if separators => escaped.push_str("\\;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Trims a value and turns an empty result into `None`.
pub(crate) fn non_empty(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Normalises line breaks to `\n`.
pub(crate) fn normalise_line_breaks(value: &str) -> String {
    if value.contains('\r') {
        value.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(line: &str) -> String {
        let mut output = String::new();
        push_folded_line(&mut output, line);
        output
    }

    #[test]
    fn a_short_line_is_not_folded() {
        assert_eq!(fold("FN:Sofie Peeters"), "FN:Sofie Peeters\r\n");
    }

    #[test]
    fn a_line_of_exactly_seventy_five_octets_is_not_folded() {
        let line = "x".repeat(75);
        assert_eq!(fold(&line), format!("{line}\r\n"));
    }

    #[test]
    fn folded_lines_are_at_most_seventy_five_octets_and_unfold_to_the_original() {
        for length in [76, 149, 150, 151, 500] {
            let line = format!("NOTE:{}", "é".repeat(length));
            let folded = fold(&line);
            for physical in folded.split("\r\n").filter(|physical| !physical.is_empty()) {
                assert!(
                    physical.len() <= 75,
                    "{} octets: {physical:?}",
                    physical.len()
                );
            }
            assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }
    }

    #[test]
    fn folding_never_splits_a_multi_byte_character() {
        // 74 ASCII octets then a 4-octet emoji straddling the 75-octet limit.
        let line = format!("{}😀end", "a".repeat(73));
        let folded = fold(&line);
        assert!(
            folded.starts_with(&format!("{}\r\n 😀end", "a".repeat(73))),
            "{folded:?}"
        );
    }

    #[test]
    fn text_escaping_covers_backslash_comma_semicolon_and_every_line_break() {
        assert_eq!(
            escape_text("a\\b,c;d\ne\r\nf\rg"),
            "a\\\\b\\,c\\;d\\ne\\nf\\ng"
        );
        assert_eq!(escape_minimal("a\\b,c;d\ne"), "a\\\\b,c;d\\ne");
    }
}
