//! Title, date and publisher read from the top of a document.
//!
//! - **Title**: the first level-one Markdown heading near the top, otherwise the first
//!   meaningful line: page numbers, date lines, document labels (資料１, 別紙), lines naming
//!   only a ministry, very short lines and sentences are passed over. A title broken after a
//!   connecting particle (`…の実現と` / `健全で…`) is joined with its next line.
//! - **Date**: the first line near the top that is a date (令和N年M月D日, 令和元年, 平成,
//!   YYYY年M月, full-width digits), else the first date in a short line that is not running
//!   text, as `YYYY-MM` or `YYYY-MM-DD`.
//! - **Publisher**: a line near the top that names a ministry or agency (with its 局/部/課/室),
//!   else the body the title names, else the first one named in a short line of the first
//!   ten;
//!   for local governments, a line that is the name of a prefecture or municipality or a
//!   title that starts with the fiscal year and the municipality.

use crate::extract::recognise::contacts::opens_contact;
use crate::money::find_dates;
use crate::normalize::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// How many lines from the top are read for title, date and publisher.
const TOP_LINES: usize = 40;
/// Longest line (in chars) that can be a title.
const MAX_TITLE_CHARS: usize = 80;
/// Shortest line (in chars) that can be a title.
const MIN_TITLE_CHARS: usize = 4;
/// Longest line (in chars) whose date or agency counts as the document's.
const MAX_HEADER_LINE_CHARS: usize = 60;
/// How many lines from the top may name the publisher in passing (in a heading, say).
const PUBLISHER_MENTION_LINES: usize = 10;
/// Longest continuation line joined to a broken title.
const MAX_CONTINUATION_CHARS: usize = 40;
/// Characters a date line may hold besides the date (閣議決定, 時点, 現在 …).
const MAX_DATE_LINE_EXTRA_CHARS: usize = 6;
/// Share of a line an agency name must cover for the line to be a publisher line.
const MIN_PUBLISHER_LINE_SHARE: f64 = 0.6;

/// The national ministries and agencies, with the bureaus, departments, divisions and offices
/// that follow their name.
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:内閣官房|内閣府|内閣法制局|人事院|会計検査院|宮内庁|公正取引委員会|国家公安委員会",
        r"|個人情報保護委員会|カジノ管理委員会|原子力規制委員会|運輸安全委員会|公害等調整委員会",
        r"|(?:総務|法務|外務|財務|文部科学|厚生労働|農林水産|経済産業|国土交通|環境|防衛)省",
        r"|(?:デジタル|復興|警察|金融|消費者|こども家庭|消防|文化|スポーツ|気象|観光|林野|水産|特許",
        r"|中小企業|資源エネルギー|国税|海上保安|出入国在留管理|公安調査|防衛装備)庁)",
        r"(?:\s*[\p{Han}\p{Katakana}ー・A-Za-z()（）]*(?:局|部|課|室|官房|本部|センター))?"
    ))
    .expect("agency pattern")
});
/// A prefecture or municipality standing alone on a line, maybe with the office in it that
/// wrote the document (`西川原町総務課財政係`, `東浦市 財政局 財政課`).
static LOCAL_GOVERNMENT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\p{Han}\p{Hiragana}\p{Katakana}ー]{1,6}?[都道府県])?[\p{Han}\p{Hiragana}\p{Katakana}ー]{1,8}[都道府県市区町村](?:\s*[\p{Han}\p{Hiragana}\p{Katakana}ー]{1,10}?(?:部|局|課|室|係|班))*$")
        .expect("local government pattern")
});
/// A title that starts with the fiscal year and the municipality (`令和6年度 さくら市一般会計予算`).
static LOCAL_GOVERNMENT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:令和|平成)\s*(?:元|\d{1,2})\s*年度\s*([\p{Han}\p{Hiragana}\p{Katakana}ー]{1,10}?[都道府県市区町村])(?:一般会計|特別会計|当初|補正|予算|の予算)")
        .expect("local government title pattern")
});
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-‐－―]?\s*\d{1,4}\s*[-‐－―]?|\d{1,4}\s*/\s*\d{1,4}|p\.?\s*\d{1,4})$")
        .expect("page number pattern")
});
/// Labels of attachments, handouts and press releases (資料１, 別紙, 参考資料2-1, 報道発表資料).
static DOCUMENT_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[【\[(]?(?:資料|別紙|別添|参考資料|参考|報道発表資料|報道資料|記者発表資料|報道発表|プレスリリース)\s*[\d\-‐－ー]*[】\])]?$")
        .expect("document label pattern")
});
/// A line that only names a fiscal or calendar year (`令和６年度`), printed above a title.
static YEAR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:令和|平成)\s*(?:元|\d{1,2})|\d{4})\s*年度?$").expect("year line pattern")
});
static MARKDOWN_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*#*$").expect("markdown heading pattern"));
static LIST_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-*+]\s+").expect("list marker pattern"));
/// Endings after which a title goes on on the next line.
const CONNECTIVES: &[&str] = &[
    "と",
    "の",
    "、",
    "・",
    "及び",
    "並びに",
    "や",
    "における",
    "に係る",
];

