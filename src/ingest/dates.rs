//! Dates in running text: datelines ("February 6, 2024", "6 Feb. 2024",
//! "2023-04-30", "Tokyo, 6 February 2024 —", "Posted on …") and every other
//! date a document mentions, so a document without a dateline can be dated
//! by the latest date it refers to.

use std::sync::LazyLock;

use regex::Regex;

use crate::content::PartialDate;

/// English month names as English writes them (capitalised or in
/// capitals: a lower-case "may" is a verb), then, in any case, the months
/// of the other languages a European or a news site writes its dates in
/// ("6. Mai 2014", "1er juin 2019", "6 de mayo de 2014", "6 maggio 2014").
const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?|(?i:januar|februar|märz|maerz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre))";

/// The months' names in the languages [`MONTH`] reads besides English,
/// lower-case, by month; an English name is known by its first three letters.
const OTHER_MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("novembre", 11),
    ("noviembre", 11),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
];

/// One pattern for every supported form; the `regex` crate matches in linear
/// time, so scanning a whole document is cheap. Its word boundaries are
/// ASCII ones (`(?-u:\b)`): a Unicode `\b` cannot be run by the lazy DFA
/// on text that is not all ASCII (nearly every document has a curly quote
/// or a dash), and the regex crate then ran its backtracker over the whole
/// document, 2 % of a cold build's instructions. It also finds a date
/// written against Japanese or Chinese text, "2024-04-30に", which a
/// Unicode boundary did not (kana and Han are word characters to it).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // A day, perhaps with its weekday aside ("2 (Tue.)") and the last day
    // of a range ("4 and 5", "14–15"): the range's first day is the date.
    let day = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*\([A-Za-z]{2,4}\.?\))?";
    let range = format!(r"(?:\s*(?:-|–|—|and|to|&)\s*{day})?");
    let rest1 = format!(r"(?:st|nd|rd|th)?(?:\s*\([A-Za-z]{{2,4}}\.?\))?{range}");
    let rest2 = format!(r"(?:st|nd|rd|th)?{range}");
    let pattern = format!(
        r"(?x)(?-u:\b)(?:
            (?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}}){rest1},?\s+(?P<y1>\d{{4}})   # February 6, 2024 / June 4 and 5, 2019
          | (?P<d2>\d{{1,2}})(?:er)?\.?{rest2}\s+(?:de\s+)?(?P<m2>{MONTH})\.?,?\s+(?:de\s+)?(?P<y2>\d{{4}})   # 6 February 2024 / 14–15 May 2018 / 14. Mai 2018 / 1er juin 2019 / 6 de mayo de 2014
          | (?P<y3>\d{{4}})-(?P<mo3>\d{{2}})-(?P<d3>\d{{2}})                    # 2023-04-30
          | (?P<y5>\d{{4}})[./](?P<mo5>\d{{1,2}})[./](?P<d5>\d{{1,2}})           # 2024.8.6
          | (?P<a4>\d{{1,2}})(?P<s4>[/.])(?P<b4>\d{{1,2}})[/.](?P<y4>\d{{4}})     # 30/04/2023 (only when unambiguous), 12.01.2017
          | (?P<m6>{MONTH})\.?,?\s+(?P<y6>\d{{4}})                               # November 2023
        )(?-u:\b)"
    );
    Regex::new(&pattern).expect("date pattern is valid")
});

/// Dates written the Japanese way: `2024年4月30日`, in an era's years
/// (`令和6年4月30日`, `平成31年`), or a month (`2024年4月`). No word
/// boundaries: Japanese is written without spaces.
static JAPANESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?P<y>\d{4})|(?P<era>令和|平成|昭和)\s*(?P<ey>\d{1,2}|元))\s*年\s*
        (?P<mo>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?
        (?:\s*[（(][月火水木金土日][）)])?",
    )
    .expect("Japanese date pattern is valid")
});

/// The Gregorian year of an era's year (`元` is its first).
fn era_year(era: &str, year: &str) -> Option<i32> {
    let n: i32 = match year {
        "元" => 1,
        y => y.parse().ok()?,
    };
    let start = match era {
        "令和" => 2018,
        "平成" => 1988,
        "昭和" => 1925,
        _ => return None,
    };
    Some(start + n)
}

/// A date found in text, with where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    if let Some(&(_, n)) = OTHER_MONTHS.iter().find(|(m, _)| *m == lower) {
        return Some(n);
    }
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = lower.get(..3)?;
    months
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

fn plausible_year(year: i32) -> bool {
    (1900..=2100).contains(&year)
}

/// `30/04/2023`: day first when the first number cannot be a month, month
/// first when the second cannot be; both ≤ 12 is ambiguous and ignored,
/// unless the numbers are parted by dots (`12.01.2017`), which only the
/// day-first convention writes.
fn numeric_date(a: u32, b: u32, year: i32, dotted: bool) -> Option<PartialDate> {
    match (a > 12, b > 12) {
        (true, false) => PartialDate::ymd(year, b, a),
        (false, true) => PartialDate::ymd(year, a, b),
        (false, false) if dotted => PartialDate::ymd(year, b, a),
        _ => None,
    }
}

