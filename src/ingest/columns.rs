//! Pages set in two columns of text, as `pdftotext -layout` prints them: side by side, half a
//! line of the left column and half a line of the right one on each line. From the line where
//! the right column starts, each line is cut at the gutter and the left column is read before
//! the right one; lines above it (a title, a table across the page) stay as they are.
//!
//! A gutter is a character position in the middle of the page where, on many lines, text
//! starts after a run of spaces, and which no line's text runs across. A table whose columns
//! are set the same way differs: figures rather than text on the right of the gutter, labels
//! rather than text that fills its column on the left; such a page is left alone.

use unicode_width::UnicodeWidthStr;

/// Fewest lines on which the right column starts at the gutter.
const MIN_GUTTER_LINES: usize = 6;
/// Share of the non-blank lines below the first gutter line that start a cell at it.
const MIN_GUTTER_SHARE: f64 = 0.4;
/// Largest share of those lines whose text runs across the gutter.
const MAX_CROSSING_SHARE: f64 = 0.1;
/// Share of the cut lines whose left part fills its column to near the gutter.
const MIN_FILLED_SHARE: f64 = 0.3;
/// Share of the non-blank lines below the first gutter line that hold the left column alone,
/// and share that hold the right one alone, on a page whose columns go on independently of
/// each other (short items and their figures on both sides), which fill no column.
const MIN_ALONE_SHARE: f64 = 0.15;
/// How far short of the gutter (in display columns) a filled left part may end.
const FILLED_SLACK: usize = 8;
/// Share of the right parts that are text (not figures alone).
const MIN_TEXT_RIGHT_SHARE: f64 = 0.6;
/// Letters (kana, kanji, latin) a right part needs to count as text.
const MIN_RIGHT_LETTERS: usize = 4;
/// Largest share of the cut lines whose left part holds cells set apart by a gap (`1   総務局
/// 行政手続…事業   拡充`) and whose right part ends in a figure in a cell of its own (`所に導入
/// する。   186,420`): a table's row cut at a wide column of text, not a column's line. (A
/// table with a column of notes at its right, text alone there, is read apart.)
const MAX_TABLE_ROWS_SHARE: f64 = 0.5;
/// Spaces before a cell that the gutter stands in.
const GUTTER_SPACES: usize = 2;

/// The lines of `page` with its two text columns read one after the other, or `None` when the
/// page is not set in two columns.
pub(super) fn apart(page: &[String]) -> Option<Vec<String>> {
    let lines: Vec<Vec<char>> = page.iter().map(|line| line.chars().collect()).collect();
    let width = lines.iter().map(Vec::len).max()?;
    let gutter = gutter(&lines, width)?;
    let first = lines.iter().position(|line| {
        start_near(line, gutter)
            .is_some_and(|start| !has_gap(&line[..start]) && !has_gap(&line[start..]))
    })?;
    let mut left = Vec::new();
    let mut right = Vec::new();
    let (mut nonblank, mut at_gutter, mut crossing, mut cut, mut filled) = (0, 0, 0, 0, 0);
    let (mut left_alone, mut right_alone) = (0, 0);
    let mut text_right = 0;
    let mut table_rows = 0;
    for line in &lines[first..] {
        let text: String = line.iter().collect();
        if text.trim().is_empty() {
            left.push(String::new());
            continue;
        }
        nonblank += 1;
        let indent = line.iter().take_while(|c| c.is_whitespace()).count();
        if let Some(start) = start_near(line, gutter) {
            at_gutter += 1;
            let head: String = line[..start].iter().collect();
            let tail: String = line[start..].iter().collect();
            if tail.chars().filter(|c| c.is_alphabetic()).count() >= MIN_RIGHT_LETTERS {
                text_right += 1;
            }
            if head.trim().is_empty() {
                right_alone += 1;
                right.push(tail);
            } else {
                cut += 1;
                if has_gap(&line[..start]) && ends_in_figure_cell(&line[start..]) {
                    table_rows += 1;
                }
                if head.trim_end().width() + FILLED_SLACK >= gutter {
                    filled += 1;
                }
                left.push(head.trim_end().to_string());
                right.push(tail);
            }
        } else if indent + 1 >= gutter {
            right_alone += 1;
            right.push(text.trim_start().to_string());
        } else {
            if line.len() > gutter {
                crossing += 1;
            } else {
                left_alone += 1;
            }
            left.push(text);
        }
    }
    let share = |count: usize| count as f64 / nonblank.max(1) as f64;
    let columns = at_gutter >= MIN_GUTTER_LINES
        && share(at_gutter) >= MIN_GUTTER_SHARE
        && share(crossing) <= MAX_CROSSING_SHARE
        && text_right as f64 >= at_gutter as f64 * MIN_TEXT_RIGHT_SHARE
        && (table_rows as f64) <= cut as f64 * MAX_TABLE_ROWS_SHARE
        && (filled as f64 >= cut as f64 * MIN_FILLED_SHARE
            || (share(left_alone) >= MIN_ALONE_SHARE && share(right_alone) >= MIN_ALONE_SHARE));
    if !columns {
        return None;
    }
    let mut apart: Vec<String> = page[..first].to_vec();
    apart.extend(left);
    apart.push(String::new());
    apart.extend(right);
    Some(apart)
}

