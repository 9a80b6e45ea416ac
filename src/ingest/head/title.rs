//! Which first line is the title: the text each line offers as one, and
//! its score on the evidence (length and casing, the nouns of a document or
//! an event, a dateline next to it, a breadcrumb or markup that names it,
//! a later line that repeats it, its place above the text).

use super::field::{field, Field};
use super::{is_paragraph, is_release_line, same_text, without_release_label};
use super::{DateLine, BELOW_LINES};
use crate::text::words::{ends_mid_phrase, is_cjk, word_count};

/// The most words (or CJK characters) a title line has.
const MAX_TITLE_WORDS: usize = 40;

/// The text a line offers as a title: the line, the rest of a line that
/// opens with its date, or the last item of a breadcrumb run into one line.
/// `None` for what is never a title.
pub(super) fn candidate_text(line: &str, date_lines: &[DateLine], i: usize) -> Option<String> {
    if let Some((kind, value)) = field(line) {
        return (kind == Field::Title && !value.is_empty()).then(|| value.to_string());
    }
    let text = match date_lines.iter().find(|d| d.line == i) {
        Some(d) if d.rest.is_empty() => return None,
        Some(d) => d.rest.as_str(),
        None => line.trim(),
    };
    let text = without_release_label(without_heading_mark(text));
    if text.matches(" | ").count() >= 2 || text.starts_with("http") || never_a_title(text) {
        return None;
    }
    let text = last_crumb(text).unwrap_or(text);
    let text = without_site_suffix(text);
    let text = title_before_subtitle(text).unwrap_or(text);
    if mostly_digits(text) {
        return None;
    }
    let words = word_count(text);
    let sentence = words >= 8 && text.ends_with(['.', '。']);
    let lead_in = text.ends_with(':') || text.ends_with('：');
    if words == 0 || words > MAX_TITLE_WORDS || text.len() > 300 || sentence || lead_in {
        return None;
    }
    Some(text.to_string())
}

/// Whether a line is a record's title field (`[文書名] …`, `Title: …`).
fn is_title_field(line: &str) -> bool {
    field(line).is_some_and(|(kind, _)| kind == Field::Title)
}

/// Whether the `pos`th line of the window is a piece of a paragraph the
/// capture wrapped at a fixed width, never a title: it stops on a comma
/// or on a word no title ends with ("… Dialogue between"), or it goes on
/// from a line that ends no sentence in lower case, or a long line goes
/// on in lower case on the next.
pub(super) fn wrapped(lines: &[String], window: &[usize], pos: usize) -> bool {
    let line = lines[window[pos]].trim();
    let open = |l: &str| !l.trim_end().ends_with(['.', '!', '?', ':', '。']);
    let lower_start = |l: &str| l.trim_start().starts_with(char::is_lowercase);
    let previous = pos.checked_sub(1).map(|p| lines[window[p]].as_str());
    let next = window.get(pos + 1).map(|&n| lines[n].as_str());
    line.ends_with([',', ';'])
        || ends_mid_phrase(line)
        || (lower_start(line) && previous.is_some_and(open))
        || (line.chars().count() >= 40 && open(line) && next.is_some_and(lower_start))
}

/// A line about the website rather than the document ("An official
/// website of …", "Skip to main content").
pub(super) fn about_the_site(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["website", "web site", "skip to "]
        .iter()
        .any(|w| lower.contains(w))
}

/// "日英のテクノロジー提携を強化する新計画 英国と日本は、…を発表": a
/// Japanese title and its subtitle captured as one line too long for a
/// title, the title being the clause before the first space.
pub(super) fn title_before_subtitle(text: &str) -> Option<&str> {
    if !text.chars().any(is_cjk) || word_count(text) <= MAX_TITLE_WORDS {
        return None;
    }
    let (title, _) = text.split_once(char::is_whitespace)?;
    let clause = !title.contains(['、', '。', ',']);
    (clause && (6..=MAX_TITLE_WORDS).contains(&word_count(title))).then_some(title)
}

/// A heading of a structured source without its mark (`## Outcomes`).
fn without_heading_mark(text: &str) -> &str {
    match crate::ingest::structure::atx_heading(text) {
        Some((_, heading)) => heading,
        None => text,
    }
}

/// A line that is never a title, whatever else it has: an item of a list
/// (a menu, links), a line about the website, a skip link.
fn never_a_title(text: &str) -> bool {
    let bullet = text
        .strip_prefix(['•', '·', '▪', '●', '◦', '-', '*', '・'])
        .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    bullet || about_the_site(text) || is_release_line(text)
}

/// Mostly digits and marks: a date or a time in a form not read as one
/// ("16 Oktober 2011, 10:55"), a phone number.
pub fn mostly_digits(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let marks = text.chars().filter(|c| !c.is_whitespace()).count();
    letters * 2 < marks
}

