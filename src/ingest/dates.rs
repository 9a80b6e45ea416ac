//! Dates in running text: datelines ("February 6, 2024", "6 Feb. 2024",
//! "2023-04-30", "Tokyo, 6 February 2024 —", "Posted on …") and every other
//! date a document mentions, so a document without a dateline can be dated
//! by the latest date it refers to.

use std::sync::LazyLock;

use regex::Regex;

use crate::content::PartialDate;

const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)";

/// One pattern for every supported form; the `regex` crate matches in linear
/// time, so scanning a whole document is cheap. Its word boundaries are
/// ASCII ones (`(?-u:\b)`): a Unicode `\b` cannot be run by the lazy DFA
/// on text that is not all ASCII (nearly every document has a curly quote
/// or a dash), and the regex crate then ran its backtracker over the whole
/// document, 2 % of a cold build's instructions. It also finds a date
/// written against Japanese or Chinese text, "2024-04-30に", which a
/// Unicode boundary did not (kana and Han are word characters to it).
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let day = r"(\d{1,2})(?:st|nd|rd|th)?";
    let pattern = format!(
        r"(?x)(?-u:\b)(?:
            {MONTH}\.?\s+{day},?\s+(\d{{4}})          # February 6, 2024 / Feb. 6 2024
          | {day}\s+{MONTH}\.?,?\s+(\d{{4}})          # 6 February 2024 / 01 Mar 2022
          | (\d{{4}})-(\d{{2}})-(\d{{2}})              # 2023-04-30
          | (\d{{1,2}})[/.](\d{{1,2}})[/.](\d{{4}})    # 30/04/2023 (only when unambiguous)
          | {MONTH}\.?,?\s+(\d{{4}})                   # November 2023
        )(?-u:\b)"
    );
    Regex::new(&pattern).expect("date pattern is valid")
});

/// A date found in text, with where it was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.get(..3)?.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == lower)
        .map(|i| i as u32 + 1)
}

fn number<T: std::str::FromStr>(s: Option<regex::Match<'_>>) -> Option<T> {
    s?.as_str().parse().ok()
}

fn plausible_year(year: i32) -> bool {
    (1900..=2100).contains(&year)
}

/// `30/04/2023`: day first when the first number cannot be a month, month
/// first when the second cannot be; both ≤ 12 is ambiguous and ignored.
fn numeric_date(a: u32, b: u32, year: i32) -> Option<PartialDate> {
    match (a > 12, b > 12) {
        (true, false) => PartialDate::ymd(year, b, a),
        (false, true) => PartialDate::ymd(year, a, b),
        _ => None,
    }
}

fn parse_captures(c: &regex::Captures<'_>) -> Option<PartialDate> {
    let date = if let Some(m) = c.get(1) {
        PartialDate::ymd(
            number(c.get(3))?,
            month_number(m.as_str())?,
            number(c.get(2))?,
        )
    } else if let Some(m) = c.get(5) {
        PartialDate::ymd(
            number(c.get(6))?,
            month_number(m.as_str())?,
            number(c.get(4))?,
        )
    } else if c.get(7).is_some() {
        PartialDate::ymd(number(c.get(7))?, number(c.get(8))?, number(c.get(9))?)
    } else if c.get(10).is_some() {
        numeric_date(number(c.get(10))?, number(c.get(11))?, number(c.get(12))?)
    } else {
        let month = month_number(c.get(13)?.as_str())?;
        Some(PartialDate {
            year: number(c.get(14))?,
            month: Some(month),
            day: None,
        })
    }?;
    plausible_year(date.year).then_some(date)
}

/// Every date in `text`, in order.
pub fn find_all(text: &str) -> impl Iterator<Item = Found> + '_ {
    DATE.captures_iter(text).filter_map(|c| {
        let whole = c.get(0)?;
        Some(Found {
            date: parse_captures(&c)?,
            start: whole.start(),
            end: whole.end(),
        })
    })
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
    let prefix_ok =
        before.is_empty() || DATELINE_PREFIXES.contains(&lower.as_str()) || is_place(before);
    if !prefix_ok {
        return None;
    }
    if after.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn datelines_in_common_formats() {
        let cases = [
            ("February 6, 2024", "2024-02-06"),
            ("Feb. 6, 2024", "2024-02-06"),
            ("Feb 6 2024", "2024-02-06"),
            ("6 February 2024", "2024-02-06"),
            ("01 Mar 2022", "2022-03-01"),
            ("30 April 2023", "2023-04-30"),
            ("Apr. 30, 2023", "2023-04-30"),
            ("2023-04-30", "2023-04-30"),
            ("30/04/2023", "2023-04-30"),
            ("04/30/2023", "2023-04-30"),
            ("October 18th, 2019", "2019-10-18"),
            ("Posted on March 3, 2021", "2021-03-03"),
            ("Published 3 March 2021", "2021-03-03"),
            ("  SEPTEMBER 9, 2020 ", "2020-09-09"),
        ];
        for (line, want) in cases {
            assert_eq!(dateline(line).map(|(d, _)| d), Some(d(want)), "{line}");
        }
    }

    #[test]
    fn place_datelines_keep_their_paragraph() {
        let (date, rest) = dateline("Tokyo, 6 February 2024 — The ministers met.").unwrap();
        assert_eq!(date, d("2024-02-06"));
        assert_eq!(rest, "The ministers met.");
    }

    #[test]
    fn lines_that_are_not_datelines() {
        for line in [
            "04/05/2023",
            "November 2023",
            "The meeting on October 10, 2019 was held in Tokyo.",
            "19 Jun 2024 Publication & Brochure",
            "February 30, 2024",
            "2013-2016",
        ] {
            assert_eq!(dateline(line), None, "{line}");
        }
    }

    #[test]
    fn latest_mention_is_the_latest_date() {
        let text = "In April 2023 and on March 3, 2021, then in November 2023.";
        assert_eq!(latest_mentioned(text), Some(d("2023-11")));
        let text = "On March 11, 2011 and in March 2011.";
        assert_eq!(latest_mentioned(text), Some(d("2011-03-11")));
        let text = "As recently as November 2023, and in October 2023.";
        assert_eq!(latest_mentioned(text), Some(d("2023-11")));
        assert_eq!(latest_mentioned("Act of 2023, in the 1980s."), None);
    }

    #[test]
    fn dates_against_japanese_text_and_curly_quotes_are_found() {
        assert_eq!(
            latest_mentioned("会議は2024-04-30に開催"),
            Some(d("2024-04-30"))
        );
        let text = "“Signed on 6 February 2024” — and ‘March 2025’…";
        assert_eq!(latest_mentioned(text), Some(d("2025-03")));
        assert_eq!(latest_mentioned("in 12024-04-30 or 2024-04-301"), None);
    }
}
