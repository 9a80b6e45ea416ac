//! What ingest made of a page against the set's gold: titles (exact or
//! contained, normalised), dates (the day, as htmldate scores), and the
//! main text's snippets (as trafilatura scores), with every miss noted.

use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;

use super::{Case, Made};

#[derive(Default)]
pub struct Titles {
    pub scored: usize,
    pub exact: usize,
    pub contained: usize,
    /// Pages whose capture has the gold title as a line of its own.
    pub on_page: usize,
    pub on_page_exact: usize,
}

/// Dates against the gold day.
#[derive(Default)]
pub struct Dates {
    pub scored: usize,
    /// Pages whose HTML writes the gold day in a common form.
    pub on_page: usize,
    pub on_page_exact: usize,
    pub exact: usize,
    pub exact_stated: usize,
    pub same_year: usize,
    pub wrong_year: usize,
    pub none: usize,
}

/// Snippets found in a text: `with` ones are main text (TP when found,
/// FN when not), `without` ones boilerplate (FP when found, TN when not).
#[derive(Default)]
pub struct Snippets {
    pub tp: usize,
    pub fn_: usize,
    pub fp: usize,
    pub tn: usize,
}

/// Every figure of one set.
#[derive(Default)]
pub struct Scores {
    pub pages: usize,
    pub rejected: usize,
    pub titles: Titles,
    pub date_titles: usize,
    pub stem_titles: usize,
    pub dates: Dates,
    pub body: Snippets,
    pub capture: Snippets,
    pub render_time: Duration,
    pub ingest_time: Duration,
    pub misses: Vec<String>,
}

/// Whether the page's HTML (markup and address included) writes `gold`
/// (`YYYY-MM-DD`) in one of the usual forms.
pub fn date_on_page(html: &str, gold: &str) -> bool {
    use briefing::site::MONTHS;
    let parts: Vec<u32> = gold.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, d] = parts[..] else { return false };
    let month = MONTHS[(m as usize).saturating_sub(1).min(11)];
    let short = &month[..3];
    let forms = [
        format!("{y}-{m:02}-{d:02}"),
        format!("{d:02}.{m:02}.{y}"),
        format!("{d}.{m}.{y}"),
        format!("{y}/{m:02}/{d:02}"),
        format!("{d:02}/{m:02}/{y}"),
        format!("{m:02}/{d:02}/{y}"),
        format!("{month} {d}, {y}"),
        format!("{d} {month} {y}"),
        format!("{short} {d}, {y}"),
        format!("{d} {short} {y}"),
        format!("{y}年{m}月{d}日"),
    ];
    forms.iter().any(|f| html.contains(f.as_str()))
}

pub fn score(
    scores: &mut Scores,
    case: &Case,
    capture: &str,
    date_on_page: bool,
    made: Result<Made, String>,
) {
    scores.pages += 1;
    let page_text = plain(capture);
    count_snippets(&mut scores.capture, case, &page_text);
    if case.date.is_some() {
        scores.dates.on_page += usize::from(date_on_page);
    }
    let made = match made {
        Ok(made) => made,
        Err(error) => return reject(scores, case, &error),
    };
    if let Some(gold) = &case.title {
        score_title(scores, case, gold, &made.title, capture);
    }
    if looks_like_date(&made.title) {
        scores.date_titles += 1;
        scores
            .misses
            .push(format!("{}  title is a date: {:?}", case.file, made.title));
    }
    if made.title.trim() == case.stem {
        scores.stem_titles += 1;
        scores
            .misses
            .push(format!("{}  title is the file name", case.file));
    }
    if let Some(gold) = &case.date {
        let before = scores.dates.exact;
        score_date(scores, case, gold, &made);
        scores.dates.on_page_exact += usize::from(date_on_page && scores.dates.exact > before);
    }
    let body = plain(&markdown_text(&made.body));
    count_snippets(&mut scores.body, case, &body);
    list_snippets(scores, case, &body, &page_text);
}

/// A page ingest refused: no title, no date, no text.
pub fn reject(scores: &mut Scores, case: &Case, error: &str) {
    scores.rejected += 1;
    scores.titles.scored += usize::from(case.title.is_some());
    if case.date.is_some() {
        scores.dates.scored += 1;
        scores.dates.none += 1;
    }
    scores.body.fn_ += case.with.len();
    scores.body.tn += case.without.len();
    let error = error.lines().next().unwrap_or_default();
    scores
        .misses
        .push(format!("{}  rejected: {error}", case.file));
}

fn score_title(scores: &mut Scores, case: &Case, gold: &str, ours: &str, capture: &str) {
    let (g, o) = (norm_title(gold), norm_title(ours));
    let titles = &mut scores.titles;
    titles.scored += 1;
    let on_page = has_line(capture, &g);
    titles.on_page += usize::from(on_page);
    if g == o {
        titles.exact += 1;
        titles.on_page_exact += usize::from(on_page);
        return;
    }
    let contained =
        !o.is_empty() && (o.contains(&g) || (g.contains(&o) && 10 * len(&o) >= 6 * len(&g)));
    let how = if contained {
        titles.contained += 1;
        "title contained"
    } else {
        "title"
    };
    scores
        .misses
        .push(format!("{}  {how}: {gold:?}, ours {ours:?}", case.file));
}