/// "Home > News > Meeting Held": the last item of a breadcrumb on one line.
fn last_crumb(text: &str) -> Option<&str> {
    for separator in [" > ", " › ", " » ", "＞"] {
        if text.matches(separator).count() >= 2 {
            return text.rsplit(separator).next().map(str::trim);
        }
    }
    None
}

/// A title with the site's name after it ("… Order - United States
/// Department of State") without the name: a short, capitalised tail after
/// a spaced dash or bar, behind a title of some length.
pub fn without_site_suffix(text: &str) -> &str {
    for separator in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = text.rsplit_once(separator) {
            let tail_words: Vec<&str> = tail.split_whitespace().collect();
            let capitalised = tail_words
                .iter()
                .filter(|w| !SMALL_WORDS.contains(w))
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            // A site's name is a name: "Building an Exemplar … Partnership"
            // after a dash is the title's own subtitle.
            let phrase = tail_words.iter().any(|w| ["a", "an"].contains(w));
            if word_count(head) >= 4
                && (1..=6).contains(&tail_words.len())
                && capitalised
                && !phrase
            {
                return head.trim_end();
            }
        }
    }
    text
}

/// Words a title leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
    "&",
];

/// Nouns of documents: what a title names and a masthead does not.
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "fact sheet",
    "press release",
    "readout",
    "declaration",
    "letter",
    "recommendation",
    "memorandum",
    "report",
    "remarks",
    "communiqué",
    "声明",
    "提言",
    "発表",
];

/// Nouns of events and series, which a title often names too.
const EVENT_NOUNS: &[&str] = &[
    "meeting",
    "dialogue",
    "council",
    "held",
    "partnership",
    "summit",
    "conference",
    "committee",
    "agreement",
    "launch",
    "results",
    "outcome",
    "visit",
    "round table",
    "roundtable",
    "forum",
    "consultation",
    "会合",
    "開催",
    "結果",
    "対話",
    "協議",
    "会談",
    "共同",
    "訪問",
];

/// How the first words of an organisation's name go: a line that is only
/// a name ("Office of the Spokesperson", "Bureau of …") is the site's.
const ORGANISATION_HEADS: &[&str] = &[
    "office of",
    "bureau of",
    "department of",
    "ministry of",
    "embassy of",
    "agency for",
    "division of",
    "u.s. department of",
    "u.s. embassy",
    "the white house",
    "government of",
];

/// Whether a line names a document or an event ("Joint Statement",
/// "… Meeting Held", 会合の開催).
pub fn names_a_document(text: &str) -> bool {
    let lower = text.to_lowercase();
    DOCUMENT_NOUNS
        .iter()
        .chain(EVENT_NOUNS)
        .any(|n| lower.contains(n))
}

/// What a candidate title is judged against.
pub(super) struct Evidence<'a> {
    pub lines: &'a [String],
    pub window: &'a [usize],
    pub date_lines: &'a [DateLine],
    /// The text from the window's first line on, lower-cased, where a
    /// title may be repeated.
    pub below: &'a str,
    /// Titles stated elsewhere ([`super::take`]).
    pub named: &'a [&'a str],
}

/// The lower-cased text of the window and [`BELOW_LINES`] lines after it.
pub(super) fn text_below(lines: &[String], window: &[usize]) -> String {
    let start = window.first().copied().unwrap_or(0);
    let mut below = String::new();
    for line in lines.iter().skip(start).take(BELOW_LINES + window.len()) {
        below.push_str(&line.to_lowercase());
        below.push('\n');
    }
    below
}

pub(super) fn score(evidence: &Evidence<'_>, pos: usize, text: &str) -> f32 {
    let Evidence {
        lines,
        window,
        date_lines,
        below,
        named,
    } = *evidence;
    let i = window[pos];
    let words = word_count(text);
    let lower = text.to_lowercase();
    let mut score = 0.0;
    score += match words {
        8..=30 => 3.0,
        4..=7 => 2.0,
        2..=3 => 0.0,
        _ => -2.0,
    };
    let document = DOCUMENT_NOUNS.iter().any(|n| lower.contains(n));
    let event = EVENT_NOUNS.iter().any(|n| lower.contains(n));
    score += f32::from(u8::from(document)) * 2.0 + f32::from(u8::from(event));
    if !document && !event && words <= 3 {
        // A section label or a site's name ("Global Issues", "News").
        score -= 1.0;
    }
    if title_cased(text) {
        score += 1.0;
    }
    let dated = |line: usize| date_lines.iter().any(|d| d.line == line);
    let next = window.get(pos + 1).copied();
    if dated(i) || next.is_some_and(dated) {
        score += 1.5;
    } else if window.get(pos + 2).is_some_and(|&n| dated(n)) {
        score += 1.0;
    }
    let paragraph_follows = next.is_some_and(|n| is_paragraph(&lines[n]))
        || window
            .get(pos + 2)
            .is_some_and(|&n| is_paragraph(&lines[n]) && next.is_some_and(dated));
    if paragraph_follows {
        score += 1.0;
    }
    if pos == 0 {
        score += 0.5;
    }
    if pos == 1 && is_standfirst(evidence, text) {
        score -= 2.0;
    }
    if words >= 2 && heads_the_byline(evidence, pos) {
        // As strong as a breadcrumb naming the line: it outweighs a
        // masthead's place at the top and the issue date under it.
        score += 7.0;
    }
    if named.iter().any(|c| same_text(c, text)) || is_title_field(&lines[i]) {
        score += 4.0;
    } else if words >= 4 && below.matches(lower.as_str()).nth(1).is_some() {
        // Once is the line itself; a second time, a breadcrumb or the text
        // repeats it.
        score += 1.5;
    }
    score - penalties(text, &lower, words)
}

