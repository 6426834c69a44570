//! Running text: strategies, laws and partners through the shared sentence reader.

use super::*;

/// Paragraphs of running text (wrapped lines joined): the names they hold, linked to the
/// measure they stand under by what the sentence says (based on, works with, funded by).
pub(super) fn read_mentions(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    let running = |i: usize| (!text.cleaned(i).is_empty()).then(|| text.raw(i));
    for paragraph in mentions::paragraphs(section.start..section.end, running) {
        let subject = ctx.subject(section, paragraph.lines.first - 1);
        let name = out.node_name(&subject).unwrap_or_default().to_string();
        let owner = Owner {
            id: &subject,
            name: &name,
            plan_default: Rel::Implements,
        };
        mentions::read(out, paragraph.lines, &paragraph.text, Some(owner));
    }
}

/// This line's cleaned text joined with the next non-blank one (names broken across lines).
pub(super) fn joined_with_next(text: &DocText, index: usize) -> String {
    let mut joined = text.cleaned(index).to_string();
    if let Some(next) = text.after(index, 1).first()
        && *next <= index + 2
    {
        joined.push_str(text.cleaned(*next));
    }
    joined
}
