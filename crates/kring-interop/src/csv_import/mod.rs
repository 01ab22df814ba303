//! CSV import: LinkedIn, Outlook, Google and any other contact list.
//!
//! Why CSV needs more than a CSV parser: the `csv` crate handles quoting, but a contact export
//! also needs its character set guessed (`decoding`), its delimiter guessed (Excel in Belgium
//! writes semicolons), its header row found (LinkedIn puts a few lines of notes above it), its
//! columns mapped to fields (`mapping`), multi-valued cells split (Google's ` ::: `) and its
//! dates read in the right day/month order. Every step that can fail names the line.

mod decoding;
mod mapping;
mod rows;

use serde::Serialize;

pub use mapping::{detect_csv_preset, AddressPart, CsvField, CsvMapping, CsvPreset};

use crate::contact::ContactDraft;
use crate::dates::{infer_order, DateOrder};
use crate::error::InteropError;

/// How many records at the top are searched for the header row.
const HEADER_SEARCH_RECORDS: usize = 50;

/// The result of reading a CSV file: what was found and how it was interpreted, so a user
/// interface can show the guesses and let the user correct the mapping.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CsvImport {
    /// The header row, trimmed.
    pub headers: Vec<String>,
    /// The 1-based line of the header row (LinkedIn's is not the first).
    pub header_line: usize,
    /// The preset used (given by the caller or detected).
    pub preset: CsvPreset,
    /// The mapping used (given by the caller or built from the preset).
    pub mapping: CsvMapping,
    /// One draft per non-empty row.
    pub contacts: Vec<ContactDraft>,
    /// The character set the file was in: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub encoding: &'static str,
    /// The delimiter: `b','`, `b';'` or `b'\t'`.
    pub delimiter: u8,
}

/// Reads a CSV file of contacts.
///
/// `preset` forces a preset instead of detecting it from the headers; `mapping` replaces the
/// preset's mapping entirely. Rows whose cells are all empty are skipped; a row with a different
/// number of fields than the header is an error naming its line.
pub fn read_csv(
    bytes: &[u8],
    preset: Option<CsvPreset>,
    mapping: Option<&CsvMapping>,
) -> Result<CsvImport, InteropError> {
    let decoded = decoding::decode(bytes)?;
    let (delimiter, body, line_offset) = match excel_separator_hint(&decoded.text) {
        Some((delimiter, rest)) => (delimiter, rest, 1),
        None => (detect_delimiter(&decoded.text), decoded.text.as_str(), 0),
    };
    let records = parse_records(body, delimiter, line_offset)?;
    let header_index = find_header(&records).ok_or_else(|| {
        InteropError::malformed(
            1,
            "the file is empty: there is no header row with column names",
        )
    })?;
    let (header_line, header_record) = &records[header_index];
    let headers: Vec<String> = header_record
        .iter()
        .map(|header| header.trim().to_owned())
        .collect();
    let preset = preset.unwrap_or_else(|| detect_csv_preset(&headers));
    let mapping = mapping
        .cloned()
        .unwrap_or_else(|| CsvMapping::for_preset(preset, &headers));
    let data = &records[header_index + 1..];
    for (line, record) in data {
        if record.len() != headers.len() && !record.iter().all(|cell| cell.trim().is_empty()) {
            return Err(InteropError::malformed(
                *line,
                format!(
                    "this row has {} fields but the header on line {header_line} has {}",
                    record.len(),
                    headers.len()
                ),
            ));
        }
    }
    let date_order = birthday_order(&mapping, data, preset);
    let row_context = rows::RowContext {
        mapping: &mapping,
        headers: &headers,
        preset,
        date_order,
    };
    let contacts = data
        .iter()
        .filter_map(|(line, record)| row_context.build(*line, record))
        .collect();
    Ok(CsvImport {
        headers,
        header_line: *header_line,
        preset,
        mapping,
        contacts,
        encoding: decoded.encoding,
        delimiter,
    })
}

/// Excel understands a first line `sep=;` naming the delimiter; honour it.
fn excel_separator_hint(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let hint = first.trim_end_matches('\r').strip_prefix("sep=")?;
    match hint.as_bytes() {
        [delimiter @ (b',' | b';' | b'\t' | b'|')] => Some((*delimiter, rest)),
        _ => None,
    }
}

