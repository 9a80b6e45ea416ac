//! Text → search terms, the same way `static/search.js` turns a query into
//! terms: NFKC-folded, lower-cased, split into words on anything that is not
//! a letter or digit; English words lose common suffixes and stop words are
//! dropped; runs of Han, Hiragana, Katakana or Hangul (written without
//! spaces) become overlapping character bigrams, a lone character a unigram.
//! Any change here must be made in `tokenize()` of `static/search.js` too;
//! the browser tests compare the two on the same strings.

use crate::words::is_cjk;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::term_ids::{short_term_hash, term_hash};

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

/// Calls `visit` with each search term of `text` and its [`term_hash`], in
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
        let other = crate::words::ascii_prefix_len(rest.as_bytes());
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
    /// [`crate::words::for_each_ascii_word`], 64 bytes at a time: every word
    /// of every document passes here, and a branch per byte, mispredicted
    /// at each word's start and end, was most of a byte loop's time. A
    /// word with a separator on each side and no open run before it is
    /// whole, and a short one is read where it lies ([`short_word`]).
    fn ascii(&mut self, stretch: &str, visit: &mut impl FnMut(&str, u64)) {
        let bytes = stretch.as_bytes();
        let mut last_end = 0;
        crate::words::for_each_ascii_word(bytes, |start, end| {
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
            visit(&self.text, term_hash(&self.text));
        }
        self.text.clear();
    }
}

/// The longest word [`short_word`] reads: two `u64`s.
const SHORT_WORD: usize = 16;

/// Reads a whole word of ASCII letters and digits of at most
/// [`SHORT_WORD`] bytes, as [`Run::flush`] would the same word in its
/// `String`, but in two `u64`s: lower-cased, told from a stop word and
/// hashed a word at a time, not a byte at a time (most words are short,
/// and every word of every document passes here).
fn short_word(word: &[u8], visit: &mut impl FnMut(&str, u64)) {
    let len = word.len();
    let mut buf = [0u8; SHORT_WORD];
    buf[..len].copy_from_slice(word);
    let [lo, hi] = lanes(&buf);
    // Setting bit 5 lower-cases an ASCII letter and leaves a digit as it
    // is; bit 6 is set in letters and clear in digits.
    let (lo, hi) = (lo | lo_bytes(len, 0x20), hi | hi_bytes(len, 0x20));
    let letters = lo & lo_bytes(len, 0x40) == lo_bytes(len, 0x40)
        && hi & hi_bytes(len, 0x40) == hi_bytes(len, 0x40);
    let single_letter = len == 1 && letters;
    if single_letter || (len <= LONGEST_STOP_WORD && is_stop_key(lo | (len as u64) << 56)) {
        return;
    }
    buf[..8].copy_from_slice(&lo.to_le_bytes());
    buf[8..].copy_from_slice(&hi.to_le_bytes());
    let (keep, y) = match letters && len > 3 {
        true => stem_cut_lower(&buf[..len]),
        false => (len, false),
    };
    buf[keep..].fill(0);
    if y {
        buf[keep] = b'y';
    }
    let len = keep + usize::from(y);
    let [lo, hi] = lanes(&buf);
    visit(ascii_str(&buf[..len]), short_term_hash(lo, hi, len));
}

/// The two little-endian `u64`s of a word's buffer.
fn lanes(buf: &[u8; SHORT_WORD]) -> [u64; 2] {
    let mut lo = [0; 8];
    let mut hi = [0; 8];
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..]);
    [u64::from_le_bytes(lo), u64::from_le_bytes(hi)]
}

/// `byte` in each of the first `len` bytes of a word's low `u64`.
fn lo_bytes(len: usize, byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8]) & first_bytes(len)
}

/// `byte` in each of bytes 8 to `len` of a word's high `u64`.
fn hi_bytes(len: usize, byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8]) & first_bytes(len.saturating_sub(8))
}

/// The low `n` bytes of a little-endian `u64` set (all for `n` ≥ 8).
fn first_bytes(n: usize) -> u64 {
    match n {
        0..=7 => (1 << (8 * n)) - 1,
        _ => u64::MAX,
    }
}

/// `bytes`, which are ASCII, as a `str`: checking them as UTF-8 again
/// would be a fifth of reading a short word.
fn ascii_str(bytes: &[u8]) -> &str {
    debug_assert!(bytes.is_ascii());
    // SAFETY: ASCII is valid UTF-8, and the callers' bytes are letters and
    // digits of ASCII and the `y` of a stem.
    unsafe { std::str::from_utf8_unchecked(bytes) }
}