/// Whether the text of `part` (leading and trailing spaces aside) holds a gap of cells: a
/// table row set across the gutter rather than a line of one column.
fn has_gap(part: &[char]) -> bool {
    let text: String = part.iter().collect();
    text.trim().contains(&" ".repeat(GUTTER_SPACES))
}

/// Whether the text of `part` ends in a figure set after a gap (`…する。   186,420`).
fn ends_in_figure_cell(part: &[char]) -> bool {
    let text: String = part.iter().collect();
    text.trim()
        .rsplit_once(&" ".repeat(GUTTER_SPACES))
        .is_some_and(|(_, last)| crate::money::parse_number(last).is_some())
}

/// The position in the middle of the page (a quarter to three quarters of its width) at which most
/// lines start a cell after spaces, if enough do.
fn gutter(lines: &[Vec<char>], width: usize) -> Option<usize> {
    let (from, to) = (width / 4, width * 3 / 4);
    (from..=to)
        .map(|position| {
            let count = lines
                .iter()
                .filter(|line| start_near(line, position).is_some())
                .count();
            (count, position)
        })
        .filter(|(count, _)| *count >= MIN_GUTTER_LINES)
        .max_by_key(|(count, position)| (*count, std::cmp::Reverse(*position)))
        .map(|(_, position)| position)
}

