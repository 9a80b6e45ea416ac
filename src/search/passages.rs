//! Passages: the plain text of each entry of a document (its summary and
//! intro, then each section), which the search page shows under a result
//! with the query's words marked, and the buckets they are written in.
//!
//! They are most of the index's bytes (some 20 KB a document) and only the
//! results shown need them, so they are read apart from the terms and
//! written a bucket at a time: `search/<n>.js` holds the passages of every
//! document whose slug hashes to bucket `n` (FNV-1a of its UTF-8 bytes,
//! modulo the bucket count), which `search.js` computes too to load the
//! script of a result. About [`DOCS_PER_BUCKET`] documents a bucket makes a
//! quarter as many files as there are documents (creating files is much of
//! a cold build's time on ext4) while a result still loads only a few
//! documents' text. The count is a power of two, so a document only moves
//! to another bucket when the corpus doubles or halves. Buckets are read in
//! parallel and each is handed over as soon as its documents are read: no
//! more than a bucket a thread is ever held.

use std::collections::{BTreeSet, HashSet};

use rayon::prelude::*;

use crate::site::Document;

/// Documents a bucket holds at most on average; between half this and
/// this, as the bucket count is rounded up to a power of two.
pub const DOCS_PER_BUCKET: usize = 4;

/// Receives each bucket's passages as they are read: (bucket number, each
/// of its documents as (slug, the plain text of its entries in section
/// order), in site order). Called from several threads.
pub type Passages<'a, E> = dyn Fn(usize, &[(&str, Vec<String>)]) -> Result<(), E> + Sync + 'a;

/// 32-bit FNV-1a: a few lines here and in `search.js`, which must agree.
pub fn fnv1a(bytes: &[u8]) -> u32 {
    let step = |hash: u32, byte: &u8| (hash ^ u32::from(*byte)).wrapping_mul(0x0100_0193);
    bytes.iter().fold(0x811c_9dc5, step)
}

/// The number of buckets of a site of `documents`: the smallest power of
/// two that leaves at most [`DOCS_PER_BUCKET`] documents a bucket on
/// average (one for a tiny site).
pub fn bucket_count(documents: usize) -> usize {
    documents.div_ceil(DOCS_PER_BUCKET).next_power_of_two()
}

/// The bucket of the document `slug` among `buckets`.
pub fn bucket_of(slug: &str, buckets: usize) -> usize {
    fnv1a(slug.as_bytes()) as usize % buckets
}

/// The buckets holding at least one of `documents`: those with a script.
pub fn buckets_used(documents: &[Document]) -> BTreeSet<usize> {
    let count = bucket_count(documents.len());
    documents
        .iter()
        .map(|d| bucket_of(&d.slug, count))
        .collect()
}

/// The buckets to write again after the documents with the slugs in
/// `changed` were edited, added or removed and a site of `before`
/// documents has `after`: theirs, or every one (`None`) when that changed
/// the bucket count.
pub fn stale_buckets(
    before: usize,
    after: usize,
    changed: &BTreeSet<String>,
) -> Option<HashSet<usize>> {
    let count = bucket_count(after);
    (count == bucket_count(before)).then(|| changed.iter().map(|s| bucket_of(s, count)).collect())
}

/// Reads the passages of `documents` (a site's, in site order) bucket by
/// bucket in parallel, handing each bucket to `passages`: every bucket
/// that holds a document, or of those only the ones in `only`.
pub fn write<E: Send>(
    documents: &[Document],
    only: Option<&HashSet<usize>>,
    passages: &Passages<E>,
) -> Result<(), E> {
    let wanted = |n: &usize| only.is_none_or(|only| only.contains(n));
    let buckets = by_bucket(documents);
    (buckets.par_iter().enumerate())
        .filter(|(n, docs)| !docs.is_empty() && wanted(n))
        .try_for_each(|(n, docs)| {
            let read: Vec<(&str, Vec<String>)> = (docs.iter())
                .map(|&i| {
                    let doc = &documents[i];
                    (doc.slug.as_str(), texts(doc))
                })
                .collect();
            passages(n, &read)
        })
}

/// The positions in `documents` of those in each bucket, in order.
fn by_bucket(documents: &[Document]) -> Vec<Vec<usize>> {
    let count = bucket_count(documents.len());
    let mut buckets = vec![Vec::new(); count];
    for (i, doc) in documents.iter().enumerate() {
        buckets[bucket_of(&doc.slug, count)].push(i);
    }
    buckets
}

/// The plain text of each entry of `doc`, in section order: the whole
/// document's (its summary, then the text before the first heading), then
/// each section's.
pub fn texts(doc: &Document) -> Vec<String> {
    let bodies = &doc.texts;
    let lead = [doc.front.summary.as_str(), bodies.intro()];
    let lead: Vec<&str> = lead.into_iter().filter(|t| !t.is_empty()).collect();
    let sections = doc
        .sections
        .iter()
        .map(|s| bodies.section(&s.id).to_string());
    std::iter::once(lead.join(" ")).chain(sections).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FNV's published values, then slugs: the browser test
    /// (tests/site/browser.rs) checks `search.js` gives [`fnv1a`]'s on the
    /// same strings.
    const PINNED: [(&str, u32); 6] = [
        ("", 0x811c_9dc5),
        ("a", 0xe40c_292c),
        ("foobar", 0xbf9c_f968),
        ("tenth-dialogue", 0x9c5e_227d),
        ("hiroshima-ai-process-jp", 0xb8e1_cee9),
        ("日本-データ", 0x5368_b163),
    ];

    #[test]
    fn fnv1a_gives_the_published_and_pinned_values() {
        for (text, hash) in PINNED {
            assert_eq!(fnv1a(text.as_bytes()), hash, "{text:?}");
        }
    }

    #[test]
    fn buckets_are_a_power_of_two_of_about_four_documents() {
        let counts = [0, 1, 4, 5, 8, 9, 16, 17, 1000, 100_000];
        let buckets = counts.map(bucket_count);
        assert_eq!(buckets, [1, 1, 1, 2, 2, 4, 4, 8, 256, 32_768]);
    }

    #[test]
    fn only_the_buckets_of_changed_documents_are_stale_unless_the_count_changes() {
        let changed = BTreeSet::from(["tenth-dialogue".to_string()]);
        let stale = stale_buckets(1000, 1001, &changed).expect("256 buckets either way");
        assert_eq!(stale, HashSet::from([bucket_of("tenth-dialogue", 256)]));
        assert_eq!(
            stale_buckets(1024, 1025, &changed),
            None,
            "256 to 512 buckets"
        );
    }
}
