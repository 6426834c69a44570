//! How strategy lines split into name, note and subtitle.

/// Splits `name(note)` where the trailing parenthesis holds a date; parentheses inside the
/// name (`骨子(案)`) stay in the name.
pub(super) fn split_trailing_note(text: &str) -> (&str, Option<&str>) {
    let trimmed = text.trim_end();
    let Some(last) = trimmed
        .chars()
        .next_back()
        .filter(|c| *c == ')' || *c == '）')
    else {
        return (trimmed, None);
    };
    let close = trimmed.len() - last.len_utf8();
    let mut depth = 0usize;
    for (index, ch) in trimmed[..close].char_indices().rev() {
        match ch {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            '(' | '（' => {
                let note = &trimmed[index + ch.len_utf8()..close];
                if crate::money::find_dates(note).next().is_none() {
                    return (trimmed, None);
                }
                return (&trimmed[..index], Some(note));
            }
            _ => {}
        }
    }
    (trimmed, None)
}

/// `Main title-Subtitle-` → (main title, subtitle).
pub(super) fn subtitle_parts(name: &str) -> Option<(String, String)> {
    let body = name.strip_suffix(['-', '－', '―'])?;
    let cut = body.rfind(['-', '－', '―'])?;
    let main = body[..cut].trim();
    let subtitle = body[cut..].trim_start_matches(['-', '－', '―']).trim();
    (!main.is_empty() && !subtitle.is_empty()).then(|| (main.to_string(), subtitle.to_string()))
}
