//! Markdown kept line for line, except the HTML tables written into it (`<table>` …
//! `</table>`, one tag per line as editors leave them): each is read as an HTML page's table
//! is, a line of tab-separated cells per row, and every row is set on the line its `<tr>`
//! (the caption on its `<caption>` line) so that the lines around keep their numbers; and
//! except a block quote's marks (`> `), which leave its lines as they are quoted.

use super::html;

/// How an HTML table opens, in any letter case.
const TABLE_TAG: &str = "<table";

/// `lines` with each HTML table block replaced by its rows, the block's other lines blank.
pub(super) fn with_html_tables(mut lines: Vec<String>) -> Vec<String> {
    let mut start = 0;
    while let Some(open) = (start..lines.len()).find(|&n| opens_table(&lines[n])) {
        let Some(close) = (open..lines.len()).find(|&n| lines[n].contains("</table>")) else {
            break;
        };
        let block = lines[open..=close].join("\n");
        let rows: Vec<String> = html::fragment_lines(&block)
            .into_iter()
            .filter(|line| !line.trim().is_empty())
            .collect();
        let anchors: Vec<usize> = (open..=close)
            .filter(|&n| lines[n].contains("<tr") || lines[n].contains("<caption"))
            .collect();
        if !rows.is_empty() {
            let places: Vec<usize> = if anchors.len() == rows.len() {
                anchors
            } else {
                (open..=close).collect()
            };
            for line in &mut lines[open..=close] {
                line.clear();
            }
            let mut rows = rows.into_iter();
            for (place, row) in places.iter().zip(rows.by_ref()) {
                lines[*place] = row;
            }
            // More rows than the block has lines: the rest after its last line.
            let rest: Vec<String> = rows.collect();
            let after = close + 1;
            lines.splice(after..after, rest);
        }
        start = close + 1;
    }
    lines
}

/// `lines` without the marks of block quotes (`> **【数値目標】…**`, `> > …`) before them:
/// Markdown's, and an e-mail's quoted lines in plain text (`> 【KPI 3-2-1】…`, `>> …`).
pub(super) fn without_quote_marks(lines: Vec<String>) -> Vec<String> {
    lines
        .into_iter()
        .map(|line| {
            let mut rest = line.trim_start();
            if !rest.starts_with('>') || line.len() - rest.len() >= 4 {
                return line;
            }
            while let Some(inner) = rest.strip_prefix('>') {
                rest = inner.strip_prefix(' ').unwrap_or(inner);
            }
            rest.to_string()
        })
        .collect()
}

/// Whether a Markdown line opens an HTML table (outside a code block's indentation).
fn opens_table(line: &str) -> bool {
    let trimmed = line.trim_start();
    line.len() - trimmed.len() < 4
        && trimmed
            .get(..TABLE_TAG.len())
            .is_some_and(|tag| tag.eq_ignore_ascii_case(TABLE_TAG))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_table_in_markdown_becomes_rows_on_the_lines_of_its_tr_tags() {
        let text = "## 予算\n\n<table>\n  <caption>会計別予算額（単位：千円）</caption>\n  <tr>\n    <th>会計</th>\n    <th>令和８年度</th>\n  </tr>\n  <tr>\n    <td>一般会計</td>\n    <td>9,864,000</td>\n  </tr>\n</table>\n\n本文";
        let read = with_html_tables(lines(text));
        assert_eq!(read.len(), 15);
        assert_eq!(read[3], "会計別予算額（単位：千円）");
        assert_eq!(read[4], "会計\t令和８年度");
        assert_eq!(read[8], "一般会計\t9,864,000");
        assert_eq!(read[14], "本文");
        assert!(read[9..13].iter().all(String::is_empty));
    }

    #[test]
    fn a_block_quote_s_lines_lose_their_marks() {
        let text = lines("本文\n> **【数値目標】従業者数**\n> > 策定時：36,912人\n>\n    > コード");
        assert_eq!(
            without_quote_marks(text),
            [
                "本文",
                "**【数値目標】従業者数**",
                "策定時：36,912人",
                "",
                "    > コード"
            ]
        );
    }

    #[test]
    fn markdown_without_tables_and_an_unclosed_table_are_kept() {
        let text = lines("# 見出し\n\n| a | b |\n|---|---|\n<table>\n<tr><td>x</td></tr>");
        assert_eq!(with_html_tables(text.clone()), text);
    }
}
