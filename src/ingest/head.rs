//! The head of a captured document: its title and its dateline, chosen from
//! the lines above its first paragraph by evidence rather than by position.
//!
//! A capture's first lines are as often the site's (a masthead, the site's
//! name, a date in the site header, a section label) as the document's.
//! Every line up to the first paragraph is a candidate title, scored on what
//! tells a title from the rest, in the way trafilatura and htmldate weigh
//! their candidates: its length and casing, the nouns of a document or an
//! event ("Joint Statement", "Meeting … Held", 会合, 開催), a dateline next
//! to it, a breadcrumb or a later line that repeats it, and its place just
//! above the text. A date, a navigation line or a line about the website is
//! never a title. The dateline is then the date that stands with the title
//! (on its line, below it, or behind "Published"), not one in the site
//! header above it, and an original date wins over an "updated" one.
//! Lines above the title are the site's header and are dropped.

use super::dates;
use crate::content::PartialDate;
use crate::text::words::{is_cjk, word_count};

/// The most non-blank lines above the first paragraph that are read.
const WINDOW: usize = 14;
/// The most non-blank lines (menus and all) searched for the first paragraph.
const MENU_LINES: usize = 200;
/// How many lines below the head are searched for a repeat of the title.
const BELOW_LINES: usize = 40;
/// The least score a line needs to be taken as the title.
const MIN_SCORE: f32 = 2.5;
/// The most words a header line has ([`Head::header`]).
const HEADER_WORDS: usize = 12;

/// What the head of a document says.
#[derive(Debug, Default, PartialEq)]
pub struct Head {
    pub title: Option<String>,
    pub dateline: Option<PartialDate>,
    /// The short lines of the window above the title and between it and
    /// a dateline below it: a site's masthead, "Media Note", "Joint Press
    /// Release with …". Out of the body, but evidence of who issued it.
    pub header: Vec<String>,
}

/// A date standing alone on a line (or opening it) near the top.
#[derive(Debug, Clone)]
struct DateLine {
    line: usize,
    date: PartialDate,
    label: DateLabel,
    /// The text after the date on its line (a place dateline's paragraph,
    /// or a title after the date), trimmed; empty for a date alone.
    rest: String,
    /// Whether a weekday stands before it ("Tue. Jul 16th, 2024"), as in
    /// the date line of a site's header.
    weekday: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateLabel {
    /// "Published on", "Posted", "Date:", 発表日 …
    Published,
    /// "Updated", "Last updated", 更新日: a later date than the document's.
    Updated,
    None,
}

/// Finds the title and dateline among the first lines, and removes them
/// and the site header above the title from `lines`. A line that is the
/// breadcrumb's last item or a title the source's markup states is likely
/// the title. With no line that reads as a title, the breadcrumb's is
/// taken; with no line that is one of the markup's titles, the markup's
/// first (most trusted) is.
pub fn take(lines: &mut [String], breadcrumb: Option<&str>, markup: &[&str]) -> Head {
    let named: Vec<&str> = markup.iter().copied().chain(breadcrumb).collect();
    let named = named.as_slice();
    let window = window(lines);
    let date_lines: Vec<DateLine> = window.iter().filter_map(|&i| date_line(lines, i)).collect();
    let below = text_below(lines, &window);
    let stated = |text: &str| markup.iter().any(|m| same_text(m, text));
    // A line that is one of the markup's titles beats any that is not.
    let beats = |b: &(f32, usize, String), c: &(f32, usize, String)| {
        let (sb, sc) = (stated(&b.2), stated(&c.2));
        sb && !sc || (sb == sc && b.0 >= c.0)
    };
    let best = window
        .iter()
        .enumerate()
        .filter_map(|(pos, &i)| {
            let text = candidate_text(&lines[i], &date_lines, i)?;
            let evidence = Evidence {
                lines,
                window: &window,
                date_lines: &date_lines,
                below: &below,
                named,
            };
            let score = score(&evidence, pos, &text);
            Some((score, i, text))
        })
        .fold(None, |best: Option<(f32, usize, String)>, c| match &best {
            Some(b) if beats(b, &c) => best,
            _ => Some(c),
        });
    let (title, title_line) = match (best, breadcrumb) {
        (Some((_, i, text)), _) if stated(&text) => (Some(text), Some(i)),
        _ if !markup.is_empty() => (Some(markup[0].to_string()), None),
        (Some((s, i, text)), _) if s >= MIN_SCORE => (Some(text), Some(i)),
        (_, Some(crumb)) => (Some(crumb.to_string()), None),
        _ => (None, None),
    };
    let dateline = choose_date(&date_lines, &window, title_line);
    let header = header_lines(lines, &window, title_line, dateline);
    remove_head(
        lines,
        &window,
        title.as_deref(),
        title_line,
        &date_lines,
        dateline,
    );
    for (i, _) in &header {
        if Some(*i) != dateline.map(|d| d.line) {
            lines[*i].clear();
        }
    }
    Head {
        title,
        dateline: dateline.map(|d| d.date),
        header: header.into_iter().map(|(_, line)| line).collect(),
    }
}

/// Who speaks, or what kind of release a page is: "Media Note", "Office
/// of the Spokesperson", "Joint Press Release with …", "For immediate
/// release". Never a title; below one, a header line.
fn is_release_line(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "media note",
        "office of the spokesperson",
        "joint press release with",
        "joint release with",
        "for immediate release",
    ];
    const WHOLE: &[&str] = &["press release", "news release", "readout"];
    let line = line.trim();
    let opens = |o: &&str| {
        line.get(..o.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(o))
    };
    (line.len() < 160 && !line.ends_with(['.', '。']) && OPENINGS.iter().any(opens))
        || WHOLE.iter().any(|w| w.eq_ignore_ascii_case(line))
}

