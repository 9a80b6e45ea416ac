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

mod field;
mod title;

use super::dates;
use crate::content::PartialDate;
use crate::text::words::word_count;
use field::{field, Field};
use title::{about_the_site, candidate_text, is_by_line, score, text_below};
use title::{title_before_subtitle, wrapped, Evidence};

pub use title::{mostly_digits, names_a_document, without_site_suffix};

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
    /// The day a sentence under the title opens with ("2025年5月12日、…を
    /// 開催しました"): the event's, not a dateline, but the best guess at
    /// the document's date when it states none.
    pub event_day: Option<PartialDate>,
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
    /// Whether a sentence goes on after it on its line, Japanese style
    /// ("2025年5月12日、…を開催しました。"): the day of what it tells.
    narrative: bool,
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
        .filter(|&(pos, _)| !wrapped(lines, &window, pos))
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
    let dateline = choose_date(lines, &date_lines, &window, title_line);
    let below_title = |d: &&DateLine| title_line.is_none_or(|t| d.line > t);
    let event_day = (date_lines.iter().filter(|d| d.narrative))
        .find(below_title)
        .map(|d| d.date);
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
        event_day,
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
    // The issuing office's line right under the dateline (内閣府国際経済担当).
    let after_dateline = dateline.and_then(|d| window.iter().copied().find(|&i| i > d));
    let office = |i: usize| Some(i) == after_dateline && is_office_line(lines[i].trim());
    let release = |i: usize| {
        let line = lines[i].trim();
        i > title_line && (is_release_line(line) || is_by_line(line) || field(line).is_some())
    };
    window
        .iter()
        .filter(|&&i| ((i < title_line || under_title(i)) && short(i)) || release(i) || office(i))
        .map(|&i| (i, lines[i].trim().to_string()))
        .collect()
}

/// A short line that only names an office: an organisation's word in it
/// ("Office", "Ministry") or a Japanese office's ending (省, 府, 課, 担当),
/// and no sentence, number or lead-in.
fn is_office_line(line: &str) -> bool {
    const OFFICE_ENDINGS: &[char] = &['省', '府', '庁', '課', '局', '室', '部'];
    let office = super::glossary::names_an_organisation(line)
        || line.ends_with(OFFICE_ENDINGS)
        || line.ends_with("担当");
    office
        && word_count(line) <= 8
        && !line.ends_with(['.', '。', ':', '：'])
        && !line.starts_with(|c: char| c.is_ascii_digit())
}

/// The non-blank lines a title is looked for in: the first [`WINDOW`] from
/// the top, and the last [`WINDOW`] up to and including the first
/// paragraph, when site menus push it further down.
fn window(lines: &[String]) -> Vec<usize> {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(MENU_LINES)
        .collect();
    // A sentence about the website (a government banner's) is not the
    // text's first paragraph: the title may still be below it.
    let end = non_blank
        .iter()
        .position(|&i| is_paragraph(&lines[i]) && !about_the_site(&lines[i]))
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
    let line = match field(line) {
        Some((Field::Date, value)) => value,
        Some(_) => return None,
        None => line.trim(),
    };
    let line = without_weekday(line);
    dates::dateline(line)
        .or_else(|| dates::japanese_dateline(line))
        .or_else(|| dates::leading_date(line))
        .or_else(|| dates::month_line(line))
        .or_else(|| dates::labelled_dateline(line).map(|d| (d, "")))
}

fn date_line(lines: &[String], i: usize) -> Option<DateLine> {
    let line = lines[i].trim();
    let (date, rest) = split_date(line)?;
    let lower = line.to_lowercase();
    let label = if field(line).is_some_and(|(f, _)| f == Field::Date) {
        DateLabel::Published
    } else if ["updated", "last updated", "更新"]
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
    let rest = rest.trim();
    Some(DateLine {
        line: i,
        date,
        label,
        narrative: label == DateLabel::None && rest.ends_with('。'),
        rest: rest.to_string(),
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

/// The document's date among the dates at the top: a "Published" one,
/// else a date line of its own on the title's line or below it, else one
/// just above the title (a letter's date over its heading), else a date
/// that opens a paragraph below the title ("Tokyo, 6 February 2024 — …",
/// which may be the day of the event rather than of the document), else an
/// "updated" one. Any other date above the title, and one with a weekday
/// before it, is the site header's.
fn choose_date<'a>(
    lines: &[String],
    date_lines: &'a [DateLine],
    window: &[usize],
    title_line: Option<usize>,
) -> Option<&'a DateLine> {
    let plain = |d: &&DateLine| d.label == DateLabel::None && !d.narrative;
    let alone = |d: &&DateLine| d.rest.is_empty() || Some(d.line) == title_line;
    let below = |d: &&DateLine| title_line.is_none_or(|t| d.line >= t);
    let just_above = |d: &&DateLine| {
        let Some(t) = title_line else { return false };
        // A category label or a copy of the title may stand between
        // ("2024.8.6", "EU-JAPAN", the title twice).
        let between = |i: usize| is_category_label(&lines[i]) || same_text(&lines[i], &lines[t]);
        let mut above = window.iter().rev().filter(|&&i| i < t).take(3);
        let next = above.find(|&&i| i == d.line || !between(i));
        next == Some(&d.line) && !d.weekday
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

/// A category or section label over an article's title: one to three
/// words and no sentence ("EU-JAPAN", "Press Releases").
fn is_category_label(line: &str) -> bool {
    let t = line.trim();
    (1..=3).contains(&word_count(t))
        && !t.ends_with(['.', '。', ':'])
        && !t.chars().any(|c| c.is_ascii_digit())
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
mod tests;
