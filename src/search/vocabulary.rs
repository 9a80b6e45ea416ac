//! Search terms as small numbers: every distinct term gets a `u32` id the
//! first time it is seen, so documents and postings carry ids, and a term's
//! text is stored once. Ids are never reused or taken back: a live index
//! ([`super::SearchIndex::update_with`]) keeps its vocabulary across edits,
//! and a term no document holds any more simply has no postings.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Index of a term in [`Vocabulary`].
pub type TermId = u32;

/// The Fx hash (Firefox's, as rustc uses it): a multiply and a rotate per
/// eight bytes. Terms are short and come from the site's own documents, so
/// SipHash's resistance to chosen collisions buys nothing here and its cost
/// showed in profiles of the index build.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash map keyed by Fx hash.
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A hash set by Fx hash.
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// Term text ↔ id.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, TermId>,
    terms: Vec<Box<str>>,
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

    /// Every id, in the byte order of its term: the order the index lists terms in.
    pub fn sorted_ids(&self) -> Vec<TermId> {
        let mut ids: Vec<TermId> = (0..self.terms.len() as TermId).collect();
        ids.sort_unstable_by(|a, b| self.term(*a).cmp(self.term(*b)));
        ids
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
        assert_eq!(vocabulary.sorted_ids(), [apple, zebra]);
    }
}