/// A sentence-case line right under a sentence-case headline that opens
/// the capture, with no date on either: the headline's standfirst ("Grid
/// operators brace for a dry summer", then "What the drought means for
/// hydropower"). A masthead above a title is a name, written title-case.
fn is_standfirst(evidence: &Evidence<'_>, text: &str) -> bool {
    let (first, second) = (evidence.window[0], evidence.window[1]);
    let dated = |line: usize| evidence.date_lines.iter().any(|d| d.line == line);
    let headline = candidate_text(&evidence.lines[first], evidence.date_lines, first);
    headline.is_some_and(|h| word_count(&h) >= 5 && !title_cased(&h) && !h.ends_with('.'))
        && !title_cased(text)
        && !dated(first)
        && !dated(second)
}

/// Whether the line is the headline an author's line ("By Bruce J.
/// Ellsworth") stands under, as articles set them: right above it, or
/// above a sentence-case standfirst that is right above it; date lines
/// between count for nothing. A masthead or a section label above the
/// headline is not next to the byline.
fn heads_the_byline(evidence: &Evidence<'_>, pos: usize) -> bool {
    let Evidence {
        lines,
        window,
        date_lines,
        ..
    } = *evidence;
    let dated = |line: usize| {
        date_lines
            .iter()
            .any(|d| d.line == line && d.rest.is_empty())
    };
    let mut below = window[pos + 1..].iter().copied().filter(|&i| !dated(i));
    let standfirst = |i: usize| {
        let t = lines[i].trim();
        !title_cased(t) && !t.ends_with(['.', '。']) && !is_by_line(t)
    };
    let title_cased_here = title_cased(lines[window[pos]].trim());
    match (below.next(), below.next()) {
        (Some(b), _) if is_by_line(lines[b].trim()) => {
            let above = window[..pos].iter().rev().find(|&&i| !dated(i));
            // A standfirst right above the byline defers to a headline above it.
            title_cased_here || !above.is_some_and(|&a| title_cased(lines[a].trim()))
        }
        (Some(s), Some(b)) => is_by_line(lines[b].trim()) && standfirst(s),
        _ => false,
    }
}

/// What speaks against a line being a title.
fn penalties(text: &str, lower: &str, words: usize) -> f32 {
    let mut penalty = 0.0;
    if text.ends_with(['.', '。']) && !text.ends_with("...") {
        // Titles seldom end with a full stop; sentences do.
        penalty += 2.0;
    }
    if text.starts_with(['[', '(', '（', '【']) && words <= 4 {
        penalty += 2.0;
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() >= 4
        && !letters.iter().any(|c| is_cjk(*c))
        && letters.iter().all(|c| c.is_uppercase());
    if shouting && words <= 4 {
        penalty += 2.0;
    }
    if lower.starts_with("by ") || lower.starts_with("photo") || lower.contains("写真") {
        penalty += 3.0;
    }
    if is_byline(text) {
        penalty += 2.5;
    }
    let organisation = ORGANISATION_HEADS.iter().any(|h| lower.starts_with(h));
    if organisation && words <= 8 && !names_a_document(text) {
        penalty += 2.0;
    }
    penalty
}

/// "Erik M. Jacobs (Hyogo, 2013-2016)": a person's name with a middle
/// initial opening a short line, as an author's byline is written.
pub(super) fn is_byline(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let initial = |w: &&str| {
        let mut c = w.chars();
        matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
    };
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    words.len() <= 8
        && words.iter().take(4).any(initial)
        && words.iter().take(3).all(capitalised)
        && !names_a_document(text)
}

/// An author's line: "By Bruce J. Ellsworth", "By Jane Doe and John Roe".
pub(super) fn is_by_line(text: &str) -> bool {
    let Some(names) = text.strip_prefix("By ") else {
        return false;
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    let name_word =
        |w: &&str| w.starts_with(char::is_uppercase) || ["and", "de", "van", "von"].contains(w);
    (1..=6).contains(&words.len()) && words.iter().all(name_word) && !text.ends_with('.')
}

/// Most words capitalised, as English titles are.
fn title_cased(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w)))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    words.len() >= 2 && capitalised * 5 >= words.len() * 3
}
