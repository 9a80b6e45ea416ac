//! Search terms as small numbers: every distinct term gets a `u32` id the
//! first time it is seen, so documents and postings carry ids, and a term's
//! text is stored once. Ids are never reused or taken back: a live index
//! ([`super::SearchIndex::update_with`]) keeps its vocabulary across edits,
//! and a term no document holds any more simply has no postings.

/// Index of a term in [`Vocabulary`].
pub type TermId = u32;

use crate::util::FxHashMap;

/// Term text ↔ id.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, TermId>,
    terms: Vec<Box<str>>,
    /// Ids in the byte order of their terms, up to the last [`Vocabulary::sort`].
    sorted: Vec<TermId>,
}

impl Vocabulary {
    /// The id of `term`, given it one when it is new.
    pub fn intern(&mut self, term: Box<str>) -> TermId {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(term.clone());
        self.ids.insert(term, id);
        id
    }

    pub fn id(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    pub fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Brings [`Vocabulary::sorted`] up to date: the terms added since the
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

    /// Every id sorted at the last [`Vocabulary::sort`], in the byte order of
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
        let mut vocabulary = Vocabulary::default();
        let zebra = vocabulary.intern("zebra".into());
        let apple = vocabulary.intern("apple".into());
        assert_eq!(vocabulary.intern("zebra".into()), zebra);
        assert_eq!(vocabulary.id("apple"), Some(apple));
        assert_eq!(vocabulary.id("pear"), None);
        vocabulary.sort();
        assert_eq!(vocabulary.sorted(), [apple, zebra]);
        let mango = vocabulary.intern("mango".into());
        let banana = vocabulary.intern("banana".into());
        vocabulary.sort();
        assert_eq!(vocabulary.sorted(), [apple, banana, mango, zebra]);
    }
}
