//! The hash a word is found by: search terms in a document's counter and
//! in the index's term ids, the words of pledges, which are numbered by
//! it, and the first words of taxonomy terms, found whatever their case.
//! rustc-hash's Fx hash (a multiply per eight bytes): the words come from
//! the site's own documents, so SipHash's resistance to chosen collisions
//! buys nothing, and its cost showed in profiles.
//!
//! What stays hand-written is how a word is fed to the hasher: its bytes
//! eight at a time as little-endian `u64`s (the last padded with zeros),
//! then its length. Not the `Hash` of a `str`: fed this way, a short word's
//! hash is made from the two `u64`s the search tokenizer already holds it
//! in ([`short_word_hash`]), with no bytes read again.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// The hash of `word`.
pub fn word_hash(word: &str) -> u64 {
    lanes_hash(word.as_bytes(), 0)
}

/// [`word_hash`] of a word of ASCII letters and digits in lower case,
/// whatever its case: each byte `| 0x20`, which lower-cases a letter and
/// leaves a digit as it is, eight at a time, with no lower-cased copy.
pub fn folded_word_hash(word: &[u8]) -> u64 {
    lanes_hash(word, u64::from_ne_bytes([0x20; 8]))
}

/// The hash of `bytes`, each lane ORed with `fold` (in the bytes the word
/// fills).
#[inline]
fn lanes_hash(bytes: &[u8], fold: u64) -> u64 {
    let mut hasher = FxHasher::default();
    let mut lanes = bytes.chunks_exact(8);
    for lane in &mut lanes {
        hasher.write_u64(u64::from_le_bytes(lane.try_into().expect("eight bytes")) | fold);
    }
    let rest = lanes.remainder();
    if !rest.is_empty() {
        let filled = u64::MAX >> (8 * (8 - rest.len()));
        hasher.write_u64(partial_lane(rest) | (fold & filled));
    }
    hasher.write_usize(bytes.len());
    hasher.finish()
}

/// Up to seven bytes as a little-endian `u64`, zeros after them, in two
/// loads, not a loop (nor a call to `memcpy`): the first and the last four
/// bytes (two for a shorter run), which overlap under eight, each shifted
/// into its place.
pub(super) fn partial_lane(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match len {
        4..=7 => {
            let first = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let last = [
                bytes[len - 4],
                bytes[len - 3],
                bytes[len - 2],
                bytes[len - 1],
            ];
            u64::from(first) | u64::from(u32::from_le_bytes(last)) << (8 * (len - 4))
        }
        2..=3 => {
            let first = u16::from_le_bytes([bytes[0], bytes[1]]);
            let last = u16::from_le_bytes([bytes[len - 2], bytes[len - 1]]);
            u64::from(first) | u64::from(last) << (8 * (len - 2))
        }
        1 => u64::from(bytes[0]),
        _ => 0,
    }
}

/// [`word_hash`] of a word of 1 to 16 bytes given as its bytes read as two
/// little-endian `u64`s, zeros after its end.
pub(super) fn short_word_hash(lo: u64, hi: u64, len: usize) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u64(lo);
    if len > 8 {
        hasher.write_u64(hi);
    }
    hasher.write_usize(len);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_hash_as_their_text_does() {
        let text = "abcdefghijklmnopq";
        for len in 1..=16 {
            let word = &text[..len];
            let mut bytes = [0u8; 16];
            bytes[..len].copy_from_slice(word.as_bytes());
            let lo = u64::from_le_bytes(bytes[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(bytes[8..].try_into().unwrap());
            assert_eq!(short_word_hash(lo, hi, len), word_hash(word), "{word}");
        }
    }

    #[test]
    fn partial_lanes_hold_their_bytes_in_order() {
        let text = b"abcdefg";
        for len in 0..=7 {
            let mut lane = [0; 8];
            lane[..len].copy_from_slice(&text[..len]);
            assert_eq!(
                partial_lane(&text[..len]),
                u64::from_le_bytes(lane),
                "{len}"
            );
        }
    }

    #[test]
    fn folded_words_hash_as_their_lower_case_does() {
        for word in [
            "a",
            "AI",
            "5G",
            "Hiroshima",
            "ProcessesAndPolicies2024",
            "ISO27001",
        ] {
            let lower = word.to_ascii_lowercase();
            assert_eq!(
                folded_word_hash(word.as_bytes()),
                word_hash(&lower),
                "{word}"
            );
        }
    }

    /// Short words do not share a hash: every word of one to three
    /// letters, and eight-byte words differing in one letter.
    #[test]
    fn short_words_get_hashes_of_their_own() {
        let letters = || 'a'..='z';
        let mut words: Vec<String> = letters().map(|l| format!("semicon{l}")).collect();
        for a in letters() {
            words.push(a.into());
            for b in letters() {
                words.push(format!("{a}{b}"));
                words.extend(letters().map(|c| format!("{a}{b}{c}")));
            }
        }
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| word_hash(w)).collect();
        assert_eq!(hashes.len(), words.len());
        assert!(words.len() > 18_000, "{}", words.len());
    }
}
