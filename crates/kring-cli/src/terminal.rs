//! What `kring` prints is safe for a terminal, whatever the data holds. Names, notes and
//! summaries come from colleagues' bundles, address books and calendars: an escape sequence in a
//! name could clear the screen, retitle the window, hide text or forge a line of output. Text
//! output loses every control character but newline and tab (C0, DEL, C1 such as the one-byte
//! CSI U+009B, and the Unicode controls that reorder or break lines); JSON keeps the data exact,
//! with those characters written as `\u` escapes, which JSON readers turn back into them. This
//! module is the one place that decides what a terminal may receive: [`strip_controls`] for whole
//! lines (every `out!` line passes through it), [`clean`] for one value set in a line.

use std::borrow::Cow;

/// One line on standard error that says how far a long command is (an import, a compaction),
/// written over itself; only when standard error is a terminal and the output is not JSON, so
/// that a script or a log file gets none of it.
pub struct ProgressLine {
    shown: bool,
}

impl ProgressLine {
    pub fn new(json: bool) -> ProgressLine {
        ProgressLine {
            shown: !json && std::io::IsTerminal::is_terminal(&std::io::stderr()),
        }
    }

    /// Shows `done` of `total` in the words `say(percent)` gives.
    pub fn show(&self, done: u64, total: u64, say: impl FnOnce(u64) -> String) {
        if self.shown && total > 0 {
            eprint!("\r{}", strip_controls(&say(done * 100 / total)));
        }
    }

    /// Clears the line, so the command's own output starts on a clean one.
    pub fn finish(&self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}

/// A character a terminal may act on instead of showing.
fn is_control(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        // C0, DEL, C1.
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Line and paragraph separators, and the bidirectional embeddings, overrides and
        // isolates that can make a line read other than it is.
        '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Text for a terminal: control characters removed (newlines and tabs stay, so this suits a
/// whole block of output; every line `kring` prints passes through it).
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    without(text, is_control)
}

/// One value from data (a name, an e-mail, a reason) for a line of output: control characters
/// removed, and newlines and tabs too, so a value cannot start a line that looks like
/// `kring`'s own ("approved …") or push the columns apart.
pub fn clean(text: &str) -> Cow<'_, str> {
    without(text, |c| is_control(c) || c == '\n' || c == '\t')
}

fn without(text: &str, drop: impl Fn(char) -> bool) -> Cow<'_, str> {
    if text.chars().any(&drop) {
        Cow::Owned(text.chars().filter(|c| !drop(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// JSON text for a terminal: the control characters serde_json writes as they are (C1, the
/// Unicode controls; it already escapes C0) written as `\uXXXX` escapes, so the value is unchanged.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_control_in_json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_control_in_json(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Outside strings JSON has only spaces and newlines, which stay; inside, serde escapes C0.
fn is_control_in_json(c: char) -> bool {
    is_control(c) && c > '\u{1f}'
}

/// A JSON value as pretty JSON text that is safe for a terminal.
pub fn json_text(value: &impl serde::Serialize) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(escape_json_controls(&text).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_control_characters_and_newlines_stay() {
        let hostile = "Jan\u{1b}[2J\u{1b}]0;pwned\u{7}\r\u{9b}31m Peeters\u{202e}\nline two\tok";
        assert_eq!(
            strip_controls(hostile),
            "Jan[2J]0;pwned31m Peeters\nline two\tok"
        );
        assert!(matches!(strip_controls("Jan Peeters"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_value_on_a_line_loses_its_line_breaks_and_tabs_as_well() {
        assert_eq!(
            clean("Jan\u{1b}[2J Peeters\napproved: Mallory\tx\u{2028}y"),
            "Jan[2J Peetersapproved: Malloryxy"
        );
        assert!(matches!(clean("jan@stad.be"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_the_value_with_control_characters_escaped() {
        let value = serde_json::json!({ "name": "Jan\u{1b}[2J\u{9b}31m\u{202e}" });
        let text = json_text(&value).unwrap();
        assert!(!text.chars().any(|c| is_control(c) && c != '\n'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value, "JSON readers get the data back exactly");
    }
}
