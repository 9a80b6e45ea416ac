//! Heading recognition: the numbering styles captured documents use (`1.`,
//! `1.1`, `(1)`, `I.`, `A.`, `Article 3`, `Section 2`, a short line ending in
//! `:`, a bare title-case line) and the heading level each style gets; and
//! the `## ` mark a reader of a structured source (a PDF's type sizes) sets
//! before a line it knows to be a heading.

use crate::text::words::{is_cjk, word_count};

/// How a heading is numbered. Levels follow the order in which styles first
/// appear in a document: the first style is `##`, the next `###`, and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Numbered,
    SubNumbered,
    Parenthesized,
    Roman,
    Letter,
    Article,
    Section,
    Chapter,
    Part,
    Colon,
    Bare,
    /// Marked by a reader with `#` to `######` and a space: a heading by
    /// the source's own evidence, its rank the number of marks.
    Marked(u8),
}

impl Style {
    /// Styles that carry a number and so are headings even inside a list item.
    pub fn is_numbered(self) -> bool {
        !matches!(self, Style::Colon | Style::Bare)
    }
}

/// A recognised heading: its style and where the title starts after the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub style: Style,
    pub label_end: usize,
}

const MAX_WORDS: usize = 16;

/// The heading style of a line, if it reads as a heading. Bare and colon
/// headings also need to stand alone; the caller checks that.
pub fn recognise(text: &str) -> Option<Heading> {
    let text = text.trim();
    if text.is_empty() || text.len() > 160 {
        return None;
    }
    marked(text)
        .or_else(|| labelled(text))
        .or_else(|| colon(text))
        .or_else(|| bare(text))
}

fn heading(style: Style, label_end: usize) -> Option<Heading> {
    Some(Heading { style, label_end })
}

/// "## Our shared commitments": a heading a reader marked.
fn marked(text: &str) -> Option<Heading> {
    let marks = text.bytes().take_while(|&b| b == b'#').count();
    let rest = text[marks..].strip_prefix(' ')?;
    let ok = (1..=6).contains(&marks) && rest.chars().any(char::is_alphanumeric);
    ok.then_some(Heading {
        style: Style::Marked(marks as u8),
        label_end: marks + 1,
    })
}

fn labelled(text: &str) -> Option<Heading> {
    let (label, rest) = text.split_once(' ').unwrap_or((text, ""));
    let rest_start = text.len() - rest.len();
    let titled = title_like(rest, true);
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(n) = label.strip_suffix('.') {
        if digits(n) && titled {
            return heading(Style::Numbered, rest_start);
        }
        if n.split('.').count() >= 2 && n.split('.').all(digits) && titled {
            return heading(Style::SubNumbered, rest_start);
        }
        if is_roman(n) && titled {
            return heading(Style::Roman, rest_start);
        }
        if n.len() == 1 && n.bytes().all(|b| b.is_ascii_uppercase()) && titled {
            return heading(Style::Letter, rest_start);
        }
    }
    if label.split('.').count() >= 2 && label.split('.').all(digits) && titled {
        return heading(Style::SubNumbered, rest_start);
    }
    let inner = label.strip_prefix('(').and_then(|l| l.strip_suffix(')'));
    if inner
        .is_some_and(|n| digits(n) || (n.len() == 1 && n.bytes().all(|b| b.is_ascii_lowercase())))
        && titled
    {
        return heading(Style::Parenthesized, rest_start);
    }
    division(text)
}

/// "Article 3", "Section 2: Scope", "Chapter IV — Trade".
fn division(text: &str) -> Option<Heading> {
    let mut words = text.splitn(3, ' ');
    let (word, number) = (words.next()?, words.next()?);
    let style = match word {
        "Article" | "ARTICLE" => Style::Article,
        "Section" | "SECTION" => Style::Section,
        "Chapter" | "CHAPTER" => Style::Chapter,
        "Part" | "PART" => Style::Part,
        _ => return None,
    };
    let number = number.trim_end_matches(['.', ':', ',']);
    let numbered = number.bytes().all(|b| b.is_ascii_digit()) || is_roman(number);
    let rest = words
        .next()
        .unwrap_or("")
        .trim_start_matches(['.', ':', '-', '–', '—', ' ']);
    let label_end = text.len() - rest.len();
    (numbered && !number.is_empty() && (rest.is_empty() || title_like(rest, true)))
        .then_some(Heading { style, label_end })
}

fn is_roman(s: &str) -> bool {
    const NUMERALS: [&str; 20] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    NUMERALS.contains(&s)
}

