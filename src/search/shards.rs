//! The terms of the index as the browser loads them: split by term range
//! into scripts of a bounded size (`search-terms/<n>.js`, each calling
//! `BRIEFING_SEARCH_TERMS(n, [[term, postings], …])`), so the search page
//! loads only the few that hold a query's terms, and no script (nor any
//! buffer writing one) grows with the whole corpus. The manifest lists each
//! script's first term; a term is in the last script whose first term is
//! not after it, and terms sharing a prefix are in consecutive scripts.
//!
//! Postings are kept encoded as the scripts spell them (about three bytes
//! each rather than eight as numbers): each the gap from the previous entry
//! number (the first from -1), followed by `-tf` when the term occurs there
//! more than once.

use super::script::{Json, BOM};
use super::term_ids::{TermId, TermIds};
use super::terms::DocumentTerms;

/// The folder of term scripts, relative to the site root.
pub const TERMS_DIR: &str = "search-terms";

/// Every term's postings, encoded, by term id.
#[derive(Debug, Default)]
pub struct Encoded {
    lists: Vec<List>,
    /// Entries numbered so far: the number of the next document's first.
    entries: u32,
}

#[derive(Debug, Default)]
struct List {
    bytes: Vec<u8>,
    /// The gap of the next posting is counted from this (last entry + 1).
    next_gap_from: u32,
}

impl Encoded {
    /// The postings of `documents`, in order.
    pub fn of<'a>(documents: impl IntoIterator<Item = &'a DocumentTerms>) -> Encoded {
        let mut encoded = Encoded::default();
        documents.into_iter().for_each(|d| encoded.add(d));
        encoded
    }

    /// Appends the postings of the next document: its entries are numbered
    /// on from the previous document's.
    pub fn add(&mut self, doc: &DocumentTerms) {
        for (_, terms) in doc.entries() {
            let entry = self.entries;
            for &(term, tf) in terms {
                self.push(term, entry, tf);
            }
            self.entries += 1;
        }
    }

    fn push(&mut self, term: TermId, entry: u32, tf: u32) {
        let at = term as usize;
        if self.lists.len() <= at {
            self.lists.resize_with(at + 1, List::default);
        }
        let list = &mut self.lists[at];
        if !list.bytes.is_empty() {
            list.bytes.push(b',');
        }
        number(&mut list.bytes, entry + 1 - list.next_gap_from);
        if tf > 1 {
            list.bytes.extend_from_slice(b",-");
            number(&mut list.bytes, tf);
        }
        list.next_gap_from = entry + 1;
    }

    /// The encoded postings of `term` (empty when it has none).
    pub fn of_term(&self, term: TermId) -> &[u8] {
        self.lists
            .get(term as usize)
            .map_or(&[][..], |l| &l.bytes[..])
    }

    /// Bytes of every term's postings.
    pub fn len(&self) -> usize {
        self.lists.iter().map(|l| l.bytes.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Most gaps and frequencies are one digit: written without itoa.
fn number(out: &mut Vec<u8>, n: u32) {
    match n {
        0..=9 => out.push(b'0' + n as u8),
        _ => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
    }
}

/// Writes the term scripts in term order, each closed once it holds about
/// `shard_bytes` (a single term's postings may make one bigger), handing
/// each to `write` as (number, bytes). Returns each script's first term.
pub fn write<E>(
    term_ids: &TermIds,
    encoded: &Encoded,
    shard_bytes: usize,
    mut write: impl FnMut(usize, &[u8]) -> Result<(), E>,
) -> Result<Vec<String>, E> {
    let mut firsts: Vec<String> = Vec::new();
    let mut shard = Json(Vec::new());
    let mut terms = 0;
    for &term in term_ids.sorted() {
        let postings = encoded.of_term(term);
        if postings.is_empty() {
            continue;
        }
        let text = term_ids.term(term);
        if terms > 0 && shard.0.len() + text.len() + postings.len() > shard_bytes {
            close(&mut shard, firsts.len() - 1, &mut write)?;
            terms = 0;
        }
        if terms == 0 {
            open(&mut shard, firsts.len());
            firsts.push(text.to_string());
        } else {
            shard.raw(",");
        }
        shard.raw("[");
        shard.str(text);
        shard.raw(",[");
        shard.0.extend_from_slice(postings);
        shard.raw("]]");
        terms += 1;
    }
    if terms > 0 {
        close(&mut shard, firsts.len() - 1, &mut write)?;
    }
    Ok(firsts)
}

fn open(shard: &mut Json, number: usize) {
    shard.0.clear();
    shard.raw(BOM);
    shard.raw("BRIEFING_SEARCH_TERMS(");
    shard.int(number);
    shard.raw(",[");
}

fn close<E>(
    shard: &mut Json,
    number: usize,
    write: &mut impl FnMut(usize, &[u8]) -> Result<(), E>,
) -> Result<(), E> {
    shard.raw("]);\n");
    write(number, &shard.0)
}

/// The path of term script `number`, relative to the site root.
pub fn file_name(number: usize) -> String {
    format!("{TERMS_DIR}/{number}.js")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::word_hash;

    fn encoded(postings: &[(u32, u32)]) -> String {
        let mut list = Encoded::default();
        for &(entry, tf) in postings {
            list.push(0, entry, tf);
        }
        String::from_utf8(list.of_term(0).to_vec()).unwrap()
    }

    #[test]
    fn postings_are_gaps_with_negative_frequencies() {
        assert_eq!(encoded(&[(0, 1), (3, 2), (4, 1)]), "1,3,-2,1");
        assert_eq!(encoded(&[]), "");
    }

    #[test]
    fn shards_split_by_term_range_and_stay_bounded() {
        let mut term_ids = TermIds::default();
        let mut encoded = Encoded::default();
        for (i, word) in ["delta", "alpha", "charlie", "bravo", "echo"]
            .iter()
            .enumerate()
        {
            let id = term_ids.intern(word, word_hash(word));
            encoded.push(id, i as u32, 1);
        }
        term_ids.sort();
        let mut scripts = Vec::new();
        let firsts = write(&term_ids, &encoded, 60, |n, bytes| {
            scripts.push((n, String::from_utf8(bytes.to_vec()).unwrap()));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert!(firsts.len() > 1, "{scripts:?}");
        assert_eq!(firsts[0], "alpha");
        assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
        for (n, script) in &scripts {
            assert!(script.len() <= 60 + 40, "{script}");
            assert!(script.contains(&format!("BRIEFING_SEARCH_TERMS({n},[[")));
        }
        let all: String = scripts.iter().map(|(_, s)| s.as_str()).collect();
        assert!(all.contains("[\"echo\",[5]]"), "{all}");
    }
}
