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
