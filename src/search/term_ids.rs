//! Search terms as small numbers: every distinct term gets a `u32` id the
//! first time it is seen, so documents and postings carry ids, and a term's
//! text is stored once. Ids are never reused or taken back: a live index
//! ([`super::SearchIndex::update_with`]) keeps its ids across edits,
//! and a term no document holds any more simply has no postings.

/// Index of a term in [`TermIds`].
pub type TermId = u32;

use hashbrown::HashTable;

use crate::text::word_hash;

/// Term text ↔ id.
#[derive(Debug, Default)]
pub struct TermIds {
    /// Ids by [`word_hash`] of their term.
    ids: HashTable<TermId>,
    terms: Vec<Box<str>>,
    /// Ids in the byte order of their terms, up to the last [`TermIds::sort`].
    sorted: Vec<TermId>,
}

impl TermIds {
    /// The id of `term`, whose [`word_hash`] is `hash`, given it one when
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
            .insert_unique(hash, id, |&id| word_hash(&terms[id as usize]));
        id
    }

    pub fn id(&self, term: &str) -> Option<TermId> {
        let terms = &self.terms;
        (self.ids)
            .find(word_hash(term), |&id| *terms[id as usize] == *term)
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
    fn a_term_keeps_its_id_and_ids_sort_by_text() {
        let mut term_ids = TermIds::default();
        let mut intern = |term: &str| term_ids.intern(term, word_hash(term));
        let zebra = intern("zebra");
        let apple = intern("apple");
        assert_eq!(intern("zebra"), zebra);
        assert_eq!(term_ids.id("apple"), Some(apple));
        assert_eq!(term_ids.id("pear"), None);
        term_ids.sort();
        assert_eq!(term_ids.sorted(), [apple, zebra]);
        let mango = term_ids.intern("mango", word_hash("mango"));
        let banana = term_ids.intern("banana", word_hash("banana"));
        term_ids.sort();
        assert_eq!(term_ids.sorted(), [apple, banana, mango, zebra]);
    }
}
