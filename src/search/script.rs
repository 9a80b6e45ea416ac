//! The index as the browser loads it: `search-index.js` assigns
//! `window.BRIEFING_SEARCH`, and one small script per document calls
//! `BRIEFING_SEARCH_TEXT(slug, texts)` with its passages, loaded only for
//! the documents a result list shows. Scripts rather than JSON because
//! `fetch()` is blocked from `file://`; a UTF-8 byte-order mark makes the
//! browser read them as UTF-8 whatever the server says.
//!
//! Wire format (version 1), arrays rather than objects to stay small:
//! - `docs`: `[slug, title, date, year|null, [theme], [dialogue]]`
//! - `sections`: `[doc, id, title, length]`
//! - `terms`: term → postings, each the gap from the previous section
//!   number (the first from -1), followed by `-tf` when the term occurs
//!   more than once there.

use serde::Serialize;

use super::tokenize::STOP_WORDS;
use super::SearchIndex;

const BOM: &str = "\u{feff}";
pub const FORMAT_VERSION: u8 = 1;

/// `[slug, title, date, year, [theme], [dialogue]]`.
type WireDoc<'a> = (
    &'a str,
    &'a str,
    &'a str,
    Option<i32>,
    &'a [usize],
    &'a [usize],
);

#[derive(Serialize)]
struct Wire<'a> {
    v: u8,
    stop: &'a [&'a str],
    themes: &'a [(String, String)],
    dialogues: &'a [(String, String)],
    docs: Vec<WireDoc<'a>>,
    sections: Vec<(usize, &'a str, &'a str, u32)>,
    terms: std::collections::BTreeMap<&'a str, Vec<i64>>,
}

impl SearchIndex {
    /// `search-index.js`.
    pub fn script(&self) -> String {
        let wire = Wire {
            v: FORMAT_VERSION,
            stop: STOP_WORDS,
            themes: &self.themes,
            dialogues: &self.dialogues,
            docs: self
                .docs
                .iter()
                .map(|d| {
                    let (slug, title, date) = (&d.slug, &d.title, &d.date);
                    (
                        slug.as_str(),
                        title.as_str(),
                        date.as_str(),
                        d.year,
                        &d.themes[..],
                        &d.dialogues[..],
                    )
                })
                .collect(),
            sections: self
                .sections
                .iter()
                .map(|s| (s.doc, s.id.as_str(), s.title.as_str(), s.length))
                .collect(),
            terms: self
                .postings
                .iter()
                .map(|(term, postings)| (term.as_str(), encode_postings(postings)))
                .collect(),
        };
        let json = serde_json::to_string(&wire).unwrap_or_else(|_| "{}".to_string());
        format!("{BOM}window.BRIEFING_SEARCH={json};\n")
    }

    /// The passages script of document `doc`, to be written as `search/<slug>.js`.
    pub fn text_script(&self, doc: usize) -> Option<String> {
        let slug = &self.docs.get(doc)?.slug;
        let texts = self.texts.get(doc)?;
        let args = serde_json::to_string(&(slug, texts)).ok()?;
        let args = &args[1..args.len() - 1];
        Some(format!("{BOM}BRIEFING_SEARCH_TEXT({args});\n"))
    }
}

fn encode_postings(postings: &[(u32, u32)]) -> Vec<i64> {
    let mut out = Vec::with_capacity(postings.len() + postings.len() / 4);
    let mut previous: i64 = -1;
    for &(section, tf) in postings {
        out.push(section as i64 - previous);
        if tf > 1 {
            out.push(-(tf as i64));
        }
        previous = section as i64;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_are_gaps_with_negative_frequencies() {
        assert_eq!(encode_postings(&[(0, 1), (3, 2), (4, 1)]), [1, 3, -2, 1]);
        assert!(encode_postings(&[]).is_empty());
    }
}
