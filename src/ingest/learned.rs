//! Site chrome learned from the corpus itself, as trafilatura and jusText
//! learn boilerplate: a short line at the top or bottom of captures of
//! several different documents ("Office of the Spokesperson", a site's
//! masthead slogan, its `.gov` banner) is the site's, not any document's.
//!
//! A line counts when it stands near the top or bottom of at least
//! [`MIN_SEEDS`] seeds. A line that names a document or an event in five
//! words or more ("Joint Statement of the … Committee") is never learned:
//! one statement reposted by three sites shares its title, not a template.

use std::collections::{HashMap, HashSet};

use super::chrome::key;
use super::head::names_a_document;
use crate::text::words::word_count;

/// How many seeds a line must open or close to be learned as chrome.
const MIN_SEEDS: usize = 3;
/// How many non-blank lines at each end of a capture are read.
const EDGE_LINES: usize = 15;
/// The longest line (in words) that is learned.
const MAX_WORDS: usize = 30;

/// The lines of a capture that may be a site's template: the short ones
/// among the first and last [`EDGE_LINES`] non-blank lines, as keys.
pub fn edge_lines(text: &str) -> HashSet<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines
        .iter()
        .take(EDGE_LINES)
        .chain(lines.iter().rev().take(EDGE_LINES))
        .filter(|l| learnable(l))
        .map(|l| key(l))
        .collect()
}

fn learnable(line: &str) -> bool {
    if line.len() > 300 {
        return false;
    }
    let words = word_count(line);
    (1..=MAX_WORDS).contains(&words) && !(words >= 5 && names_a_document(line))
}

/// The lines that open or close at least [`MIN_SEEDS`] seeds, from each
/// seed's [`edge_lines`].
pub fn learn(edges: impl IntoIterator<Item = HashSet<String>>) -> HashSet<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in edges {
        for line in lines {
            *counts.entry(line).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= MIN_SEEDS)
        .map(|(line, _)| line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_line_of_three_captures_is_learned_and_a_shared_title_is_not() {
        let page = |title: &str, body: &str| {
            format!(
                "Diplomacy in Action\n\nJoint Statement of the Economic Policy Committee Meeting\n\n{title}\n\n{body}\n\nOffice of the Spokesperson\n"
            )
        };
        let pages = [
            page("First", "The ministers met on trade."),
            page("Second", "The ministers met on data."),
            page("Third", "The ministers met on chips."),
        ];
        let learned = learn(pages.iter().map(|p| edge_lines(p)));
        assert!(learned.contains("diplomacy in action"), "{learned:?}");
        assert!(
            learned.contains("office of the spokesperson"),
            "{learned:?}"
        );
        assert!(!learned.contains("joint statement of the economic policy committee meeting"));
        assert!(!learned.contains("first"));
        let two = learn(pages[..2].iter().map(|p| edge_lines(p)));
        assert!(two.is_empty(), "two captures are not enough: {two:?}");
    }
}
