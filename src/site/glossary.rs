//! The site's glossary as the markdown pass uses it: every acronym with its
//! expansion, and a matcher that finds them as whole words in a body's text.

use std::collections::BTreeMap;

use aho_corasick::{AhoCorasick, MatchKind};

/// Every acronym the site knows, with a matcher to find them in text.
#[derive(Debug)]
pub struct Glossary {
    pub entries: BTreeMap<String, String>,
    abbrs: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl Default for Glossary {
    fn default() -> Glossary {
        Glossary::new(BTreeMap::new())
    }
}

impl Glossary {
    pub fn new(entries: BTreeMap<String, String>) -> Glossary {
        let abbrs: Vec<String> = entries.keys().cloned().collect();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&abbrs)
            .ok();
        Glossary {
            entries,
            abbrs,
            matcher,
        }
    }

    /// Whole-word occurrences in `text`: (start, end, acronym).
    pub fn find(&self, text: &str) -> Vec<(usize, usize, &str)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        let word = |i: usize| text[i..].chars().next().is_some_and(char::is_alphanumeric);
        let word_before = |i: usize| {
            text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        matcher
            .find_iter(text)
            .filter(|m| !word_before(m.start()) && (m.end() >= bytes.len() || !word(m.end())))
            .map(|m| {
                (
                    m.start(),
                    m.end(),
                    self.abbrs[m.pattern().as_usize()].as_str(),
                )
            })
            .collect()
    }
}

/// The id of an acronym's entry on the glossary page.
pub fn glossary_anchor(abbr: &str) -> String {
    let anchor: String = abbr
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("g-{anchor}")
}