/// Picks the delimiter (comma, semicolon or tab) that splits the first records into the most
/// rows of one same width, preferring wider rows on a tie and the comma when nothing splits.
fn detect_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let widths: Vec<usize> = reader
            .records()
            .take(HEADER_SEARCH_RECORDS)
            .map_while(Result::ok)
            .map(|record| record.len())
            .filter(|&width| width > 1)
            .collect();
        let mut counts: std::collections::BTreeMap<usize, usize> =
            std::collections::BTreeMap::new();
        for width in widths {
            *counts.entry(width).or_default() += 1;
        }
        let modal = counts.iter().map(|(&width, &count)| (count, width)).max();
        if let Some((count, width)) = modal {
            if (count, width) > (best.1, best.2) {
                best = (delimiter, count, width);
            }
        }
    }
    best.0
}

type NumberedRecord = (usize, csv::StringRecord);

/// Reads every record with the 1-based line where it starts. The `csv` crate's own line count
/// misses blank lines and counts CRLF oddly, so lines are counted here from its byte offsets
/// (which point just before the line breaks that precede a record).
fn parse_records(
    text: &str,
    delimiter: u8,
    line_offset: usize,
) -> Result<Vec<NumberedRecord>, InteropError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter {
        text: text.as_bytes(),
        position: 0,
        line: 1,
    };
    let mut records = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let byte = record.position().map_or(0, csv::Position::byte);
                records.push((lines.line_of_record_at(byte) + line_offset, record.clone()));
            }
            Ok(false) => return Ok(records),
            Err(error) => {
                let byte = error.position().map_or(0, csv::Position::byte);
                let line = lines.line_of_record_at(byte) + line_offset;
                return Err(InteropError::malformed(
                    line,
                    format!("unreadable CSV: {error}"),
                ));
            }
        }
    }
}

/// Counts line breaks incrementally, so numbering every record stays linear in the file size.
struct LineCounter<'a> {
    text: &'a [u8],
    position: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn line_of_record_at(&mut self, byte: u64) -> usize {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start >= self.position {
            let breaks = self.text[self.position..start]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count();
            self.line += breaks;
            self.position = start;
        }
        self.line
    }
}

/// The header row: the first of the top records that a preset recognises (LinkedIn's notes
/// come before it), else the first record with more than one field (a title line above a list
/// is skipped), else the first record.
fn find_header(records: &[NumberedRecord]) -> Option<usize> {
    let top = &records[..records.len().min(HEADER_SEARCH_RECORDS)];
    let as_strings =
        |record: &csv::StringRecord| record.iter().map(str::to_owned).collect::<Vec<_>>();
    top.iter()
        .position(|(_, record)| detect_csv_preset(&as_strings(record)) != CsvPreset::Generic)
        .or_else(|| top.iter().position(|(_, record)| record.len() > 1))
        .or_else(|| (!records.is_empty()).then_some(0))
}

/// Day-first or month-first for the birthday columns: decided by the data when some date has a
/// part above 12, else by the export (Outlook's English export is American).
fn birthday_order(mapping: &CsvMapping, data: &[NumberedRecord], preset: CsvPreset) -> DateOrder {
    let birthday_columns: Vec<usize> = mapping
        .fields()
        .iter()
        .enumerate()
        .filter(|(_, field)| **field == CsvField::Birthday)
        .map(|(column, _)| column)
        .collect();
    let values = data.iter().flat_map(|(_, record)| {
        birthday_columns
            .iter()
            .filter_map(|&column| record.get(column))
    });
    infer_order(values).unwrap_or(match preset {
        CsvPreset::Outlook => DateOrder::MonthFirst,
        CsvPreset::LinkedIn | CsvPreset::Google | CsvPreset::Generic => DateOrder::DayFirst,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_that_gives_consistent_rows_wins() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(
            detect_delimiter("Naam;Bedrijf;Stad\nVan den Broeck, Lieve;Stad Gent;Gent\n"),
            b';'
        );
        assert_eq!(detect_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(detect_delimiter("single column\nvalue\n"), b',');
    }

    #[test]
    fn an_excel_separator_line_sets_the_delimiter_and_is_skipped() {
        let import =
            read_csv(b"sep=;\nVoornaam;Achternaam\nSofie;Peeters\n", None, None).expect("valid");
        assert_eq!(import.delimiter, b';');
        assert_eq!(import.header_line, 2);
        assert_eq!(import.contacts[0].source_line, 3);
        assert_eq!(import.contacts[0].display_name, "Sofie Peeters");
    }
}
