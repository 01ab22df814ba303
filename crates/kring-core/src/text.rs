//! Text normalisation for search: folded to ASCII lower case and split into words, so that
//! "muller" finds "Müller", "jan w" finds "Jan-Willem" and "sao" finds "São". Also the forms
//! e-mail addresses and phone numbers are compared in (identity groups, erasure), and escaping
//! for HTML (reports, access reports).

/// Folds accents and case: "Müller" → "muller", "Ærø" → "aero".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            // deunicode gives a transliteration per character; fall back to the lower-case
            // character itself for scripts it does not know.
            match deunicode::deunicode_char(c) {
                Some(ascii) if !ascii.is_empty() && ascii != "[?]" => {
                    out.extend(ascii.chars().map(|a| a.to_ascii_lowercase()))
                }
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The folded words of a text, split on anything that is not a letter or a digit.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect::<Vec<_>>()
        .into_iter()
}

/// An email address as compared: trimmed and in lower case ("Jan@Port.be" is "jan@port.be").
pub fn normalise_email(email: &str) -> Option<String> {
    let trimmed = email.trim();
    let trimmed = trimmed
        .strip_prefix("mailto:")
        .or_else(|| trimmed.strip_prefix("MAILTO:"))
        .unwrap_or(trimmed);
    let normalised = trimmed.to_lowercase();
    normalised.contains('@').then_some(normalised)
}

/// A phone number as compared: `+` and the digits of the international number. National numbers
/// are read as Belgian, so "+32 3 229 11 11", "03 229 11 11", "0032 3 229 11 11" and
/// "+32 (0)3 229 11 11" are all "+3232291111". A number without any prefix ("229 11 11") is kept
/// as its digits. Fewer than six digits is no phone number.
pub fn normalise_phone(phone: &str) -> Option<String> {
    // "+32 (0)3 …": the (0) is the national trunk prefix, not part of the international number.
    let text = phone.replace("(0)", "");
    let has_plus = text.trim_start().starts_with('+');
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 6 {
        return None;
    }
    let international = if has_plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    let international = match (international, digits.strip_prefix('0')) {
        (Some(number), _) => number.to_owned(),
        (None, Some(national)) => format!("{BELGIUM}{national}"),
        (None, None) => return Some(digits),
    };
    // "+32 03 …" is written often enough: no Belgian number continues with a 0.
    let international = match international.strip_prefix(&format!("{BELGIUM}0")) {
        Some(rest) => format!("{BELGIUM}{rest}"),
        None => international,
    };
    Some(format!("+{international}"))
}

const BELGIUM: &str = "32";

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("Françoise DUBOIS"), "francoise dubois");
        assert_eq!(fold("Łódź"), "lodz");
    }

    #[test]
    fn hyphens_and_punctuation_split_words() {
        let found: Vec<String> = words("Jan-Willem Van den Broeck, jan.w@gent.be").collect();
        assert_eq!(
            found,
            ["jan", "willem", "van", "den", "broeck", "jan", "w", "gent", "be"]
        );
    }
}
