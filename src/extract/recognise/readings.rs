//! Header words written as their readings: systems that print only kana (a mainframe's
//! line printer, an old export) set a table's column labels in half-width katakana
//! (`ｼﾋｮｳﾒｲ`, `ｷｼﾞｭﾝﾁ ﾈﾝﾄﾞ`, `ｼﾞｯｾｷ R04`). Each word of such a label that is the reading of a
//! common header word is written as that word, so that the readers of headers know it.

use crate::normalize::nfkc;
use std::borrow::Cow;

/// Readings of the words tables of budgets and indicators head their columns with, longest
/// first where one begins another (`キジュンチ` before `キジュン`).
const HEADER_READINGS: [(&str, &str); 24] = [
    ("シヒョウメイ", "指標名"),
    ("シヒョウ", "指標"),
    ("キジュンチ", "基準値"),
    ("キジュン", "基準"),
    ("モクヒョウチ", "目標値"),
    ("モクヒョウ", "目標"),
    ("ジッセキチ", "実績値"),
    ("ジッセキ", "実績"),
    ("ゲンジョウチ", "現状値"),
    ("ネンド", "年度"),
    ("タンイ", "単位"),
    ("ホウコウ", "方向"),
    ("ヒョウカ", "評価"),
    ("シンチョクリツ", "進捗率"),
    ("シンチョク", "進捗"),
    ("タッセイド", "達成度"),
    ("タッセイリツ", "達成率"),
    ("シサクメイ", "施策名"),
    ("シサク", "施策"),
    ("ジギョウメイ", "事業名"),
    ("ジギョウ", "事業"),
    ("バンゴウ", "番号"),
    ("ヨサンガク", "予算額"),
    ("ビコウ", "備考"),
];

/// `label` with each space-separated word that is the reading of a header word written as
/// that word (`ｷｼﾞｭﾝﾁ ﾈﾝﾄﾞ` → `基準値 年度`); borrowed when no word is a reading.
pub fn header_words_from_readings(label: &str) -> Cow<'_, str> {
    if !holds_readings(label) {
        return Cow::Borrowed(label);
    }
    let folded = nfkc(label);
    let words: Vec<&str> = folded
        .split([' ', '\u{3000}'])
        .map(|word| {
            HEADER_READINGS
                .iter()
                .find(|(reading, _)| *reading == word)
                .map_or(word, |(_, written)| *written)
        })
        .collect();
    Cow::Owned(words.join(" "))
}

/// Whether `text` holds half-width katakana, in which a header's words may be written as
/// their readings.
pub fn holds_readings(text: &str) -> bool {
    text.chars().any(is_half_width_katakana)
}

/// Whether `c` is a half-width katakana letter or sound mark (`ｼ`, `ﾞ`).
fn is_half_width_katakana(c: char) -> bool {
    ('\u{FF66}'..='\u{FF9F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_in_half_width_readings_is_written_in_its_words() {
        assert_eq!(header_words_from_readings("ｷｼﾞｭﾝﾁ ﾈﾝﾄﾞ"), "基準値 年度");
        assert_eq!(header_words_from_readings("ｼﾞｯｾｷ R04"), "実績 R04");
        assert_eq!(header_words_from_readings("ｼﾋｮｳﾒｲ"), "指標名");
        // A word that is no header word's reading stays as it is, folded.
        assert_eq!(header_words_from_readings("ﾀﾝﾄｳｶ"), "タントウカ");
        // A label without half-width kana is left alone.
        assert_eq!(header_words_from_readings("シサク"), "シサク");
        assert_eq!(header_words_from_readings("基準値"), "基準値");
    }
}