fn parse_captures(c: &regex::Captures<'_>) -> Option<PartialDate> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
    let month = |name: &str| c.name(name).and_then(|m| month_number(m.as_str()));
    let date = if c.name("m1").is_some() {
        PartialDate::ymd(year("y1")?, month("m1")?, num("d1")?)
    } else if c.name("m2").is_some() {
        PartialDate::ymd(year("y2")?, month("m2")?, num("d2")?)
    } else if c.name("y3").is_some() {
        PartialDate::ymd(year("y3")?, num("mo3")?, num("d3")?)
    } else if c.name("y5").is_some() {
        PartialDate::ymd(year("y5")?, num("mo5")?, num("d5")?)
    } else if c.name("y4").is_some() {
        let dotted = c.name("s4").is_some_and(|s| s.as_str() == ".");
        numeric_date(num("a4")?, num("b4")?, year("y4")?, dotted)
    } else {
        Some(PartialDate {
            year: year("y6")?,
            month: Some(month("m6")?),
            day: None,
        })
    }?;
    plausible_year(date.year).then_some(date)
}

fn parse_japanese(c: &regex::Captures<'_>) -> Option<PartialDate> {
    let year = match (c.name("y"), c.name("era"), c.name("ey")) {
        (Some(y), _, _) => y.as_str().parse().ok()?,
        (None, Some(era), Some(ey)) => era_year(era.as_str(), ey.as_str())?,
        _ => return None,
    };
    let month: u32 = c.name("mo")?.as_str().parse().ok()?;
    let date = match c.name("d") {
        Some(d) => PartialDate::ymd(year, month, d.as_str().parse().ok()?)?,
        None if (1..=12).contains(&month) => PartialDate {
            year,
            month: Some(month),
            day: None,
        },
        None => return None,
    };
    plausible_year(date.year).then_some(date)
}

/// Every date in `text`, in order.
pub fn find_all(text: &str) -> impl Iterator<Item = Found> + '_ {
    let found = |c: regex::Captures<'_>, parse: fn(&regex::Captures<'_>) -> Option<PartialDate>| {
        let whole = c.get(0)?;
        Some(Found {
            date: parse(&c)?,
            start: whole.start(),
            end: whole.end(),
        })
    };
    let western = DATE
        .captures_iter(text)
        .filter_map(move |c| found(c, parse_captures));
    // Most text has no 年 at all: the Japanese pattern only runs where it may match.
    let japanese = text
        .contains('年')
        .then(|| {
            JAPANESE_DATE
                .captures_iter(text)
                .filter_map(move |c| found(c, parse_japanese))
        })
        .into_iter()
        .flatten();
    merge_by_start(western, japanese)
}

/// Two runs of dates, each in order, as one in order.
fn merge_by_start(
    a: impl Iterator<Item = Found>,
    b: impl Iterator<Item = Found>,
) -> impl Iterator<Item = Found> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y.start < x.start => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// A line that opens with a Japanese date (`2024年4月30日（火）、…`), and
/// what follows it.
pub fn japanese_dateline(line: &str) -> Option<(PartialDate, &str)> {
    let line = line.trim();
    let c = JAPANESE_DATE.captures(line)?;
    let whole = c.get(0)?;
    if whole.start() != 0 {
        return None;
    }
    let date = parse_japanese(&c)?;
    date.day?;
    let rest = line[whole.end()..].trim_start_matches(['、', ',', ' ', '　']);
    Some((date, rest))
}

/// Words that may stand before a dateline's date.
const DATELINE_PREFIXES: &[&str] = &[
    "posted on",
    "published on",
    "published",
    "posted",
    "date:",
    "dated",
    "issued on",
    "issued",
    "released on",
    "updated on",
    "updated",
    "last updated:",
    "last updated",
    "on",
];

/// A dateline: the whole line is a full date, perhaps behind "Posted on" or
/// a place ("Tokyo, 6 February 2024 —"). Returns the date and the text that
/// follows the dash of a place dateline (the paragraph it opens).
pub fn dateline(line: &str) -> Option<(PartialDate, &str)> {
    let line = line.trim();
    let found = find_all(line).next()?;
    found.date.day?;
    let before = line[..found.start].trim();
    let after = line[found.end..].trim_start();
    let lower = before.to_ascii_lowercase();
    let label = lower.trim_end_matches(':').trim_end();
    let prefix_ok = before.is_empty()
        || DATELINE_PREFIXES.contains(&lower.as_str())
        || DATELINE_PREFIXES.contains(&label)
        || is_place(before);
    if !prefix_ok {
        return None;
    }
    if after.is_empty() || is_time(after) {
        return Some((found.date, ""));
    }
    let rest = after
        .strip_prefix('—')
        .or_else(|| after.strip_prefix('–'))
        .or_else(|| after.strip_prefix("--"))
        .or_else(|| after.strip_prefix('-'))
        .or_else(|| after.strip_prefix(':'))?;
    Some((found.date, rest.trim_start()))
}

