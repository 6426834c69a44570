//! Decoding text files: a byte-order mark, else the declared charset, else UTF-8 when the
//! bytes are valid UTF-8 (without escape sequences), else the encoding `chardetng` guesses
//! (biased towards Japanese: Shift_JIS/CP932, EUC-JP, ISO-2022-JP). Binary data is refused
//! rather than decoded into noise.

use super::IngestError;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// The byte that starts ISO-2022-JP's escape sequences.
const ESCAPE: u8 = 0x1b;
/// Largest share of U+FFFD replacement characters accepted in decoded text.
const MAX_REPLACEMENT_SHARE: f64 = 0.01;
/// Largest share of control characters (other than tab, line feed, carriage return and form
/// feed) accepted in decoded text.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Decodes `bytes` into text. `declared` is a charset label (`Shift_JIS`, `euc-jp`, …).
///
/// Errors: an unknown charset label is [`IngestError::Unsupported`]; bytes that are not text
/// in the chosen encoding (NUL bytes, many invalid sequences or control characters) are
/// [`IngestError::Unreadable`]; text with nothing but whitespace and control characters is
/// [`IngestError::Empty`].
pub(crate) fn decode(bytes: &[u8], declared: Option<&str>) -> Result<String, IngestError> {
    let (encoding, body) = choose_encoding(bytes, declared, None)?;
    decode_with(encoding, body)
}

/// Picks the encoding of `bytes`: BOM, declared charset, `embedded` (a charset the document
/// declares about itself, such as an HTML `<meta charset>`), UTF-8 validity, detection.
/// Returns the encoding and the bytes after any BOM.
pub(crate) fn choose_encoding<'b>(
    bytes: &'b [u8],
    declared: Option<&str>,
    embedded: Option<&str>,
) -> Result<(&'static Encoding, &'b [u8]), IngestError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((encoding, &bytes[bom_len..]));
    }
    if let Some(label) = declared.map(str::trim).filter(|l| !l.is_empty()) {
        let encoding = Encoding::for_label(label.as_bytes())
            .ok_or_else(|| IngestError::Unsupported(format!("unknown charset {label:?}")))?;
        return Ok((encoding, bytes));
    }
    if let Some(encoding) = embedded.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // A document cannot declare itself UTF-16 in an ASCII-compatible header.
        let encoding = if encoding == UTF_16LE || encoding == UTF_16BE {
            UTF_8
        } else {
            encoding
        };
        return Ok((encoding, bytes));
    }
    // ISO-2022-JP is 7-bit, so valid UTF-8 too: its escape sequences send it to detection.
    if !bytes.contains(&ESCAPE) && std::str::from_utf8(bytes).is_ok() {
        return Ok((UTF_8, bytes));
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    Ok((detector.guess(Some(b"jp"), Utf8Detection::Allow), bytes))
}

/// Decodes `body` (without BOM) as `encoding`, refusing binary data.
pub(crate) fn decode_with(encoding: &'static Encoding, body: &[u8]) -> Result<String, IngestError> {
    let utf16 = encoding == UTF_16LE || encoding == UTF_16BE;
    if !utf16 && body.contains(&0) {
        return Err(IngestError::Unreadable(
            "binary data (NUL bytes), not text".to_string(),
        ));
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let total = text.chars().count().max(1) as f64;
    if had_errors {
        let replaced = text.chars().filter(|&c| c == '\u{fffd}').count();
        if replaced as f64 / total > MAX_REPLACEMENT_SHARE {
            return Err(IngestError::Unreadable(format!(
                "not {} text: {replaced} invalid byte sequences",
                encoding.name()
            )));
        }
        tracing::warn!(
            encoding = encoding.name(),
            replaced,
            "invalid byte sequences replaced"
        );
    }
    let controls = text.chars().filter(|&c| is_stray_control(c)).count();
    if controls as f64 / total > MAX_CONTROL_SHARE {
        return Err(IngestError::Unreadable(format!(
            "binary data ({controls} control characters), not text"
        )));
    }
    if !text
        .chars()
        .any(|c| !c.is_whitespace() && !c.is_control() && c != '\u{feff}')
    {
        return Err(IngestError::Empty);
    }
    Ok(text.into_owned())
}

fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}')
}

/// Splits text into lines: `\r\n` and lone `\r` end lines like `\n`; a final line ending
/// does not start another line; a leading BOM is dropped; lines are otherwise kept as
/// written.
pub(crate) fn split_lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                lines.push(std::mem::take(&mut current));
            }
            '\n' => lines.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{EUC_JP, SHIFT_JIS};

    const SAMPLE: &str =
        "令和６年度補正予算の概要\n（単位：億円）\n情報通信基盤の整備\t１２３．４\n";

    #[test]
    fn detects_shift_jis_euc_jp_and_iso_2022_jp() {
        for encoding in [SHIFT_JIS, EUC_JP, encoding_rs::ISO_2022_JP] {
            let (bytes, _, _) = encoding.encode(SAMPLE);
            assert_eq!(decode(&bytes, None).unwrap(), SAMPLE, "{}", encoding.name());
        }
    }

    #[test]
    fn honours_the_declared_charset() {
        let (bytes, _, _) = EUC_JP.encode(SAMPLE);
        assert_eq!(decode(&bytes, Some("EUC-JP")).unwrap(), SAMPLE);
        let (bytes, _, _) = SHIFT_JIS.encode(SAMPLE);
        assert_eq!(decode(&bytes, Some(" windows-31j ")).unwrap(), SAMPLE);
        assert!(matches!(
            decode(b"abc", Some("klingon")),
            Err(IngestError::Unsupported(_))
        ));
    }

    #[test]
    fn reads_byte_order_marks() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(&bytes, Some("shift_jis")).unwrap(), SAMPLE);
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&utf16, None).unwrap(), SAMPLE);
    }

    #[test]
    fn refuses_binary_and_empty_input() {
        let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(
            decode(&binary, None),
            Err(IngestError::Unreadable(_))
        ));
        let no_nul: Vec<u8> = binary.iter().map(|b| b | 1).collect();
        assert!(matches!(
            decode(&no_nul, None),
            Err(IngestError::Unreadable(_))
        ));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(decode(png, None), Err(IngestError::Unreadable(_))));
        for empty in [
            &b""[..],
            b" \r\n\t\n",
            "\u{3000}\n".as_bytes(),
            b"\xef\xbb\xbf",
        ] {
            assert!(
                matches!(decode(empty, None), Err(IngestError::Empty)),
                "{empty:?}"
            );
        }
    }

    #[test]
    fn splits_lines_of_every_ending() {
        assert_eq!(split_lines("a\r\nb\rc\n\nd"), ["a", "b", "c", "", "d"]);
        assert_eq!(split_lines("\u{feff}a  \n"), ["a  "]);
        assert_eq!(split_lines("a\n\n"), ["a", ""]);
    }
}
