//! Slide titles: the measures a slide presents.

use super::*;

/// A slide title: the name of a measure the slide presents.
#[derive(Debug, Clone)]
pub(super) struct Title {
    pub(super) line: usize,
    pub(super) last_line: usize,
    pub(super) name: String,
}

/// A line that can be (part of) a slide title.
pub(super) fn title_like(text: &str) -> bool {
    let chars = text.chars().count();
    (4..=70).contains(&chars)
        && name_like(text)
        && !text.starts_with(['（', '(', '「', '・', '＊', '*', '◇', '▶', '～'])
        && !text.ends_with(['、', '，', ',', '：', ':'])
        && !text.contains("億円")
        && !MARKER.is_match(text)
        && !text.is_ascii()
}

pub(super) fn detect_titles(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    consumed: &[bool],
) -> Vec<Title> {
    let usable = |i: usize| kinds[i] == LineKind::Other && !consumed[i];
    let mut found: BTreeMap<usize, Title> = BTreeMap::new();
    for index in 0..lines.len() {
        if kinds[index].is_heading() {
            if let Some(title) = title_after_header(lines, kinds, index, &usable) {
                found.entry(title.line).or_insert(title);
            }
        } else if usable(index)
            && is_bullet(&lines[index].text)
            && let Some(title) = title_before_bullet(lines, kinds, index, &usable)
        {
            found.entry(title.line).or_insert(title);
        }
    }
    found.into_values().collect()
}

pub(super) fn title_after_header(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    heading: usize,
    usable: &dyn Fn(usize) -> bool,
) -> Option<Title> {
    let mut next = heading + 1;
    while next < lines.len()
        && matches!(
            kinds[next],
            LineKind::Blank | LineKind::Page | LineKind::Continuation
        )
    {
        next += 1;
    }
    if next >= lines.len() || !usable(next) || !title_like(&lines[next].text) {
        return None;
    }
    let mut last = next;
    let follower = next + 1;
    if follower < lines.len()
        && usable(follower)
        && title_like(&lines[follower].text)
        && !lines[follower].indented
    {
        let after = lines.get(follower + 1).map_or("", |l| l.text.as_str());
        let joined_len = lines[next].text.chars().count() + lines[follower].text.chars().count();
        if (after.is_empty() || is_bullet(after)) && joined_len <= 70 {
            last = follower;
        }
    }
    Some(make_title(lines, next, last))
}

pub(super) fn title_before_bullet(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    bullet: usize,
    usable: &dyn Fn(usize) -> bool,
) -> Option<Title> {
    let mut end = bullet.checked_sub(1)?;
    let mut gaps = 0;
    while kinds[end] == LineKind::Blank {
        gaps += 1;
        if gaps > 2 {
            return None;
        }
        end = end.checked_sub(1)?;
    }
    let mut start = end;
    while start > 0 && !matches!(kinds[start - 1], LineKind::Blank | LineKind::Page) {
        start -= 1;
    }
    let mut run: Vec<usize> = (start..=end).collect();
    if let Some(cut) = run.iter().rposition(|&i| !usable(i)) {
        run.drain(..=cut);
    }
    if run.iter().any(|&i| is_bullet(&lines[i].text)) {
        return None;
    }
    if let Some(cut) = run.iter().skip(1).rposition(|&i| lines[i].indented) {
        run.drain(..=cut);
    }
    if run.is_empty() || run.len() > 2 || !run.iter().all(|&i| title_like(&lines[i].text)) {
        return None;
    }
    let first = *run.first()?;
    let last = *run.last()?;
    let title = make_title(lines, first, last);
    (title.name.chars().count() <= 70).then_some(title)
}

pub(super) fn make_title(lines: &[Line<'_>], first: usize, last: usize) -> Title {
    let name = join_fragments(lines[first..=last].iter().map(|l| l.text.as_str()));
    Title {
        line: first,
        last_line: last,
        name: strip_continued(&name),
    }
}