/// Overlapping bigrams of a CJK run; a run of one character is its own term.
fn cjk_grams(run: &str, visit: &mut impl FnMut(&str, u64)) {
    let starts: Vec<usize> = run.char_indices().map(|(i, _)| i).collect();
    if starts.len() == 1 {
        return visit(run, term_hash(run));
    }
    for (i, &start) in starts[..starts.len() - 1].iter().enumerate() {
        let end = starts.get(i + 2).copied().unwrap_or(run.len());
        let gram = &run[start..end];
        visit(gram, term_hash(gram));
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
    word.len() > LONGEST_STOP_WORD || !is_stop_word(word)
}

/// Words too common to tell sections apart. Shipped inside the index so
/// the browser drops the same ones. Sorted.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "between", "both", "but", "by", "can", "could", "do", "does", "each", "for", "from",
    "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "may", "more", "most", "no", "not", "of", "on", "or", "other", "our", "over", "she", "should",
    "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "under", "up", "upon", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "will", "with", "would", "you", "your",
];

/// The length in bytes of the longest of [`STOP_WORDS`]; a [`word_key`]
/// holds seven bytes and the length.
const LONGEST_STOP_WORD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < STOP_WORDS.len() {
        if STOP_WORDS[i].len() > longest {
            longest = STOP_WORDS[i].len();
        }
        i += 1;
    }
    assert!(longest <= 7, "a stop word's key holds seven bytes");
    longest
};

/// A word of at most seven bytes as a number: its bytes in order, then
/// its length in the top byte, so that no two such words share one.
/// [`short_word`] makes the same key from its low `u64` (zeros after the
/// word) without this loop.
const fn word_key(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() && i < 7 {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// Slots of [`STOP_TABLE`]: a power of two, under half of them filled.
const STOP_SLOTS: usize = 256;

/// Where the search for `key` in [`STOP_TABLE`] starts (Fibonacci hashing).
const fn stop_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize % STOP_SLOTS
}

/// The [`word_key`]s of [`STOP_WORDS`] by open addressing: a key sits at
/// its [`stop_slot`] or in the first free slot after it. Built by the
/// compiler; no key is 0, the free slots' value.
const STOP_TABLE: [u64; STOP_SLOTS] = {
    assert!(STOP_WORDS.len() < STOP_SLOTS / 2);
    let mut table = [0; STOP_SLOTS];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        let key = word_key(STOP_WORDS[i].as_bytes());
        let mut slot = stop_slot(key);
        while table[slot] != 0 {
            slot = (slot + 1) % STOP_SLOTS;
        }
        table[slot] = key;
        i += 1;
    }
    table
};

/// Whether `key` is a [`word_key`] of one of [`STOP_WORDS`].
fn is_stop_key(key: u64) -> bool {
    let mut slot = stop_slot(key);
    loop {
        match STOP_TABLE[slot] {
            0 => return false,
            k if k == key => return true,
            _ => slot = (slot + 1) % STOP_SLOTS,
        }
    }
}

/// Whether `word` is one of [`STOP_WORDS`]. Every word of every document
/// up to [`LONGEST_STOP_WORD`] bytes is looked up: a `match` on the
/// strings compared them one after another, a tenth of reading a word.
fn is_stop_word(word: &str) -> bool {
    word.len() <= LONGEST_STOP_WORD && is_stop_key(word_key(word.as_bytes()))
}

/// Light English stemming: plural `-s`/`-es`/`-ies`, `-ing`, `-ed` and a final
/// `-e`, so "policies"/"policy" and "shared"/"sharing"/"share" meet. Only
/// ASCII words longer than three letters are touched.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    stem_in_place(&mut w);
    w
}

fn stem_in_place(w: &mut String) {
    let (keep, y) = stem_cut(w.as_bytes());
    w.truncate(keep);
    if y {
        w.push('y');
    }
}

/// The stem of `w` as the length of the word's start it keeps and whether
/// a `y` follows (`policies` → `polic` + `y`); words that are not all
/// lower-case ASCII letters, or are three letters or fewer, stay whole.
fn stem_cut(w: &[u8]) -> (usize, bool) {
    match w.len() > 3 && w.iter().all(u8::is_ascii_lowercase) {
        true => stem_cut_lower(w),
        false => (w.len(), false),
    }
}