/// A title with the label of its kind of release run into it ("Media
/// Note Japan-U.S. Joint … Meeting", "Press Release: …"), without it.
fn without_release_label(text: &str) -> &str {
    const LABELS: &[&str] = &["media note", "press release", "news release", "readout"];
    for label in LABELS {
        let Some(rest) = text
            .get(..label.len())
            .filter(|p| p.eq_ignore_ascii_case(label))
            .map(|_| &text[label.len()..])
        else {
            continue;
        };
        let rest = rest.trim_start_matches([' ', ':', '|', '–', '-']);
        // "Readout of the …" goes on in lower case: the label is the title's.
        let new_start = rest.starts_with(|c: char| !c.is_lowercase());
        if rest.len() < text.len() - label.len() && new_start && word_count(rest) >= 3 {
            return rest;
        }
    }
    text
}

/// The lines of the window that are the header ([`Head::header`]), with
/// their index: those above the title, and the short ones that are no
/// sentence between the title and a dateline below it.
fn header_lines(
    lines: &[String],
    window: &[usize],
    title_line: Option<usize>,
    dateline: Option<&DateLine>,
) -> Vec<(usize, String)> {
    let Some(title_line) = title_line else {
        return Vec::new();
    };
    let dateline = dateline.map(|d| d.line).filter(|&d| d > title_line);
    let under_title = |i: usize| {
        let line = lines[i].trim();
        dateline.is_some_and(|d| i > title_line && i < d)
            && !is_paragraph(line)
            && !line.ends_with(['.', '。'])
    };
    let short = |i: usize| word_count(&lines[i]) <= HEADER_WORDS;
    let release =
        |i: usize| i > title_line && (is_release_line(&lines[i]) || is_by_line(lines[i].trim()));
    window
        .iter()
        .filter(|&&i| ((i < title_line || under_title(i)) && short(i)) || release(i))
        .map(|&i| (i, lines[i].trim().to_string()))
        .collect()
}

/// The non-blank lines a title is looked for in: the first [`WINDOW`] from
/// the top, and the last [`WINDOW`] up to and including the first
/// paragraph, when site menus push it further down.
fn window(lines: &[String]) -> Vec<usize> {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(MENU_LINES)
        .collect();
    let end = non_blank
        .iter()
        .position(|&i| is_paragraph(&lines[i]))
        .map_or(non_blank.len().min(WINDOW), |p| p + 1);
    let head = &non_blank[..end.min(WINDOW)];
    let tail = &non_blank[end.saturating_sub(WINDOW).max(head.len())..end];
    head.iter().chain(tail).copied().collect()
}

/// A line of running text: long, or a whole sentence of some length.
fn is_paragraph(line: &str) -> bool {
    let words = word_count(line);
    words > 30 || (words >= 12 && line.trim_end().ends_with(['.', '。']))
}

/// A line's opening date and the text after it: a dateline, a Japanese
/// date, or a date that opens a title.
fn split_date(line: &str) -> Option<(PartialDate, &str)> {
    let line = without_weekday(line.trim());
    dates::dateline(line)
        .or_else(|| dates::japanese_dateline(line))
        .or_else(|| dates::leading_date(line))
}

