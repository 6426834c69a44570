//! Whom to contact: a line giving a contact (`（担当）予算係　佐藤`, `（電話）０２５６…`,
//! `問い合わせ先`), and a cell a phone or extension number follows (`…会計課　内線`). What
//! they hold is no title and no amount.

use crate::normalize::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// A line giving whom to contact, read from its start (after NFKC).
static CONTACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[【\[(]?\s*(?:担当|電話|TEL|Tel|FAX|問い?合わ?せ|連絡先|照会先)")
        .expect("contact line pattern")
});

/// Words a phone or extension number follows (`内線`, `TEL`, `電話`): what stands after them
/// is no amount.
const NUMBER_WORDS: [&str; 5] = ["内線", "電話", "TEL", "FAX", "直通"];

/// Whether an NFKC-normalised line opens by giving whom to contact.
pub fn opens_contact(normalized: &str) -> bool {
    CONTACT_LINE.is_match(normalized)
}

/// Whether a cell ends with a word a contact's number follows (`…会計課　内線`).
pub fn ends_before_contact_number(cell: &str) -> bool {
    let cell = nfkc(cell).to_uppercase();
    let cell = cell.trim_end_matches([' ', ':', '.', '：']);
    NUMBER_WORDS.iter().any(|word| cell.ends_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_lines_and_the_words_before_a_number() {
        assert!(opens_contact("(担当)予算係 佐藤"));
        assert!(opens_contact("問い合わせ先:会計課"));
        assert!(!opens_contact("令和8年度当初予算の概要"));
        assert!(ends_before_contact_number(
            "問い合わせ先：会計課 予算係　内線"
        ));
        assert!(ends_before_contact_number("代表ＴＥＬ："));
        assert!(!ends_before_contact_number("河川整備事業"));
    }
}