/// "Data free flow with trust (DFFT):": a short label introducing what follows.
fn colon(text: &str) -> Option<Heading> {
    let body = text.strip_suffix(':')?;
    let lower = format!(" {} ", body.to_lowercase());
    let sentence_words = [
        " is ",
        " are ",
        " was ",
        " were ",
        " will ",
        " include",
        " following ",
        " follows ",
        " such as ",
        " we ",
        " our ",
        " please ",
        " contact",
        " below ",
        " should ",
        " must ",
        " shall ",
        " can ",
        " may ",
        " has ",
        " have ",
        " would ",
        " could ",
        " need ",
    ];
    // "… commit to:" introduces a list; a label does not end on a function word.
    let dangling = [
        "to", "of", "for", "on", "in", "with", "as", "by", "that", "and", "the", "from", "at",
    ];
    let last = body.rsplit(' ').next().unwrap_or("").to_lowercase();
    let words = word_count(body);
    (words <= 12
        && !dangling.contains(&last.as_str())
        && title_like(body, false)
        && !sentence_words.iter().any(|w| lower.contains(w)))
    .then_some(Heading {
        style: Style::Colon,
        label_end: 0,
    })
}

/// "Japan’s Approach to AI Policymaking": most content words capitalised.
fn bare(text: &str) -> Option<Heading> {
    if !title_like(text, false) || text.ends_with(':') {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let has_number = words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'-')
    });
    let content: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    let capitalised = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    let title_case = !content.is_empty() && capitalised * 10 >= content.len() * 7;
    (title_case && !has_number && !text.contains(". ")).then_some(Heading {
        style: Style::Bare,
        label_end: 0,
    })
}

/// Short, starts like a title, does not end like a sentence.
fn title_like(text: &str, numbered: bool) -> bool {
    let text = text.trim();
    let Some(first) = text.chars().next() else {
        return false;
    };
    let starts = first.is_uppercase()
        || first.is_ascii_digit()
        || is_cjk(first)
        || (numbered && matches!(first, '“' | '"' | '‘' | '('));
    let ends_badly =
        text.ends_with(['.', ',', ';', '!', '。', '、']) || (!numbered && text.ends_with('?'));
    starts && !ends_badly && word_count(text) <= MAX_WORDS
}

/// The `#` level of each style, in order of first appearance (2, 3, 4 …, at most 4).
#[derive(Debug, Default)]
pub struct Levels {
    seen: Vec<Style>,
}

impl Levels {
    pub fn level(&mut self, style: Style) -> u8 {
        let index = match self.seen.iter().position(|s| *s == style) {
            Some(i) => i,
            None => {
                self.seen.push(style);
                self.seen.len() - 1
            }
        };
        (index as u8 + 2).min(4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_forms() {
        let cases = [
            (
                "1. Artificial Intelligence",
                Some(Style::Numbered),
                "Artificial Intelligence",
            ),
            (
                "10. High performance computing (HPC):",
                Some(Style::Numbered),
                "High performance computing (HPC):",
            ),
            (
                "2.1 Scope of Work",
                Some(Style::SubNumbered),
                "Scope of Work",
            ),
            ("(1) Summary", Some(Style::Parenthesized), "Summary"),
            ("(a) Definitions", Some(Style::Parenthesized), "Definitions"),
            ("IV. Digital Trade", Some(Style::Roman), "Digital Trade"),
            ("B. Semiconductors", Some(Style::Letter), "Semiconductors"),
            ("Article 3", Some(Style::Article), ""),
            ("Article 12: Data Flows", Some(Style::Article), "Data Flows"),
            ("Section 2 – Scope", Some(Style::Section), "Scope"),
            ("Data free flow with trust (DFFT):", Some(Style::Colon), ""),
            ("Japan’s Approach to AI Policymaking", Some(Style::Bare), ""),
            ("About the Author", Some(Style::Bare), ""),
            (
                "Conclusion: The Future of U.S.-Japan AI Cooperation",
                Some(Style::Bare),
                "",
            ),
            ("This includes joint initiatives such as:", None, ""),
            ("The two governments should:", None, ""),
            ("The Participants commit to:", None, ""),
            ("Erik M. Jacobs (Hyogo, 2013-2016)", None, ""),
            ("1. We urge both governments to act.", None, ""),
            ("The meeting was held in Tokyo on Monday", None, ""),
            ("Articles of note", None, ""),
        ];
        for (line, style, title) in cases {
            let got = recognise(line);
            assert_eq!(got.map(|h| h.style), style, "{line}");
            if let Some(h) = got.filter(|h| h.label_end > 0) {
                assert_eq!(&line[h.label_end..], title, "{line}");
            }
        }
    }

    #[test]
    fn levels_follow_first_appearance() {
        let mut levels = Levels::default();
        assert_eq!(levels.level(Style::Numbered), 2);
        assert_eq!(levels.level(Style::Parenthesized), 3);
        assert_eq!(levels.level(Style::Numbered), 2);
        assert_eq!(levels.level(Style::Colon), 4);
        assert_eq!(levels.level(Style::Bare), 4);
    }
}