/// What the top of a document says about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TopMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
}

/// Reads title, date and publisher from the first lines of a document.
pub(crate) fn read_top(lines: &[String]) -> TopMeta {
    let raw = &lines[..lines.len().min(TOP_LINES)];
    let top: Vec<String> = raw.iter().map(|l| clean(l)).collect();
    let title_index = title_index(raw, &top);
    let title = title_index.map(|i| full_title(&top, i));
    TopMeta {
        date: date(&top),
        publisher: publisher(&top, title.as_deref()),
        title,
    }
}

/// A line without Markdown heading or list markers, trimmed; a table row whose cells all
/// hold one text (a title in a cell spanning the row, copied into every column it spans)
/// is that text once.
fn clean(line: &str) -> String {
    let line = line.trim();
    let line = spanning_cell(line).unwrap_or(line);
    let line = MARKDOWN_HEADING
        .captures(line)
        .and_then(|c| c.get(2))
        .map_or(line, |m| m.as_str());
    LIST_MARKER.replace(line, "").trim().to_string()
}

/// The text of a row of tab-separated cells whose non-empty cells all hold it.
fn spanning_cell(line: &str) -> Option<&str> {
    let mut cells = line
        .split('\t')
        .map(str::trim)
        .filter(|cell| !cell.is_empty());
    let first = cells.next()?;
    (line.contains('\t') && cells.all(|cell| cell == first)).then_some(first)
}

/// The first level-one Markdown heading that can be a title, else the first line that can.
fn title_index(raw: &[String], top: &[String]) -> Option<usize> {
    let h1 = raw
        .iter()
        .zip(top)
        .position(|(raw, line)| raw.trim_start().starts_with("# ") && is_title_line(line));
    h1.or_else(|| top.iter().position(|line| is_title_line(line)))
}

fn is_title_line(line: &str) -> bool {
    let chars = line.chars().count();
    let normalized = nfkc(line);
    (MIN_TITLE_CHARS..=MAX_TITLE_CHARS).contains(&chars)
        && line.chars().any(char::is_alphanumeric)
        && !line.ends_with('。')
        && !PAGE_NUMBER.is_match(&normalized)
        && !DOCUMENT_LABEL.is_match(&normalized)
        && !opens_contact(&normalized)
        && !YEAR_LINE.is_match(&normalized)
        && !is_date_line(line)
        && !is_publisher_line(line)
}

/// The title at `index`, after the year printed above it, joined with the next line when it
/// breaks after a connective.
fn full_title(top: &[String], index: usize) -> String {
    let mut title = collapse_spaces(&top[index]);
    if let Some(year) = index.checked_sub(1).map(|i| top[i].trim())
        && YEAR_LINE.is_match(&nfkc(year))
    {
        title = format!("{year} {title}");
    }
    let next = top.get(index + 1).map(|l| collapse_spaces(l));
    match next {
        Some(next)
            if CONNECTIVES.iter().any(|c| title.ends_with(c))
                && is_title_line(&next)
                && next.chars().count() <= MAX_CONTINUATION_CHARS =>
        {
            format!("{title}{next}")
        }
        _ => title,
    }
}

