//! Text normalisation for search: folded to ASCII lower case and split into words, so that
//! "muller" finds "Müller", "jan w" finds "Jan-Willem" and "sao" finds "São".

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