/// A section label and the full date (and time) the article was posted,
/// alone on a line: "韓日関係 2023.05.30 17:11", "Column  Foreign Affairs
/// and National Security  2021.12.21". How news and column pages stamp an
/// article over or under its title. The label is a name, never a clause:
/// no digits, no sentence punctuation, and its last word capitalised (or
/// not Latin), so "The meeting on October 10, 2019" is no dateline.
pub fn labelled_dateline(line: &str) -> Option<PartialDate> {
    let line = line.trim();
    let mut all = find_all(line);
    let found = all.next()?;
    if all.next().is_some() || found.date.day.is_none() {
        return None;
    }
    let label = line[..found.start].trim();
    let after = line[found.end..].trim();
    let last_word = label.split_whitespace().last()?;
    let is_name = label.split_whitespace().count() <= 6
        && !label.chars().any(|c| c.is_ascii_digit())
        && !label.contains(['.', ',', ':', '。', '、', '：'])
        && !last_word.starts_with(|c: char| c.is_lowercase());
    (is_name && (after.is_empty() || is_time(after))).then_some(found.date)
}

/// A line that is only a month and its year ("February 2014"): the issue
/// a monthly's article appeared in, when it heads the article.
pub fn month_line(line: &str) -> Option<(PartialDate, &str)> {
    let line = line.trim();
    let found = find_all(line).next()?;
    let whole = found.start == 0 && found.end == line.len();
    (whole && found.date.day.is_none() && found.date.month.is_some()).then_some((found.date, ""))
}

/// The time of day after a date ("| 6:00 PM", "at 10:32 a.m. JST", "17:00").
fn is_time(text: &str) -> bool {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[|,\-–—]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:\(?[a-z]{2,4}\)?)?$")
            .expect("time pattern is valid")
    });
    TIME.is_match(text.trim())
}

/// A line that opens with a full date and goes on with other text after a
/// space ("July 3, 2023 Results of the Council's Meeting"): the date and
/// the rest.
pub fn leading_date(line: &str) -> Option<(PartialDate, &str)> {
    let line = line.trim();
    let found = find_all(line).next().filter(|f| f.start == 0)?;
    found.date.day?;
    let rest = line[found.end..].trim_start_matches([' ', ',', '-', '–', '—', ':', '|']);
    Some((found.date, rest))
}

/// "Tokyo," or "WASHINGTON, D.C.,": one to three capitalised words and a comma.
fn is_place(text: &str) -> bool {
    let Some(place) = text.strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = place.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// The latest date `text` mentions; a month-and-year counts as that month,
/// so "November 2023" is later than "March 11, 2011".
pub fn latest_mentioned(text: &str) -> Option<PartialDate> {
    find_all(text).map(|f| f.date).max()
}

/// The year a title gives as its own ("… Road Map for Cooperation in
/// 2014", "Joint Statement 2024 from …"), for a document whose text dates
/// nothing: the one year it names, unless the title looks ahead to it
/// ("Vision 2030", "Towards 2030").
pub fn year_in_title(title: &str) -> Option<PartialDate> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\b(?P<ahead>to|towards?|by|until|through|beyond|vision|horizon|agenda)\s+)?\b(?P<y>(?:19|20)\d{2})\b")
            .expect("title year pattern is valid")
    });
    let mut years = YEAR.captures_iter(title);
    let only = years.next()?;
    if years.next().is_some() || only.name("ahead").is_some() {
        return None;
    }
    let year: i32 = only["y"].parse().ok()?;
    plausible_year(year).then_some(PartialDate {
        year,
        month: None,
        day: None,
    })
}

/// The date a value of markup states (a `<time datetime>`, a meta tag,
/// JSON-LD's `datePublished`): ISO 8601 (`2020-06-07T09:53:00-04:00`, its
/// day as written, whatever the zone), else the first full date in it.
pub fn stated(value: &str) -> Option<PartialDate> {
    let value = value.trim();
    let iso = value
        .get(..10)
        .filter(|d| d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-')
        .and_then(PartialDate::parse)
        .filter(|d| d.day.is_some());
    let date = iso.or_else(|| find_all(value).map(|f| f.date).find(|d| d.day.is_some()))?;
    plausible_year(date.year).then_some(date)
}

/// The day a page's address carries (`/2020/06/07/`, `/2020-06-07-…`,
/// `/20200607/`), as news sites file their articles.
pub fn in_url(url: &str) -> Option<PartialDate> {
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)[/_-](?P<y>(?:19|20)\d{2})(?:[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)|(?P<m2>[01]\d)(?P<d2>[0-3]\d))(?:[/_.-]|$)",
        )
        .expect("URL date pattern is valid")
    });
    let c = DATED.captures(url)?;
    let num = |a: &str, b: &str| {
        c.name(a)
            .or_else(|| c.name(b))
            .and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let year: i32 = c.name("y")?.as_str().parse().ok()?;
    PartialDate::ymd(year, num("m", "m2")?, num("d", "d2")?)
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
