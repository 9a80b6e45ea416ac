//! The pairs of word sets whose Jaccard similarity reaches a threshold,
//! found without comparing every pair (a set-similarity join with prefix
//! filtering). Comparing all pairs is quadratic: 1,000 documents carry some
//! 20,000 recommendation sentences, 200 million comparisons.
//!
//! Prefix filtering is exact, not an approximation like MinHash: order every
//! word by how many sets hold it, rarest first. Two sets `x`, `y` with
//! `J(x, y) ≥ t` share at least `⌈t·|x|⌉` words, so their first
//! `|x| − ⌈t·|x|⌉ + 1` (rarest) words must meet. Only sets that meet in those
//! prefixes are compared, and the rare words keep the lists short.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A set of words as sorted, distinct word numbers (see [`Interner`]).
pub type WordSet = Vec<u32>;

/// Numbers words by their [`crate::text::word_hash`], so sets of them
/// compare as integers. The hash is worked out where the words are split
/// (in parallel), so that numbering the words, in order on one thread,
/// neither hashes nor compares text, and the words of every recommendation
/// are held as 8 bytes each rather than as strings (some 2 GB at 100,000
/// documents). Two words share a hash with a chance of about one in 2^64,
/// and then only make two sentences look a word more alike.
#[derive(Default)]
pub struct Interner(FxHashMap<u64, u32>);

impl Interner {
    pub fn set<I: IntoIterator<Item = u64>>(&mut self, words: I) -> WordSet {
        let mut set: WordSet = words
            .into_iter()
            .map(|w| {
                let next = self.0.len() as u32;
                *self.0.entry(w).or_insert(next)
            })
            .collect();
        set.sort_unstable();
        set.dedup();
        set
    }
}

/// Every pair `(a, b)`, `a < b`, such that the sets are identical and not
/// empty, or both have at least `min_len` words and a Jaccard similarity of
/// at least `threshold`. Identical sets may be reported as a chain rather
/// than every pair: the groups they form are the same.
pub fn find(sets: &[WordSet], threshold: f64, min_len: usize) -> Vec<(usize, usize)> {
    let (mut pairs, distinct) = identical(sets, min_len);
    let ranked = rank_rarest_first(&distinct, sets);
    let prefixes: Vec<&[u32]> = ranked
        .iter()
        .map(|set| &set[..prefix_len(set.len(), threshold)])
        .collect();
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (k, prefix) in prefixes.iter().enumerate() {
        for &word in *prefix {
            postings.entry(word).or_default().push(k);
        }
    }
    let similar: Vec<(usize, usize)> = (0..ranked.len())
        .into_par_iter()
        .flat_map_iter(|k| {
            let mut candidates: Vec<usize> = prefixes[k]
                .iter()
                .flat_map(|w| postings[w].iter().copied().take_while(|&j| j < k))
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let (ranked, distinct) = (&ranked, &distinct);
            candidates
                .into_iter()
                .filter(move |&j| jaccard_at_least(&ranked[j], &ranked[k], threshold))
                .map(move |j| (distinct[j], distinct[k]))
        })
        .collect();
    pairs.extend(similar);
    pairs
}

/// Pairs of identical non-empty sets (each joined to the first like it), and
/// the first index of every distinct set of at least `min_len` words.
fn identical(sets: &[WordSet], min_len: usize) -> (Vec<(usize, usize)>, Vec<usize>) {
    let mut first: FxHashMap<&[u32], usize> = FxHashMap::default();
    let mut pairs = Vec::new();
    let mut distinct = Vec::new();
    for (i, set) in sets.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
        match first.get(set.as_slice()) {
            Some(&earlier) => pairs.push((earlier, i)),
            None => {
                first.insert(set, i);
                if set.len() >= min_len {
                    distinct.push(i);
                }
            }
        }
    }
    (pairs, distinct)
}

/// The sets `distinct` picks out, each word renumbered by how many of those
/// sets hold it (rarest lowest) and sorted, so a set's prefix is its rarest words.
fn rank_rarest_first(distinct: &[usize], sets: &[WordSet]) -> Vec<WordSet> {
    let mut frequency: FxHashMap<u32, u32> = FxHashMap::default();
    for &i in distinct {
        for &w in &sets[i] {
            *frequency.entry(w).or_default() += 1;
        }
    }
    let mut words: Vec<(u32, u32)> = frequency.into_iter().map(|(w, n)| (n, w)).collect();
    words.sort_unstable();
    let rank: FxHashMap<u32, u32> = words
        .into_iter()
        .enumerate()
        .map(|(r, (_, w))| (w, r as u32))
        .collect();
    distinct
        .iter()
        .map(|&i| {
            let mut set: WordSet = sets[i].iter().map(|w| rank[w]).collect();
            set.sort_unstable();
            set
        })
        .collect()
}

/// `|x| − ⌈t·|x|⌉ + 1`; the small slack keeps a product like 0.6 × 5 from
/// rounding up past 3 (a longer prefix only costs a few more comparisons).
fn prefix_len(len: usize, threshold: f64) -> usize {
    let overlap = (threshold * len as f64 - 1e-9).ceil().max(1.0) as usize;
    (len + 1).saturating_sub(overlap).clamp(1, len.max(1))
}

/// Jaccard similarity of two sorted sets, computed as `shared / union`.
fn jaccard_at_least(a: &[u32], b: &[u32], threshold: f64) -> bool {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    shared as f64 / union as f64 >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sets(texts: &[&str]) -> Vec<WordSet> {
        let mut interner = Interner::default();
        texts
            .iter()
            .map(|t| interner.set(t.split_whitespace().map(crate::text::word_hash)))
            .collect()
    }

    /// The join finds exactly the pairs a comparison of all pairs finds.
    #[test]
    fn agrees_with_all_pairs() {
        let words = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let mut texts = Vec::new();
        let mut seed = 7u32;
        for _ in 0..300 {
            let mut t = Vec::new();
            for w in words {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if !(seed >> 16).is_multiple_of(3) {
                    t.push(w);
                }
            }
            texts.push(t.join(" "));
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let sets = sets(&refs);
        let mut expected = Vec::new();
        for b in 0..sets.len() {
            for a in 0..b {
                if sets[a].len() >= 3
                    && sets[b].len() >= 3
                    && sets[a] != sets[b]
                    && jaccard_at_least(&sets[a], &sets[b], 0.6)
                {
                    expected.push((a, b));
                }
            }
        }
        let mut found: Vec<(usize, usize)> = find(&sets, 0.6, 3)
            .into_iter()
            .filter(|&(a, b)| sets[a] != sets[b])
            .collect();
        found.sort_unstable();
        let mut distinct_expected: Vec<(usize, usize)> = expected
            .into_iter()
            .filter(|&(a, b)| {
                sets[..a].iter().all(|s| s != &sets[a]) && sets[..b].iter().all(|s| s != &sets[b])
            })
            .collect();
        distinct_expected.sort_unstable();
        assert_eq!(found, distinct_expected);
    }

    #[test]
    fn identical_sets_join_even_when_short() {
        let s = sets(&["ai", "ai", "5g", "", ""]);
        assert_eq!(find(&s, 0.6, 3), vec![(0, 1)]);
    }

    #[test]
    fn prefixes_are_long_enough() {
        assert_eq!(prefix_len(5, 0.6), 3);
        assert_eq!(prefix_len(1, 0.6), 1);
        assert_eq!(prefix_len(10, 0.6), 5);
    }
}
