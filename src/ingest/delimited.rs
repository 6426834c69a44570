//! Comma- and tab-separated values (open-data budget tables, `.csv`, `.tsv`): each record becomes one line
//! whose fields are set a tab apart, empty fields kept in place, so that the table readers
//! see a grid whose every row has a cell for every column. Quoted fields keep their commas
//! (`"30,000円"`) and lose their quotes; tabs and line breaks inside a field become spaces.
//! A record keeps its empty last fields (`…\t95000000\t`): the grid stays whole.

use super::IngestError;

/// The lines of a CSV text: one per record, fields joined by tabs. Lines that are not
/// records (a title above the table, a note below it with a different number of fields) are
/// kept as their fields joined alike, so nothing of the text is lost.
///
/// Errors: a text that holds no record at all is [`IngestError::Empty`].
pub(crate) fn csv_lines(text: &str) -> Result<Vec<String>, IngestError> {
    delimited_lines(text, b',')
}

/// The lines of a tab-separated text, read as [`csv_lines`] reads a CSV's: a quoted field
/// keeps its tabs as spaces and loses its quotes.
///
/// Errors: a text that holds no record at all is [`IngestError::Empty`].
pub(crate) fn tsv_lines(text: &str) -> Result<Vec<String>, IngestError> {
    delimited_lines(text, b'\t')
}

/// The lines of a text of records whose fields `delimiter` parts.
fn delimited_lines(text: &str, delimiter: u8) -> Result<Vec<String>, IngestError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| IngestError::Unreadable(error.to_string()))?;
        let fields: Vec<String> = record.iter().map(one_line).collect();
        lines.push(fields.join("\t"));
    }
    if lines.iter().all(|line| line.trim().is_empty()) {
        return Err(IngestError::Empty);
    }
    Ok(lines)
}

/// How many cells of a line made from a record hold something.
pub(crate) fn filled_cells(line: &str) -> usize {
    line.split('\t')
        .filter(|cell| !cell.trim().is_empty())
        .count()
}

/// A field on one line: tabs and line breaks inside it become spaces, ends trimmed.
fn one_line(field: &str) -> String {
    field
        .split(['\t', '\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_become_rows_of_tab_separated_cells_with_empty_cells_kept() {
        let text = "年度,事業名,補正額（円）,備考\n2025,道路維持補修事業,95000000,\n\
                    2025,給付金事業,684500000,\"1世帯当たり30,000円\"\n,,歳出合計,1333900000\n";
        let lines = csv_lines(text).expect("lines");
        assert_eq!(
            lines,
            [
                "年度\t事業名\t補正額（円）\t備考",
                "2025\t道路維持補修事業\t95000000\t",
                "2025\t給付金事業\t684500000\t1世帯当たり30,000円",
                "\t\t歳出合計\t1333900000",
            ]
        );
    }

    #[test]
    fn tab_separated_records_are_read_alike_and_commas_stay_in_their_fields() {
        let text = "施策名\t指標名\t年度\t実績値\n地域産業の振興\t新規創業件数\t2024\t1,250\n";
        let lines = tsv_lines(text).expect("lines");
        assert_eq!(
            lines,
            [
                "施策名\t指標名\t年度\t実績値",
                "地域産業の振興\t新規創業件数\t2024\t1,250"
            ]
        );
    }

    #[test]
    fn a_field_with_a_line_break_stays_on_its_record_s_line() {
        let lines = csv_lines("事業名,金額\n\"学校\n空調\",120\n").expect("lines");
        assert_eq!(lines, ["事業名\t金額", "学校 空調\t120"]);
    }

    #[test]
    fn a_text_of_no_records_is_empty() {
        assert!(matches!(csv_lines("\n\n"), Err(IngestError::Empty)));
    }
}