fn date_line(lines: &[String], i: usize) -> Option<DateLine> {
    let line = lines[i].trim();
    let (date, rest) = split_date(line)?;
    let lower = line.to_lowercase();
    let label = if ["updated", "last updated", "更新"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        DateLabel::Updated
    } else if [
        "published",
        "posted",
        "issued",
        "released",
        "date",
        "発表",
        "公開",
        "掲載",
    ]
    .iter()
    .any(|w| lower.starts_with(w))
    {
        DateLabel::Published
    } else {
        DateLabel::None
    };
    Some(DateLine {
        line: i,
        date,
        label,
        rest: rest.trim().to_string(),
        weekday: without_weekday(line).len() != line.len(),
    })
}

/// "Tue. Jul 16th, 2024" or "Tuesday, April 30, 2024" without its weekday.
fn without_weekday(line: &str) -> &str {
    const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let Some((first, rest)) = line.split_once(' ') else {
        return line;
    };
    let word = first.trim_end_matches([',', '.']).to_ascii_lowercase();
    let is_day = word.len() >= 3 && DAYS.iter().any(|d| word.starts_with(d)) && word.len() <= 9;
    match is_day && word.chars().all(|c| c.is_ascii_alphabetic()) {
        true => rest.trim_start(),
        false => line,
    }
}

/// The most words (or CJK characters) a title line has.
const MAX_TITLE_WORDS: usize = 40;

