//! Text → search terms, the same way `static/search.js` turns a query into
//! terms: NFKC-folded, lower-cased, split into words on anything that is not
//! a letter or digit; English words lose common suffixes and stop words are
//! dropped; runs of Han, Hiragana, Katakana or Hangul (written without
//! spaces) become overlapping character bigrams, a lone character a unigram.
//! Any change here must be made in `tokenize()` of `static/search.js` too;
//! the browser tests compare the two on the same strings.
//!
//! Also the content words pledges are compared by ([`content_words`]), a
//! plainer split of the same text.

mod content_words;
mod short_word;
mod stem;
#[cfg(test)]
mod tests;

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::stop_words::{LONGEST_STOP_WORD, SEARCH_STOP_WORDS};
use super::word_hash;
use super::words::{ascii_prefix_len, for_each_ascii_word, is_cjk};
#[cfg(test)]
pub use content_words::content_words;
pub use content_words::for_each_content_word;
use short_word::{short_word, SHORT_WORD};
pub use stem::stem;
use stem::stem_in_place;

/// The search terms of `text`, in order, repeats kept (they are the term frequency).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for_each_term(text, |term| terms.push(term.to_string()));
    terms
}

/// Calls `visit` with each search term of `text`, in order, repeats kept.
pub fn for_each_term(text: &str, mut visit: impl FnMut(&str)) {
    for_each_hashed_term(text, |term, _| visit(term));
}

/// Calls `visit` with each search term of `text` and its [`word_hash`], in
/// order, repeats kept: [`tokenize`] without a `String` per word, for the
/// index build, which reads every word of every document and counts each
/// by its hash (a short word's is made from the bytes already in
/// registers, `short_word`).
///
/// ASCII is already in NFKC, and no character composes with the one before
/// it when that one is ASCII, so only the non-ASCII stretches go through the
/// normaliser (with the ASCII character before each, which a combining mark
/// may join: "e" + U+0301 is "é"), and only when the quick check cannot
/// tell that they are in NFKC already. A whole document through it was a
/// tenth of the index's build.
pub fn for_each_hashed_term(text: &str, mut visit: impl FnMut(&str, u64)) {
    let mut run = Run::default();
    let mut rest = text;
    while !rest.is_empty() {
        let other = ascii_prefix_len(rest.as_bytes());
        if other == rest.len() {
            run.ascii(rest, &mut visit);
            break;
        }
        let start = other.saturating_sub(1);
        run.ascii(&rest[..start], &mut visit);
        let end =
            (rest[other..].bytes().position(|b| b.is_ascii())).map_or(rest.len(), |n| other + n);
        let stretch = &rest[start..end];
        if is_nfkc_quick(stretch.chars()) == IsNormalized::Yes {
            stretch.chars().for_each(|c| run.fold(c, &mut visit));
        } else {
            stretch.nfkc().for_each(|c| run.fold(c, &mut visit));
        }
        rest = &rest[end..];
    }
    run.flush(&mut visit);
}

/// The word (or CJK run) being read, folded; reused from word to word.
#[derive(Default)]
struct Run {
    text: String,
    cjk: bool,
}

impl Run {
    /// ASCII text, where words are the runs of letters and digits. The first
    /// may continue the open run, the last stays open: the characters
    /// around the stretch may continue them. The words are found by
    /// [`for_each_ascii_word`], 64 bytes at a time: every word
    /// of every document passes here, and a branch per byte, mispredicted
    /// at each word's start and end, was most of a byte loop's time. A
    /// word with a separator on each side and no open run before it is
    /// whole, and a short one is read where it lies ([`short_word`]).
    fn ascii(&mut self, stretch: &str, visit: &mut impl FnMut(&str, u64)) {
        let bytes = stretch.as_bytes();
        let mut last_end = 0;
        for_each_ascii_word(bytes, |start, end| {
            last_end = end;
            // A word after the stretch's start follows a separator, which
            // ends the open run.
            if start > 0 && !self.text.is_empty() {
                self.flush(visit);
            }
            if self.text.is_empty() && end < bytes.len() && end - start <= SHORT_WORD {
                self.cjk = false;
                return short_word(&bytes[start..end], visit);
            }
            if self.cjk {
                self.flush(visit);
                self.cjk = false;
            }
            let at = self.text.len();
            self.text.push_str(&stretch[start..end]);
            self.text[at..].make_ascii_lowercase();
        });
        if last_end < bytes.len() {
            self.flush(visit);
        }
    }

    /// Lower-cases `c` (in NFKC) and reads it; [`Run::read`] with a short
    /// way for ASCII.
    fn fold(&mut self, c: char, visit: &mut impl FnMut(&str, u64)) {
        if !c.is_ascii() {
            c.to_lowercase().for_each(|c| self.read(c, visit));
        } else if c.is_ascii_alphanumeric() {
            if self.cjk {
                self.flush(visit);
                self.cjk = false;
            }
            self.text.push(c.to_ascii_lowercase());
        } else {
            self.flush(visit);
        }
    }

    /// Reads one folded character, CJK or not.
    fn read(&mut self, c: char, visit: &mut impl FnMut(&str, u64)) {
        let cjk = is_cjk(c);
        let word = cjk || c.is_alphanumeric();
        if !word || (!self.text.is_empty() && cjk != self.cjk) {
            self.flush(visit);
        }
        if word {
            self.text.push(c);
            self.cjk = cjk;
        }
    }

    fn flush(&mut self, visit: &mut impl FnMut(&str, u64)) {
        if self.text.is_empty() {
            return;
        }
        if self.cjk {
            cjk_grams(&self.text, visit);
        } else if is_word_term(&self.text) {
            stem_in_place(&mut self.text);
            visit(&self.text, word_hash(&self.text));
        }
        self.text.clear();
    }
}

/// Overlapping bigrams of a CJK run; a run of one character is its own term.
fn cjk_grams(run: &str, visit: &mut impl FnMut(&str, u64)) {
    let starts: Vec<usize> = run.char_indices().map(|(i, _)| i).collect();
    if starts.len() == 1 {
        return visit(run, word_hash(run));
    }
    for (i, &start) in starts[..starts.len() - 1].iter().enumerate() {
        let end = starts.get(i + 2).copied().unwrap_or(run.len());
        let gram = &run[start..end];
        visit(gram, word_hash(gram));
    }
}

/// Whether a word makes a term: not a stop word nor a single letter. A
/// character is at most four bytes and no stop word is longer than
/// [`LONGEST_STOP_WORD`], so most words are told by their length alone.
fn is_word_term(word: &str) -> bool {
    if word.len() <= 4 {
        let mut chars = word.chars();
        let first = chars.next();
        if chars.next().is_none() && !first.is_some_and(char::is_numeric) {
            return false;
        }
    }
    word.len() > LONGEST_STOP_WORD || !SEARCH_STOP_WORDS.contains(word)
}