/// [`stem_cut`] of a word of four or more lower-case ASCII letters, read
/// from its end.
fn stem_cut_lower(w: &[u8]) -> (usize, bool) {
    let mut n = w.len();
    if w[n - 1] == b's' {
        match w[n - 2] {
            // A stem ending in `y` has none of the endings below.
            b'e' if w[n - 3] == b'i' && n > 4 => return (n - 3, true),
            b'e' if w[n - 4..n - 2] == *b"ss" => n -= 2,
            b's' | b'u' | b'i' => {}
            _ => n -= 1,
        }
    }
    if n >= 7 && w[n - 3..n] == *b"ing" {
        n -= 3;
    } else if n >= 6 && w[n - 2..n] == *b"ed" {
        n -= 2;
    }
    if n > 4 && w[n - 1] == b'e' {
        n -= 1;
    }
    (n, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(!is_stop_word("tho") && !is_stop_word("theirs") && !is_stop_word("a\0"));
    }

    fn terms(text: &str) -> Vec<String> {
        tokenize(text)
    }

    #[test]
    fn english_words_are_folded_stemmed_and_stop_words_dropped() {
        assert_eq!(
            terms("The Policies on Sharing of shared DATA"),
            ["policy", "shar", "shar", "data"]
        );
        assert_eq!(terms("meetings, meeting; meet."), ["meet", "meet", "meet"]);
        assert_eq!(terms("processes process"), ["process", "process"]);
        assert_eq!(terms("5G and 6G"), ["5g", "6g"]);
    }

    #[test]
    fn stems_lose_one_plural_one_verb_ending_and_a_final_e() {
        let cases = [
            ("policies", "policy"),
            ("ties", "tie"),
            ("caresses", "caress"),
            ("processes", "process"),
            ("analysis", "analysis"),
            ("status", "status"),
            ("agreements", "agreement"),
            ("sharing", "shar"),
            ("shared", "shar"),
            ("share", "shar"),
            ("bring", "bring"),
            ("used", "used"),
            ("housing", "hous"),
            ("goes", "goe"),
            ("5g", "5g"),
            ("Policies", "Policies"),
            ("the", "the"),
        ];
        for (word, want) in cases {
            assert_eq!(stem(word), want, "{word}");
        }
    }

    #[test]
    fn single_letters_go_but_digits_stay() {
        assert_eq!(terms("U.S. Article 5"), ["articl", "5"]);
    }

    #[test]
    fn full_width_latin_folds_to_ascii() {
        assert_eq!(terms("ＡＩ　Ｐｒｏｃｅｓｓ"), terms("AI Process"));
    }

    /// Every character through [`Run::fold`]: the plain way, which the
    /// ASCII stretches of [`for_each_term`] must agree with.
    fn char_by_char(text: &str) -> Vec<String> {
        let mut terms = Vec::new();
        let mut visit = |t: &str, _| terms.push(t.to_string());
        let mut run = Run::default();
        text.nfkc().for_each(|c| run.fold(c, &mut visit));
        run.flush(&mut visit);
        terms
    }

    #[test]
    fn ascii_stretches_read_as_characters_do() {
        // Words across the 64-byte blocks the ASCII stretches are read in.
        let long = "Interoperability of cross-border data flows, 5G; privacy-enhancing \
            technologies (PETs) and trusted-AI governance: regulatory sandboxes…— x"
            .repeat(3);
        // Whole words around the longest read in place, with stop words,
        // stems and capitals.
        let words = "x THE The the a I 5 Ab abcdefghijklmnop abcdefghijklmnopq \
            ABCDEFGHIJKLMNOP Abcdefghijklmnopq interoperabilities POLICIES policies \
            Processes SHARING shared theirs Between betweens AbOuT 5G 2024 a1 \
            caresses dies ties goes Yes us bus is this analysis thus sharing. x";
        for text in [
            "Café—Ünïcode’s naïve RÉSUMÉS, x’y",
            "広島AIプロセス and 経済産業省’s 5G—6G",
            "—A—b— Ωmega ΣIGMA’S policies’ 日本x",
            "trailing é",
            "é leading",
            "cafe\u{301} e\u{301}x ＡＩ\u{301}b Ａ. x\u{0327}\u{0301}",
            "",
            "!!!",
            "日本abc def日本 日本, abc—def. —x! Y—",
            &long,
            words,
        ] {
            assert_eq!(terms(text), char_by_char(text), "{text:?}");
            for_each_hashed_term(text, |term, hash| {
                assert_eq!(hash, term_hash(term), "{term}")
            });
        }
    }

    #[test]
    fn cjk_runs_become_bigrams_and_switch_with_latin() {
        assert_eq!(terms("経済産業省"), ["経済", "済産", "産業", "業省"]);
        assert_eq!(
            terms("広島AIプロセス"),
            ["広島", "ai", "プロ", "ロセ", "セス"]
        );
        assert_eq!(terms("日"), ["日"]);
        assert_eq!(terms("한국 정부"), ["한국", "정부"]);
    }

    #[test]
    fn a_query_inside_a_cjk_run_shares_its_bigrams() {
        let text = terms("本日、経済産業省は発表した");
        for term in terms("経済産業省") {
            assert!(text.contains(&term), "{term} missing from {text:?}");
        }
    }
}
