//! What a word is, for every stage: the byte scans that find words, runs
//! of ASCII and spaces, and count words as a reader does ([`words`]); the
//! one tokenizer, which makes search terms and the content words pledges
//! are compared by ([`tokenize`]); the one list of stop words
//! ([`stop_words`]); and the one hash words are found by ([`word_hash`],
//! [`folded_word_hash`]).

mod hash;
pub mod stop_words;
pub mod tokenize;
pub mod words;

pub use hash::{folded_word_hash, word_hash};

/// The largest char boundary of `text` at or before byte `at` (what
/// `str::floor_char_boundary` does from Rust 1.91).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
