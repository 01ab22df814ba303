//! Numbers as each language writes them: a decimal comma in Dutch, French and German, a point in
//! English. Figures a script reads (`--json`, CSV) never go through here.

use crate::Language;

/// `value` with `places` decimals in `language` ("0.125" in English, "0,125" in Dutch). Whole
/// numbers need nothing: Fluent writes them as they are.
pub fn decimal(language: Language, value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match language {
        Language::English => text,
        Language::Dutch | Language::French | Language::German => text.replace('.', ","),
    }
}

/// `value` as Rust writes it (as many decimals as it needs), with the language's separator.
pub fn number(language: Language, value: f64) -> String {
    let text = value.to_string();
    match language {
        Language::English => text,
        Language::Dutch | Language::French | Language::German => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_takes_the_languages_separator() {
        assert_eq!(decimal(Language::English, 0.125, 3), "0.125");
        assert_eq!(decimal(Language::Dutch, 0.125, 3), "0,125");
        assert_eq!(decimal(Language::French, 12.34, 1), "12,3");
        assert_eq!(decimal(Language::German, -1.5, 0), "-2");
        assert_eq!(number(Language::German, 3.25), "3,25");
        assert_eq!(number(Language::English, 3.25), "3.25");
    }
}
