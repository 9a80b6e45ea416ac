//! Search terms as small numbers: every distinct term gets a `u32` id the
//! first time it is seen, so documents and postings carry ids, and a term's
//! text is stored once. Ids are never reused or taken back: a live index
//! ([`super::SearchIndex::update_with`]) keeps its ids across edits,
//! and a term no document holds any more simply has no postings.

/// Index of a term in [`TermIds`].
pub type TermId = u32;

use std::hash::Hasher;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

/// The hash terms are found by, in a document's counter and here alike,
/// so that a term is hashed once per document, not again to be interned:
/// rustc-hash's Fx hash of the term's bytes eight at a time as
/// little-endian `u64`s (the last padded with zeros), then of its length.
/// Not the `Hash` of a `str`: fed this way, a short word's hash is made
/// from the two `u64`s the tokenizer already holds it in
/// ([`short_term_hash`]), with no bytes read again.
pub fn term_hash(term: &str) -> u64 {
    let mut hasher = FxHasher::default();
    for chunk in term.as_bytes().chunks(8) {
        let mut word = [0; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hasher.write_u64(u64::from_le_bytes(word));
    }
    hasher.write_usize(term.len());
    hasher.finish()
}

/// [`term_hash`] of a term of 1 to 16 bytes given as its bytes read as two
/// little-endian `u64`s, zeros after its end.
pub fn short_term_hash(lo: u64, hi: u64, len: usize) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u64(lo);
    if len > 8 {
        hasher.write_u64(hi);
    }
    hasher.write_usize(len);
    hasher.finish()
}

/// Term text ↔ id.
#[derive(Debug, Default)]
pub struct TermIds {
    /// Ids by [`term_hash`] of their term.
    ids: HashTable<TermId>,
    terms: Vec<Box<str>>,
    /// Ids in the byte order of their terms, up to the last [`TermIds::sort`].
    sorted: Vec<TermId>,
}

impl TermIds {
    /// The id of `term`, whose [`term_hash`] is `hash`, given it one when
    /// it is new.
    pub fn intern(&mut self, term: &str, hash: u64) -> TermId {
        let terms = &self.terms;
        if let Some(&id) = self.ids.find(hash, |&id| *terms[id as usize] == *term) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(term.into());
        let terms = &self.terms;
        self.ids
            .insert_unique(hash, id, |&id| term_hash(&terms[id as usize]));
        id
    }

    pub fn id(&self, term: &str) -> Option<TermId> {
        let terms = &self.terms;
        (self.ids)
            .find(term_hash(term), |&id| *terms[id as usize] == *term)
            .copied()
    }

    pub fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Brings [`TermIds::sorted`] up to date: the terms added since the
    /// last call are sorted and merged in, so an update under `serve`
    /// sorts its few new terms, not the whole vocabulary.
    pub fn sort(&mut self) {
        let mut new: Vec<TermId> =
            (self.sorted.len() as TermId..self.terms.len() as TermId).collect();
        if new.is_empty() {
            return;
        }
        let by_text =
            |a: &TermId, b: &TermId| self.terms[*a as usize].cmp(&self.terms[*b as usize]);
        new.sort_unstable_by(by_text);
        let old = std::mem::take(&mut self.sorted);
        let mut merged = Vec::with_capacity(old.len() + new.len());
        let (mut old, mut new) = (old.into_iter().peekable(), new.into_iter().peekable());
        while let (Some(a), Some(b)) = (old.peek(), new.peek()) {
            let next = match by_text(a, b).is_le() {
                true => old.next(),
                false => new.next(),
            };
            merged.extend(next);
        }
        merged.extend(old.chain(new));
        self.sorted = merged;
    }

    /// Every id sorted at the last [`TermIds::sort`], in the byte order of
    /// its term: the order the index lists terms in.
    pub fn sorted(&self) -> &[TermId] {
        &self.sorted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_terms_hash_as_their_text_does() {
        let text = "abcdefghijklmnopq";
        for len in 1..=16 {
            let term = &text[..len];
            let mut bytes = [0u8; 16];
            bytes[..len].copy_from_slice(term.as_bytes());
            let lo = u64::from_le_bytes(bytes[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(bytes[8..].try_into().unwrap());
            assert_eq!(short_term_hash(lo, hi, len), term_hash(term), "{term}");
        }
    }

    #[test]
    fn a_term_keeps_its_id_and_ids_sort_by_text() {
        let mut term_ids = TermIds::default();
        let mut intern = |term: &str| term_ids.intern(term, term_hash(term));
        let zebra = intern("zebra");
        let apple = intern("apple");
        assert_eq!(intern("zebra"), zebra);
        assert_eq!(term_ids.id("apple"), Some(apple));
        assert_eq!(term_ids.id("pear"), None);
        term_ids.sort();
        assert_eq!(term_ids.sorted(), [apple, zebra]);
        let mango = term_ids.intern("mango", term_hash("mango"));
        let banana = term_ids.intern("banana", term_hash("banana"));
        term_ids.sort();
        assert_eq!(term_ids.sorted(), [apple, banana, mango, zebra]);
    }
}