/// Whether a line of the capture, list marker aside, is `title`
/// (normalised).
fn has_line(capture: &str, title: &str) -> bool {
    capture.lines().any(|line| {
        let line = line.trim_start();
        let line = line.strip_prefix("• ").unwrap_or(line);
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let line = match digits {
            0 => line,
            n => line[n..].strip_prefix(". ").unwrap_or(line),
        };
        norm_title(line) == title
    })
}

fn len(text: &str) -> usize {
    text.chars().count()
}

fn score_date(scores: &mut Scores, case: &Case, gold: &str, made: &Made) {
    let dates = &mut scores.dates;
    dates.scored += 1;
    let ours = made.date.map(|d| d.to_string());
    let how = match &ours {
        None => {
            dates.none += 1;
            "date none found"
        }
        Some(ours) if ours == gold => {
            dates.exact += 1;
            dates.exact_stated += usize::from(made.stated);
            return;
        }
        Some(ours) if ours.get(..4) == gold.get(..4) => {
            dates.same_year += 1;
            "date same year"
        }
        Some(_) => {
            dates.wrong_year += 1;
            "date wrong year"
        }
    };
    let source = if made.stated { "stated" } else { "inferred" };
    let ours = ours.map_or("-".to_string(), |d| format!("{d} ({source})"));
    scores
        .misses
        .push(format!("{}  {how}: {gold}, ours {ours}", case.file));
}

fn count_snippets(tally: &mut Snippets, case: &Case, text: &str) {
    for snippet in &case.with {
        match text.contains(&plain(snippet)) {
            true => tally.tp += 1,
            false => tally.fn_ += 1,
        }
    }
    for snippet in &case.without {
        match text.contains(&plain(snippet)) {
            true => tally.fp += 1,
            false => tally.tn += 1,
        }
    }
}

/// Main-text snippets the capture has but the body lost, and boilerplate
/// snippets the body kept.
fn list_snippets(scores: &mut Scores, case: &Case, body: &str, page: &str) {
    for snippet in &case.with {
        let s = plain(snippet);
        if page.contains(&s) && !body.contains(&s) {
            scores
                .misses
                .push(format!("{}  text lost: {snippet:?}", case.file));
        }
    }
    for snippet in &case.without {
        if body.contains(&plain(snippet)) {
            scores
                .misses
                .push(format!("{}  boilerplate kept: {snippet:?}", case.file));
        }
    }
}

/// Whitespace runs as one space, trimmed (upstream's `norm`).
fn plain(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A markdown link `[words](address)` (not an escaped `\[`): its words
/// are the text it shows.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[((?:\\.|[^\\\]])*)\]\([^)\s]*\)").expect("a valid regex"));

/// A line with its links as their words.
fn link_words(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut plain = 0;
    for link in LINK.captures_iter(line) {
        let whole = link.get(0).expect("the match");
        if line[..whole.start()].ends_with('\\') {
            continue;
        }
        out.push_str(&line[plain..whole.start()]);
        out.push_str(&link[1]);
        plain = whole.end();
    }
    out.push_str(&line[plain..]);
    out
}

/// The body's markdown as the text it shows: no heading marks, bullets,
/// links' addresses, `{#id .class}` attributes or backslash escapes.
fn markdown_text(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let line = link_words(line);
        let line = line.trim_start().trim_start_matches('#');
        let line = line.strip_prefix("- ").unwrap_or(line);
        let line = match line.rfind(" {#") {
            Some(at) if line.ends_with('}') => &line[..at],
            _ => line,
        };
        out.push_str(&unescape(line));
        out.push('\n');
    }
    out
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// A title as compared: lower case, one space, one kind of quote and
/// dash, no final punctuation.
fn norm_title(text: &str) -> String {
    let unified: String = text
        .chars()
        .map(|c| match c {
            '–' | '—' | '‐' | '‑' | '−' => '-',
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' | '‚' | '`' => '\'',
            c => c,
        })
        .collect();
    plain(&unified.to_lowercase())
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_string()
}

/// Words that may stand beside the numbers of a date.
const DATE_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "mär",
    "apr",
    "may",
    "mai",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "um",
    "uhr",
    "on",
    "at",
    "posted",
    "published",
    "updated",
];

/// A title that is only a date (numbers, month and weekday names).
fn looks_like_date(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '.' | '-' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
    });
    let other_words = words
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()));
    let mut others = other_words.clone();
    year && other_words.count() <= 3 && others.all(|w| DATE_WORDS.iter().any(|d| w.starts_with(d)))
}