fn collapse_spaces(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line that is a date, possibly with a few words (`令和２年12月25日　閣議決定`).
fn is_date_line(line: &str) -> bool {
    if find_dates(line).next().is_none() {
        return false;
    }
    let extra = nfkc(line)
        .chars()
        .filter(|c| {
            !c.is_ascii_digit() && !c.is_whitespace() && !"年月日元令和平成()（）・.,".contains(*c)
        })
        .count();
    extra <= MAX_DATE_LINE_EXTRA_CHARS
}

/// A line that is mostly the name of a ministry, agency or local government.
fn is_publisher_line(line: &str) -> bool {
    publisher_line_name(line).is_some()
}

fn publisher_line_name(line: &str) -> Option<String> {
    let line = line.trim();
    let chars = line.chars().filter(|c| !c.is_whitespace()).count();
    if chars == 0 || chars > MAX_HEADER_LINE_CHARS {
        return None;
    }
    if LOCAL_GOVERNMENT_LINE.is_match(line) {
        return Some(line.to_string());
    }
    let found = AGENCY.find(line)?.as_str();
    let name = without_spaces(found);
    let rest = line.replacen(found, "", 1);
    let rest_chars = rest.chars().filter(|c| c.is_alphanumeric()).count();
    let mostly_name = (rest_chars as f64) <= chars as f64 * (1.0 - MIN_PUBLISHER_LINE_SHARE);
    (rest_chars == 0 || mostly_name || is_date_line(&rest)).then_some(name)
}

fn without_spaces(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first date line, else the first date in a short line that is not running text.
fn date(top: &[String]) -> Option<String> {
    let header =
        |l: &&String| l.chars().count() <= MAX_HEADER_LINE_CHARS && !l.contains(['、', '。', '※']);
    top.iter()
        .filter(|l| is_date_line(l))
        .chain(top.iter().filter(header))
        .find_map(|l| find_dates(l).next())
        .map(|d| d.iso())
}

fn publisher(top: &[String], title: Option<&str>) -> Option<String> {
    if let Some(name) = top.iter().find_map(|l| publisher_line_name(l)) {
        return Some(name);
    }
    if let Some(title) = title {
        if let Some(name) = AGENCY.find(title) {
            return Some(without_spaces(name.as_str()));
        }
        if let Some(caps) = LOCAL_GOVERNMENT_TITLE.captures(&nfkc(title)) {
            return Some(caps[1].to_string());
        }
    }
    top.iter()
        .take(PUBLISHER_MENTION_LINES)
        .filter(|l| l.chars().count() <= MAX_HEADER_LINE_CHARS)
        .find_map(|l| AGENCY.find(l))
        .map(|m| without_spaces(m.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(text: &str) -> TopMeta {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        read_top(&lines)
    }

    #[test]
    fn title_date_and_publisher_of_a_cover_page() {
        let meta = top(
            "\n 1 \n資料１\n令和６年度 総務省所管補正予算の概要\n\n令和６年12月\n総務省自治財政局財政課\n",
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("令和６年度 総務省所管補正予算の概要")
        );
        assert_eq!(meta.date.as_deref(), Some("2024-12"));
        assert_eq!(meta.publisher.as_deref(), Some("総務省自治財政局財政課"));
    }

    #[test]
    fn a_title_in_a_cell_spanning_a_spreadsheet_s_row_is_read_once() {
        let title = "令和８年度　山里町　当初予算総括表";
        let meta = top(&format!(
            "\t{title}\t{title}\t{title}\t{title}\n\t１　会計別予算額\t１　会計別予算額\t\t（単位：円）\n"
        ));
        assert_eq!(
            meta.title.as_deref(),
            Some("令和８年度 山里町 当初予算総括表")
        );
    }

    #[test]
    fn markdown_front_matter() {
        let meta = top(
            "# ベース・レジストリの指定について\n\n- 令和３年５月26日\n- 内閣官房情報通信技術（IT）総合戦略室\n",
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("ベース・レジストリの指定について")
        );
        assert_eq!(meta.date.as_deref(), Some("2021-05-26"));
        assert_eq!(
            meta.publisher.as_deref(),
            Some("内閣官房情報通信技術（IT）総合戦略室")
        );
    }

    #[test]
    fn broken_title_eras_and_full_width_digits() {
        let meta =
            top("Ⅰ 活力ある地域社会の実現と\n健全で持続可能な地方行財政基盤の確立\n令和元年８月\n");
        assert_eq!(
            meta.title.as_deref(),
            Some("Ⅰ 活力ある地域社会の実現と健全で持続可能な地方行財政基盤の確立")
        );
        assert_eq!(meta.date.as_deref(), Some("2019-08"));
        assert_eq!(
            top("平成31年３月28日\n報告書の標題\n").date.as_deref(),
            Some("2019-03-28")
        );
        assert_eq!(
            top("2024年６月\n報告書の標題\n").date.as_deref(),
            Some("2024-06")
        );
    }

    #[test]
    fn local_governments_and_missing_fields() {
        let meta = top("令和６年度 さくら市一般会計予算書\n");
        assert_eq!(meta.publisher.as_deref(), Some("さくら市"));
        assert_eq!(meta.date, None);
        let meta = top("予算に関する説明書\n北海道札幌市\n");
        assert_eq!(meta.publisher.as_deref(), Some("北海道札幌市"));
        // A press release's label is no title.
        let meta = top(
            "報道発表資料\n令和８年２月１３日\n北川市財政部財政課\n（担当）予算係　佐藤\n（電話）０２５６－３２－１１１１\n\n令和８年度北川市当初予算（案）の概要について\n",
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("令和８年度北川市当初予算（案）の概要について")
        );
        // A town's office under the date, above the title, is the publisher, not the title.
        let meta =
            top("令和８年２月１７日\n西川原町総務課財政係\n\n令和８年度　西川原町当初予算の概要\n");
        assert_eq!(
            meta.title.as_deref(),
            Some("令和８年度 西川原町当初予算の概要")
        );
        assert_eq!(meta.publisher.as_deref(), Some("西川原町総務課財政係"));
        // Its bureau and division may stand apart by spaces.
        let meta = top(
            "報道資料\n令和８年２月１０日\n東浦市 財政局 財政課\n\n令和８年度 東浦市当初予算案について\n",
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("令和８年度 東浦市当初予算案について")
        );
        let prose = "この文書は、見出しのない長い本文だけからできており、どの行も句点で終わる文になっている。\n";
        assert_eq!(top(prose), TopMeta::default());
    }

    #[test]
    fn a_ministry_named_in_passing_is_not_a_publisher_line() {
        assert!(!is_publisher_line("関係省庁との連携"));
        assert!(!is_publisher_line("総務省の取組について紹介する資料"));
        assert!(is_publisher_line("総務省"));
        assert!(is_publisher_line("令和７年１月 総務省"));
    }
}