/// Where a cell starts within one character of `position` on `line`, after spaces.
fn start_near(line: &[char], position: usize) -> Option<usize> {
    (position.saturating_sub(1)..=position + 1).find(|&start| {
        start >= GUTTER_SPACES
            && line.get(start).is_some_and(|c| !c.is_whitespace())
            && line[start - GUTTER_SPACES..start]
                .iter()
                .all(|c| c.is_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    }

    /// The non-blank lines of a page set in two columns, read one column after the other.
    fn read_apart(lines: &[String]) -> Vec<String> {
        apart(lines)
            .expect("two columns")
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn two_columns_of_text_are_read_one_after_the_other() {
        let left = "■中小企業エネルギー価格高騰対策支援事業";
        // `-layout` sets the right column at one character position; running text of the
        // left column fills it to about that display width.
        let fill = |text: &str| format!("{text}{}", " ".repeat(44 - text.chars().count()));
        let lines = page(&[
            "令和７年度 補正予算の概要",
            &format!("{}■県立学校体育館空調整備事業", fill(left)),
            &format!("{}補正額 865,300千円", fill("補正額 1,850,000千円")),
            &format!(
                "{}避難所となる県立高校に空調を整備",
                fill("中小企業者に対し使用量に応じた支援金を支給する")
            ),
            &format!(
                "{}■避難所用備蓄物資整備事業",
                fill("■医療機関物価高騰対策支援金の交付")
            ),
            &format!("{}補正額 96,850千円", fill("補正額 1,236,400千円")),
            &format!(
                "{}段ボールベッド等の備蓄物資を整備",
                fill("病院・診療所等の光熱費及び食材料費の高騰分を支援")
            ),
        ]);
        let read = read_apart(&lines);
        assert_eq!(read[0], "令和７年度 補正予算の概要");
        assert_eq!(read[1], left);
        assert_eq!(read[2], "補正額 1,850,000千円");
        assert_eq!(read[7], "■県立学校体育館空調整備事業");
        assert_eq!(read[8], "補正額 865,300千円");
    }

    #[test]
    fn columns_of_short_items_going_on_apart_are_read_one_after_the_other() {
        // A leaflet: accounts and their figures on the left, projects on the right, each
        // column's lines going on where the other's leave a gap.
        let at_gutter = |left: &str, right: &str| {
            format!("{left}{}{right}", " ".repeat(40 - left.chars().count()))
        };
        let alone_right = |right: &str| format!("{}{right}", " ".repeat(40));
        let lines = page(&[
            "令和９年度 予算のあらまし",
            &at_gutter("会計別の予算額", "令和９年度の主な事業"),
            &at_gutter("■一般会計 412億円", "◆医療費助成事業"),
            &at_gutter("（前年度比 8億円増）", "3億8,460万円"),
            "■国民健康保険特別会計 98億円",
            "（前年度比 1億円減）",
            &alone_right("◆体育館空調整備事業"),
            &alone_right("6億2,400万円（新規）"),
            &at_gutter("■介護保険特別会計 86億円", "避難所となる12校に整備"),
            "（前年度比 2億円増）",
            &alone_right("◆駅前広場再整備事業"),
            &alone_right("2億7,850万円"),
        ]);
        let read = read_apart(&lines);
        let right = read
            .iter()
            .position(|l| l == "令和９年度の主な事業")
            .expect("the right column");
        assert_eq!(read[right - 1], "（前年度比 2億円増）");
        assert_eq!(
            read[right + 1..right + 5],
            [
                "◆医療費助成事業",
                "3億8,460万円",
                "◆体育館空調整備事業",
                "6億2,400万円（新規）"
            ]
        );
    }

    #[test]
    fn a_table_of_labels_and_figures_is_left_alone() {
        let lines = page(&[
            "区分          令和７年度        令和６年度",
            "一般会計      812,345           798,765",
            "特別会計      412,300           405,000",
            "企業会計      64,870            66,130",
            "公債管理      19,845            18,723",
            "国保          24,567            25,123",
            "合計          1,270,591         1,251,208",
        ]);
        assert_eq!(apart(&lines), None);
    }

    #[test]
    fn a_table_with_a_wide_column_of_text_before_its_figures_is_left_alone() {
        // Cells on the left, a description and the row's figure right of where the
        // description column starts (a page as `pdftotext -layout` prints it).
        let lines = page(&[
            "                                                                                             令和8年度",
            " No.     部局               事業名             区分                            事業の概要",
            "                                                                                             予算案額",
            "                                               電子申請の対象手続を約600手続に拡大するとともに、「書かない窓口」を本庁舎及び全7支",
            " 1     総務局       行政手続オンライン化推進事業           拡充   所に導入する。                                          186,420",
            "                                               公共施設等総合管理計画に基づき、施設の複合化・集約化に向けた個別施設計画を改訂す",
            " 2     総務局       公共施設マネジメント推進事業           継続   る。                                                48,960",
            " 3     市民局       地域コミュニティ活動支援事業           継続   町内会・自治会の活動費補助及び地域運営組織の設立支援（モデル3地区）を行う。             93,715",
            " 4     市民局       東雲市民文化会館大規模改修事業          継続   築45年を経過した市民文化会館の舞台機構・空調設備等の大規模改修を行う（2年目）。       1,286,500",
            " 5     こども未来局    私立保育所等給付費                継続   私立保育所・認定こども園・小規模保育事業所等に対し、施設型給付費等を支給する。        14,862,310",
            " 6     こども未来局    放課後児童クラブ運営事業             拡充   待機児童の解消に向け、学校施設を活用したクラブを5か所増設する（計78か所）。         1,108,240",
            " 7     こども未来局    こども医療費助成事業               拡充   令和8年10月診療分から、通院医療費の助成対象を18歳到達年度末まで拡大する。         2,364,800",
        ]);
        assert_eq!(apart(&lines), None);
    }
}
