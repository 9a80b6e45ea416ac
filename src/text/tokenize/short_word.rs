//! The search tokenizer's way with a whole short word of ASCII letters and
//! digits (most words): read where it lies, as two `u64`s, with no byte
//! copied into the open run first.

use super::stem::stem_cut_lower;
use crate::text::hash::short_word_hash;
use crate::text::stop_words::{LONGEST_STOP_WORD, SEARCH_STOP_WORDS};

/// The longest word [`short_word`] reads: two `u64`s.
pub const SHORT_WORD: usize = 16;

/// Reads a whole word of ASCII letters and digits of at most
/// [`SHORT_WORD`] bytes, as [`super::Run::flush`] would the same word in its
/// `String`, but in two `u64`s: lower-cased, told from a stop word and
/// hashed a word at a time, not a byte at a time (most words are short,
/// and every word of every document passes here).
#[inline]
pub fn short_word(word: &[u8], visit: &mut impl FnMut(&str, u64)) {
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
    // The word's `packed_word`: `lo` holds its bytes, zeros after them.
    let packed = lo | (len as u64) << 56;
    if single_letter || (len <= LONGEST_STOP_WORD && SEARCH_STOP_WORDS.contains_packed(packed)) {
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
    visit(ascii_str(&buf[..len]), short_word_hash(lo, hi, len));
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
