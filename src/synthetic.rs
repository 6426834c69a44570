//! A corpus N times the seeds, for scale benchmarks: copy 0 is the seeds as they are (so the
//! gold queries still point at their lines), every further copy is a varied edition — fiscal
//! years and dates shifted, amounts scaled, some wording replaced — written as a seeds-like
//! directory (`manifest.toml`, `vocabulary.toml`, one file per document) that the normal
//! engine builds.
//!
//! Files are written one at a time; nothing but one document is held in memory.

use crate::corpus::DocumentInfo;
use crate::normalize::is_digit;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Errors while generating a corpus.
#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The seeds' manifest is not valid.
    #[error("invalid manifest {path}: {message}")]
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// What was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// Documents written.
    pub documents: usize,
    /// Bytes of document text written (manifest and vocabulary not counted).
    pub bytes: u64,
}

/// Name of the stamp file that records what a directory was generated from.
const STAMP: &str = "GENERATED";

/// Wording replaced in some copies: each pair is switched on by one bit of the copy number.
const REWORDINGS: [(&str, &str); 8] = [
    ("推進", "促進"),
    ("強化", "拡充"),
    ("整備", "構築"),
    ("支援", "後押し"),
    ("実現", "達成"),
    ("確保", "確立"),
    ("充実", "拡大"),
    ("向上", "改善"),
];

/// Money units an amount may be written in.
const MONEY_UNITS: [&str; 5] = ["兆円", "億円", "百万円", "千円", "万円"];

#[derive(Serialize)]
struct ManifestOut<'a> {
    document: &'a [DocumentInfo],
}

#[derive(serde::Deserialize)]
struct ManifestIn {
    document: Vec<DocumentInfo>,
}

/// How copy `k` differs from the seeds.
#[derive(Debug, Clone, Copy)]
struct Variation {
    /// Years added to fiscal years and dates.
    year_shift: u32,
    /// Amounts are multiplied by `amount_percent / 100`.
    amount_percent: u32,
    /// Bit i switches on `REWORDINGS[i]`.
    rewordings: u32,
}

impl Variation {
    fn of_copy(copy: usize) -> Variation {
        let copy = copy as u32;
        Variation {
            year_shift: 1 + (copy.saturating_sub(1)) % 8,
            amount_percent: 101 + (copy * 37) % 41,
            rewordings: copy % 256,
        }
    }

    fn apply(&self, text: &str) -> String {
        let mut text = shift_years(text, self.year_shift);
        text = scale_amounts(&text, self.amount_percent);
        for (bit, (from, to)) in REWORDINGS.iter().enumerate() {
            if self.rewordings & (1 << bit) != 0 {
                text = text.replace(from, to);
            }
        }
        text
    }
}

/// Writes a corpus of `times` copies of the seeds in `seeds` into `out`, unless `out` already
/// holds exactly that corpus (its stamp names the same seeds hash and number of copies).
pub fn generate(seeds: &Path, out: &Path, times: usize) -> Result<Generated, SyntheticError> {
    let manifest_path = seeds.join("manifest.toml");
    let manifest_text = read(&manifest_path)?;
    let manifest: ManifestIn =
        toml::from_str(&manifest_text).map_err(|e| SyntheticError::Manifest {
            path: manifest_path.clone(),
            message: e.to_string(),
        })?;
    let vocabulary = read(&seeds.join(crate::engine::VOCABULARY_FILE))?;
    let seed_texts: Vec<String> = manifest
        .document
        .iter()
        .map(|d| read(&seeds.join(&d.file)))
        .collect::<Result<_, _>>()?;
    let stamp = stamp_of(&manifest_text, &vocabulary, &seed_texts, times);
    if let Some(generated) = reusable(out, &stamp) {
        return Ok(generated);
    }
    std::fs::create_dir_all(out).map_err(io(out))?;
    let _ = std::fs::remove_file(out.join(STAMP));
    let mut entries = Vec::with_capacity(manifest.document.len() * times);
    let mut bytes = 0u64;
    for copy in 0..times.max(1) {
        let variation = Variation::of_copy(copy);
        for (info, text) in manifest.document.iter().zip(&seed_texts) {
            let (entry, body) = if copy == 0 {
                (info.clone(), text.clone())
            } else {
                (vary_info(info, copy, &variation), variation.apply(text))
            };
            let path = out.join(&entry.file);
            std::fs::write(&path, &body).map_err(io(&path))?;
            bytes += body.len() as u64;
            entries.push(entry);
        }
    }
    let manifest_out = toml::to_string(&ManifestOut { document: &entries }).map_err(|e| {
        SyntheticError::Manifest {
            path: out.join("manifest.toml"),
            message: e.to_string(),
        }
    })?;
    write(&out.join(crate::engine::VOCABULARY_FILE), &vocabulary)?;
    write(&out.join("manifest.toml"), &manifest_out)?;
    write(
        &out.join(STAMP),
        &format!("{stamp}\n{}\n{bytes}\n", entries.len()),
    )?;
    Ok(Generated {
        documents: entries.len(),
        bytes,
    })
}