/// The text a line offers as a title: the line, the rest of a line that
/// opens with its date, or the last item of a breadcrumb run into one line.
/// `None` for what is never a title.
fn candidate_text(line: &str, date_lines: &[DateLine], i: usize) -> Option<String> {
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

/// "日英のテクノロジー提携を強化する新計画 英国と日本は、…を発表": a
/// Japanese title and its subtitle captured as one line too long for a
/// title, the title being the clause before the first space.
fn title_before_subtitle(text: &str) -> Option<&str> {
    if !text.chars().any(is_cjk) || word_count(text) <= MAX_TITLE_WORDS {
        return None;
    }
    let (title, _) = text.split_once(char::is_whitespace)?;
    let clause = !title.contains(['、', '。', ',']);
    (clause && (6..=MAX_TITLE_WORDS).contains(&word_count(title))).then_some(title)
}

/// A heading of a structured source without its mark (`## Outcomes`).
fn without_heading_mark(text: &str) -> &str {
    match super::structure::atx_heading(text) {
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
    let lower = text.to_lowercase();
    let about_the_site = ["website", "web site", "skip to "]
        .iter()
        .any(|w| lower.contains(w));
    bullet || about_the_site || is_release_line(text)
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
pub(super) fn without_site_suffix(text: &str) -> &str {
    for separator in [" | ", " - ", " – ", " — "] {
        if let Some((head, tail)) = text.rsplit_once(separator) {
            let tail_words: Vec<&str> = tail.split_whitespace().collect();
            let capitalised = tail_words
                .iter()
                .filter(|w| !SMALL_WORDS.contains(w))
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if word_count(head) >= 4 && (1..=6).contains(&tail_words.len()) && capitalised {
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
struct Evidence<'a> {
    lines: &'a [String],
    window: &'a [usize],
    date_lines: &'a [DateLine],
    /// The text from the window's first line on, lower-cased, where a
    /// title may be repeated.
    below: &'a str,
    /// Titles stated elsewhere ([`take`]).
    named: &'a [&'a str],
}

/// The lower-cased text of the window and [`BELOW_LINES`] lines after it.
fn text_below(lines: &[String], window: &[usize]) -> String {
    let start = window.first().copied().unwrap_or(0);
    let mut below = String::new();
    for line in lines.iter().skip(start).take(BELOW_LINES + window.len()) {
        below.push_str(&line.to_lowercase());
        below.push('\n');
    }
    below
}

fn score(evidence: &Evidence<'_>, pos: usize, text: &str) -> f32 {
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
    if named.iter().any(|c| same_text(c, text)) {
        score += 4.0;
    } else if words >= 4 && below.matches(lower.as_str()).nth(1).is_some() {
        // Once is the line itself; a second time, a breadcrumb or the text
        // repeats it.
        score += 1.5;
    }
    score - penalties(text, &lower, words)
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
fn is_byline(text: &str) -> bool {
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
fn is_by_line(text: &str) -> bool {
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

/// The document's date among the dates at the top: a "Published" one,
/// else a date line of its own on the title's line or below it, else one
/// just above the title (a letter's date over its heading), else a date
/// that opens a paragraph below the title ("Tokyo, 6 February 2024 — …",
/// which may be the day of the event rather than of the document), else an
/// "updated" one. Any other date above the title, and one with a weekday
/// before it, is the site header's.
fn choose_date<'a>(
    date_lines: &'a [DateLine],
    window: &[usize],
    title_line: Option<usize>,
) -> Option<&'a DateLine> {
    let plain = |d: &&DateLine| d.label == DateLabel::None;
    let alone = |d: &&DateLine| d.rest.is_empty() || Some(d.line) == title_line;
    let below = |d: &&DateLine| title_line.is_none_or(|t| d.line >= t);
    let just_above = |d: &&DateLine| {
        let above = title_line.and_then(|t| window.iter().rev().find(|&&i| i < t));
        above == Some(&d.line) && !d.weekday
    };
    let plain_dates = || date_lines.iter().filter(plain);
    date_lines
        .iter()
        .find(|d| d.label == DateLabel::Published)
        .or_else(|| plain_dates().filter(alone).find(below))
        .or_else(|| plain_dates().find(just_above))
        .or_else(|| plain_dates().find(below))
        .or_else(|| date_lines.iter().find(|d| d.label == DateLabel::Updated))
}

/// Clears the title's line (and lines near the top that repeat it), the
/// dateline, and the site header above the title.
fn remove_head(
    lines: &mut [String],
    window: &[usize],
    title: Option<&str>,
    title_line: Option<usize>,
    date_lines: &[DateLine],
    dateline: Option<&DateLine>,
) {
    // Every line above the title is the site's header, in the window or
    // between its two parts.
    let header = (0..title_line.unwrap_or(0)).filter(|i| !window.contains(i));
    for i in header.filter(|&i| Some(i) != dateline.map(|d| d.line)) {
        lines[i].clear();
    }
    for &i in window {
        let above_title = title_line.is_some_and(|t| i < t) && Some(i) != dateline.map(|d| d.line);
        let repeats_title = title.is_some_and(|t| same_text(&lines[i], t));
        let dated = date_lines.iter().any(|d| d.line == i && d.rest.is_empty());
        if Some(i) == title_line {
            lines[i] = subtitle(&lines[i], title).unwrap_or_default();
        } else if above_title || repeats_title || dated {
            lines[i].clear();
        }
    }
    if let Some(d) = dateline.filter(|d| !d.rest.is_empty() && Some(d.line) != title_line) {
        lines[d.line].clone_from(&d.rest);
    }
}

/// What follows the title on its line when the title is the clause before
/// a subtitle ([`title_before_subtitle`]): the subtitle stays in the body.
fn subtitle(line: &str, title: Option<&str>) -> Option<String> {
    let line = line.trim();
    let title = title_before_subtitle(line).filter(|t| Some(*t) == title)?;
    Some(line[title.len()..].trim().to_string())
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Head, Vec<String>) {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let head = take(&mut lines, None, &[]);
        let left = lines.into_iter().filter(|l| !l.is_empty()).collect();
        (head, left)
    }

    const BODY: &str = "The two governments met in Tokyo and agreed to deepen their cooperation on data flows and secure networks.";

    #[test]
    fn a_japanese_title_run_into_its_subtitle_is_cut_and_the_subtitle_kept() {
        let subtitle = "英国と日本は、サプライチェーンのレジリエンス、サイバーセキュリティ、データなど、共有するデジタル関連の優先課題において協力することを発表";
        let text = format!("日英のテクノロジー提携を強化する新計画 {subtitle}\n日英両国は2022年12月7日、新たなデジタルパートナーシップの詳細を発表しました。\n");
        let (head, left) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("日英のテクノロジー提携を強化する新計画")
        );
        assert_eq!(left[0], subtitle);
        // A short line with a space is a title whole.
        let (head, _) = read(&format!("日英デジタル 会合の開催\n\n{BODY}\n"));
        assert_eq!(head.title.as_deref(), Some("日英デジタル 会合の開催"));
    }

    #[test]
    fn a_masthead_and_a_section_label_are_not_the_title() {
        let text = format!(
            "An official website of the United States government\n\nGlobal Issues\nUnited States and Japan Hold First-Ever Economic Meeting\nAugust 2, 2022\n\n{BODY}\n"
        );
        let (head, left) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("United States and Japan Hold First-Ever Economic Meeting")
        );
        assert_eq!(head.dateline.unwrap().to_string(), "2022-08-02");
        assert_eq!(left, [BODY], "the site header goes with the title");
    }

    #[test]
    fn the_lines_between_title_and_dateline_and_a_release_line_are_header() {
        let text = format!(
            "U.S. Department of State\n\nJoint Statement on the Economic Dialogue\n\nMedia Note\nOffice of the Spokesperson\nWashington, DC\nApril 30, 2013\n\n\
             Joint Press Release with the Digital Agency and the Ministry of Internal Affairs and Communications\n\n{BODY}\n"
        );
        let (head, left) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Joint Statement on the Economic Dialogue")
        );
        assert_eq!(head.dateline.unwrap().to_string(), "2013-04-30");
        assert_eq!(left, [BODY]);
        assert_eq!(
            head.header,
            [
                "U.S. Department of State",
                "Media Note",
                "Office of the Spokesperson",
                "Washington, DC",
                "Joint Press Release with the Digital Agency and the Ministry of Internal Affairs and Communications"
            ]
        );
        let text = format!("Council Promotes Economic Ties\n\nBy Bruce J. Ellsworth\n\n{BODY}\n");
        let (head, left) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Council Promotes Economic Ties")
        );
        assert_eq!(
            (left, head.header),
            (
                vec![BODY.to_string()],
                vec!["By Bruce J. Ellsworth".to_string()]
            )
        );
    }

    #[test]
    fn a_release_label_run_into_the_title_is_cut_off() {
        let text = format!(
            "Science and Technology\n\nMedia Note Japan-U.S. Joint High-Level Committee Meeting\n\nNovember 25, 2015\n\n{BODY}\n"
        );
        let (head, _) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Japan-U.S. Joint High-Level Committee Meeting")
        );
        let text = format!("Readout of the Japan-U.S. Economic Meeting\n\n{BODY}\n");
        let (head, _) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Readout of the Japan-U.S. Economic Meeting")
        );
    }

    #[test]
    fn a_menu_item_a_skip_link_or_a_line_about_the_site_is_never_the_title() {
        for line in [
            "• Biz & IT",
            "Skip to main content",
            "An official website of the United States Government Here's how you know",
            "16 Oktober 2011, 10:55",
        ] {
            let (head, _) = read(&format!("{line}\n\n{BODY}\n"));
            assert_eq!(head.title, None, "{line}");
        }
        let (head, _) = read(&format!(
            "- Home\n- News\nSecond Digital Dialogue Held\n\n{BODY}\n"
        ));
        assert_eq!(head.title.as_deref(), Some("Second Digital Dialogue Held"));
    }

    #[test]
    fn a_title_below_a_long_menu_is_found_and_the_menu_leaves() {
        let menu: String = (1..=30).map(|i| format!("Menu item {i}\n")).collect();
        let text =
            format!("{menu}Joint Statement on the Third Digital Dialogue\nMay 3, 2023\n\n{BODY}\n");
        let (head, left) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Joint Statement on the Third Digital Dialogue")
        );
        assert_eq!(head.dateline.unwrap().to_string(), "2023-05-03");
        assert_eq!(
            left,
            [BODY],
            "the menu above the title is the site's header"
        );
    }

    #[test]
    fn a_site_header_date_is_neither_title_nor_dateline() {
        let text = format!("Tue. Jul 16th, 2024\nJoint Statement from the 13th Dialogue on the Internet Economy\n\n{BODY}\n");
        let (head, _) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Joint Statement from the 13th Dialogue on the Internet Economy")
        );
        assert_eq!(head.dateline, None);
    }

    #[test]
    fn a_published_date_wins_over_an_updated_one_and_a_date_opens_a_title() {
        let text = format!("Last updated: 3 June 2024\nJuly 3, 2023 Results of the Japan-EU Digital Partnership Council's Meeting\nPublished on July 4, 2023\n\n{BODY}\n");
        let (head, _) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Results of the Japan-EU Digital Partnership Council's Meeting")
        );
        assert_eq!(head.dateline.unwrap().to_string(), "2023-07-04");
    }

    #[test]
    fn a_breadcrumb_line_and_a_site_suffix_leave_the_title() {
        let text = format!("総務省トップ > 広報・報道 > 報道資料一覧 > デジタルエコノミーに関する日米対話(第14回会合)の結果\n\n令和6年4月30日\n\n{BODY}\n");
        let (head, _) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("デジタルエコノミーに関する日米対話(第14回会合)の結果")
        );
        assert_eq!(head.dateline.unwrap().to_string(), "2024-04-30");
        let text = format!("Joint Statement of the Economic Policy Consultative Committee - United States Department of State\n\n{BODY}\n");
        let (head, _) = read(&text);
        assert_eq!(
            head.title.as_deref(),
            Some("Joint Statement of the Economic Policy Consultative Committee")
        );
    }

    #[test]
    fn no_title_line_means_no_title() {
        let (head, _) = read(&format!("Menu words\n\n{BODY}\n"));
        assert_eq!(head.title, None);
    }
}