fn vary_info(info: &DocumentInfo, copy: usize, variation: &Variation) -> DocumentInfo {
    DocumentInfo {
        file: format!("{copy:04}_{}", info.file),
        title: variation.apply(&info.title),
        publisher: info.publisher.clone(),
        date: shift_date(&info.date, variation.year_shift),
        kind: info.kind,
    }
}

/// `2025-08` → `2027-08` for a shift of 2; dates that do not start with a year are kept.
fn shift_date(date: &str, shift: u32) -> String {
    match date.get(..4).and_then(|y| y.parse::<u32>().ok()) {
        Some(year) => format!("{}{}", year + shift, &date[4..]),
        None => date.to_string(),
    }
}

fn stamp_of(manifest: &str, vocabulary: &str, texts: &[String], times: usize) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(manifest.as_bytes());
    hasher.update(vocabulary.as_bytes());
    for text in texts {
        hasher.update(text.as_bytes());
    }
    format!("{} x{times}", hex::encode(hasher.finalize()))
}

fn reusable(out: &Path, stamp: &str) -> Option<Generated> {
    let text = std::fs::read_to_string(out.join(STAMP)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != stamp {
        return None;
    }
    let documents = lines.next()?.parse().ok()?;
    let bytes = lines.next()?.parse().ok()?;
    Some(Generated { documents, bytes })
}

/// A run of digits (ASCII or full-width) starting at `chars[start]`: its end and value.
fn digit_run(chars: &[char], start: usize) -> (usize, String, bool) {
    let mut end = start;
    let mut ascii = String::new();
    let mut wide = false;
    while let Some(&c) = chars.get(end) {
        match c {
            '0'..='9' => ascii.push(c),
            '０'..='９' => {
                wide = true;
                ascii.push(char::from(b'0' + (c as u32 - '０' as u32) as u8));
            }
            _ => break,
        }
        end += 1;
    }
    (end, ascii, wide)
}

fn write_digits(out: &mut String, digits: &str, wide: bool) {
    for c in digits.chars() {
        if wide && c.is_ascii_digit() {
            out.push(char::from_u32('０' as u32 + (c as u32 - '0' as u32)).unwrap_or(c));
        } else {
            out.push(c);
        }
    }
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, w)| chars.get(i) == Some(&w))
}

/// Shifts fiscal years: `令和6年度`, `６年度`, `R6`, `2024年度` (and `令和6年`) by `shift`.
fn shift_years(text: &str, shift: u32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_digit(c) || (i > 0 && is_digit(chars[i - 1])) {
            out.push(c);
            i += 1;
            continue;
        }
        let (end, digits, wide) = digit_run(&chars, i);
        let after_reiwa = i >= 2 && chars[i - 2] == '令' && chars[i - 1] == '和';
        let after_r = i >= 1
            && matches!(chars[i - 1], 'R' | 'Ｒ')
            && !(i >= 2 && chars[i - 2].is_alphanumeric());
        let fiscal = starts_with_at(&chars, end, "年度");
        let year = starts_with_at(&chars, end, "年");
        let value: u32 = digits.parse().unwrap_or(0);
        let plausible = (1..100).contains(&value) || (1900..2100).contains(&value);
        if plausible && (fiscal || (after_reiwa && year) || (after_r && value < 100)) {
            write_digits(&mut out, &(value + shift).to_string(), wide);
        } else {
            write_digits(&mut out, &digits, wide);
        }
        i = end;
    }
    out
}

/// Multiplies amounts written before a money unit (`1,234億円`, `3.7億円`) by
/// `percent / 100`, keeping their decimals, separators and digit width.
fn scale_amounts(text: &str, percent: u32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !is_digit(c) || (i > 0 && (is_digit(chars[i - 1]) || chars[i - 1] == '.')) {
            out.push(c);
            i += 1;
            continue;
        }
        // An amount: digits with commas, then an optional decimal part.
        let mut end = i;
        let mut integer = String::new();
        let mut wide = false;
        let mut commas = false;
        loop {
            let (run_end, digits, run_wide) = digit_run(&chars, end);
            integer.push_str(&digits);
            wide |= run_wide;
            end = run_end;
            let comma = matches!(chars.get(end), Some(',' | '，'));
            if comma && chars.get(end + 1).is_some_and(|c| is_digit(*c)) {
                commas = true;
                end += 1;
            } else {
                break;
            }
        }
        let mut decimals = String::new();
        if matches!(chars.get(end), Some('.' | '．'))
            && chars.get(end + 1).is_some_and(|c| is_digit(*c))
        {
            let (run_end, digits, run_wide) = digit_run(&chars, end + 1);
            decimals = digits;
            wide |= run_wide;
            end = run_end;
        }
        let unit = MONEY_UNITS.iter().any(|u| starts_with_at(&chars, end, u));
        let Ok(units) = format!("{integer}{decimals}").parse::<u128>() else {
            out.extend(&chars[i..end]);
            i = end;
            continue;
        };
        if !unit {
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        let scaled = (units * u128::from(percent) + 50) / 100;
        let mut digits = scaled.to_string();
        while digits.len() <= decimals.len() {
            digits.insert(0, '0');
        }
        let (int_part, dec_part) = digits.split_at(digits.len() - decimals.len());
        let int_part = if commas {
            group_thousands(int_part)
        } else {
            int_part.to_string()
        };
        write_digits(&mut out, &int_part, wide);
        if !dec_part.is_empty() {
            out.push('.');
            write_digits(&mut out, dec_part, wide);
        }
        i = end;
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (position, c) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

fn read(path: &Path) -> Result<String, SyntheticError> {
    std::fs::read_to_string(path).map_err(io(path))
}

fn write(path: &Path, text: &str) -> Result<(), SyntheticError> {
    std::fs::write(path, text).map_err(io(path))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SyntheticError + '_ {
    move |source| SyntheticError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_years_shift_in_both_widths_and_calendars() {
        assert_eq!(
            shift_years("令和6年度 ７年度 R5 2024年度 令和8年 3月", 2),
            "令和8年度 ９年度 R7 2026年度 令和10年 3月"
        );
        assert_eq!(shift_years("APR5 第5回", 2), "APR5 第5回");
    }

    #[test]
    fn amounts_scale_keeping_their_form() {
        assert_eq!(scale_amounts("3.7億円", 110), "4.1億円");
        assert_eq!(scale_amounts("1,234億円 と 12人", 150), "1,851億円 と 12人");
        assert_eq!(scale_amounts("２５億円", 120), "３０億円");
        assert_eq!(scale_amounts("0.05億円", 101), "0.05億円");
    }

    #[test]
    fn copies_differ_from_the_seeds_and_from_each_other() {
        let dir = tempfile::tempdir().expect("temp dir");
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let generated = generate(&seeds, dir.path(), 3).expect("generates");
        let corpus = crate::corpus::Corpus::load(dir.path()).expect("loads as a corpus");
        assert_eq!(generated.documents, corpus.docs.len());
        let per_copy = corpus.docs.len() / 3;
        let seed = &corpus.docs[2];
        assert_eq!(
            seed.lines,
            crate::corpus::Corpus::load(&seeds).expect("seeds").docs[2].lines
        );
        let first = &corpus.docs[2 + per_copy];
        let second = &corpus.docs[2 + 2 * per_copy];
        assert_ne!(first.lines, seed.lines);
        assert_ne!(first.lines, second.lines);
        assert_eq!(first.lines.len(), seed.lines.len(), "line numbers kept");
        assert_ne!(first.info.title, seed.info.title);
        let again = generate(&seeds, dir.path(), 3).expect("reuses");
        assert_eq!(again, generated);
    }
}
