//! Words as runs of ASCII letters and digits, and runs of ASCII text,
//! found fast: the ingest's taxonomy scan, its Unicode clean-up and the
//! search tokenizer read every byte of every document through here. Also
//! what counts as a word in Chinese, Japanese and Korean, which are
//! written without spaces.

/// Han (with its extensions and compatibility forms), Hiragana, Katakana
/// (with the prolonged-sound mark) and Hangul.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F      // Hiragana
        | 0x30A0..=0x30FF    // Katakana
        | 0x31F0..=0x31FF    // Katakana phonetic extensions
        | 0x3400..=0x4DBF    // Han extension A
        | 0x4E00..=0x9FFF    // Han
        | 0xF900..=0xFAFF    // Han compatibility
        | 0x1100..=0x11FF    // Hangul jamo
        | 0x3130..=0x318F    // Hangul compatibility jamo
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0x20000..=0x2FA1F  // Han extensions B–F, compatibility supplement
    )
}

/// How many words `text` has as a reader counts them: runs between spaces,
/// except that in Chinese, Japanese and Korean every two characters count
/// as a word (about the length of a Japanese word). A Japanese sentence
/// then weighs what its English translation does, so the rules that tell a
/// heading, a title or chrome from prose by length apply to both.
pub fn word_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    if ascii_prefix_len(bytes) == bytes.len() {
        // Word starts: a non-space byte after a space or at the start.
        let mut words = 0;
        let mut space = true;
        for &b in bytes {
            let is_space = b.is_ascii_whitespace();
            words += usize::from(space && !is_space);
            space = is_space;
        }
        return words;
    }
    let (mut words, mut cjk, mut in_word) = (0, 0, false);
    for c in text.chars() {
        if c.is_whitespace() {
            words += word_weight(in_word, cjk);
            (cjk, in_word) = (0, false);
        } else {
            in_word = true;
            cjk += usize::from(is_cjk(c));
        }
    }
    words + word_weight(in_word, cjk)
}

/// What a run between spaces counts for: one word, or a word per two of
/// its CJK characters.
fn word_weight(in_word: bool, cjk: usize) -> usize {
    match (in_word, cjk) {
        (false, _) => 0,
        (true, 0) => 1,
        (true, n) => n.div_ceil(2),
    }
}

/// Whether `text` stops on a word no title, heading or paragraph ends
/// with ("… Dialogue between", "… the"): a line a capture wrapped in the
/// middle of a phrase, which the next line goes on with.
pub fn ends_mid_phrase(text: &str) -> bool {
    const RUNS_ON: &[&str] = &[
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "with", "between", "by", "from",
        "at", "into", "that", "its", "their",
    ];
    let last = text.trim_end().rsplit(char::is_whitespace).next();
    word_count(text) >= 3 && last.is_some_and(|w| RUNS_ON.contains(&w))
}

/// The length of the run of ASCII bytes `bytes` starts with. Whole blocks
/// are told by a fold the compiler runs a vector at a time; only the
/// block with the first other byte is searched byte by byte.
pub fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let mut at = 0;
    for chunk in bytes.chunks(BLOCK) {
        if chunk.iter().fold(0u8, |any, &b| any | b) >= 0x80 {
            return at
                + chunk
                    .iter()
                    .position(|b| !b.is_ascii())
                    .unwrap_or(chunk.len());
        }
        at += chunk.len();
    }
    at
}

/// Calls `word(start, end)` for each run of ASCII letters and digits in
/// `bytes`.
#[inline(always)]
pub fn for_each_ascii_word(bytes: &[u8], word: impl FnMut(usize, usize)) {
    for_each_run(bytes, word_mask, word);
}

/// Calls `piece(start, end)` for each run of bytes that are not ASCII
/// whitespace (`u8::is_ascii_whitespace` and the vertical tab, as
/// `char::is_whitespace` has it). A run never starts or ends inside a
/// character: ASCII bytes are never part of one.
#[inline(always)]
pub fn for_each_non_space(bytes: &[u8], piece: impl FnMut(usize, usize)) {
    for_each_run(
        bytes,
        |chunk| !space_mask(chunk) & below(chunk.len()),
        piece,
    );
}

/// Calls `run(start, end)` for each run of bytes whose bits `mask` sets.
/// The bytes are classified 64 at a time into a mask, and runs are read
/// from its bits: a branch per byte, mispredicted at every run's start and
/// end, was most of the time of a byte loop.
#[inline(always)]
fn for_each_run(bytes: &[u8], mask: impl Fn(&[u8]) -> u64, mut run: impl FnMut(usize, usize)) {
    let mut open: Option<usize> = None;
    for (block, chunk) in bytes.chunks(64).enumerate() {
        let base = block * 64;
        let inside = mask(chunk);
        let outside = !inside & below(chunk.len());
        let mut at = 0;
        loop {
            let Some(start) = open else {
                let next = inside & from(at);
                if next == 0 {
                    break;
                }
                at = next.trailing_zeros() as usize;
                open = Some(base + at);
                continue;
            };
            let next = outside & from(at);
            if next == 0 {
                break;
            }
            at = next.trailing_zeros() as usize;
            run(start, base + at);
            open = None;
        }
    }
    if let Some(start) = open {
        run(start, bytes.len());
    }
}

/// Bit `i` set when `chunk[i]` is an ASCII letter or digit. A whole
/// block is classified 16 bytes at a time with SSE2, which every x86-64
/// has: the compiler made the portable fold a few instructions a byte.
fn word_mask(chunk: &[u8]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = <&[u8; 64]>::try_from(chunk) {
        return sse2::word_mask(block);
    }
    word_mask_portable(chunk)
}

/// Bit `i` set when `chunk[i]` is ASCII whitespace or the vertical tab
/// (`\t` to `\r`, or a space).
fn space_mask(chunk: &[u8]) -> u64 {
    #[cfg(target_arch = "x86_64")]
    if let Ok(block) = <&[u8; 64]>::try_from(chunk) {
        return sse2::space_mask(block);
    }
    space_mask_portable(chunk)
}

fn space_mask_portable(chunk: &[u8]) -> u64 {
    chunk.iter().enumerate().fold(0, |mask, (i, &b)| {
        let is_space = b == b' ' || b.wrapping_sub(b'\t') <= b'\r' - b'\t';
        mask | (u64::from(is_space) << i)
    })
}

fn word_mask_portable(chunk: &[u8]) -> u64 {
    chunk.iter().enumerate().fold(0, |mask, (i, &b)| {
        let lower = b | 0x20;
        let is_word = lower.wrapping_sub(b'a') < 26 || b.wrapping_sub(b'0') < 10;
        mask | (u64::from(is_word) << i)
    })
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };

    // SAFETY (both): SSE2 is part of the x86-64 baseline, so every CPU
    // this code is compiled for has it.

    /// [`super::word_mask_portable`] of 64 bytes: the same tests, on 16
    /// lanes at once.
    pub fn word_mask(block: &[u8; 64]) -> u64 {
        unsafe { word_mask_sse2(block) }
    }

    /// [`super::space_mask_portable`] of 64 bytes.
    pub fn space_mask(block: &[u8; 64]) -> u64 {
        unsafe { space_mask_sse2(block) }
    }

    #[target_feature(enable = "sse2")]
    fn word_mask_sse2(block: &[u8; 64]) -> u64 {
        lanes_mask(block, |v| {
            let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
            let letter = at_most(_mm_sub_epi8(lower, _mm_set1_epi8(b'a' as i8)), 25);
            let digit = at_most(_mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8)), 9);
            _mm_or_si128(letter, digit)
        })
    }

    #[target_feature(enable = "sse2")]
    fn space_mask_sse2(block: &[u8; 64]) -> u64 {
        lanes_mask(block, |v| {
            let space = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
            let control = at_most(_mm_sub_epi8(v, _mm_set1_epi8(b'\t' as i8)), b'\r' - b'\t');
            _mm_or_si128(space, control)
        })
    }

    /// Bit `i` set when `test` sets every bit of lane `i % 16` of the 16
    /// bytes holding byte `i`.
    #[target_feature(enable = "sse2")]
    #[inline]
    fn lanes_mask(block: &[u8; 64], test: impl Fn(__m128i) -> __m128i) -> u64 {
        let mut mask = 0;
        for (i, lanes) in block.chunks_exact(16).enumerate() {
            // SAFETY: `lanes` is 16 readable bytes; the load is unaligned.
            let v = unsafe { _mm_loadu_si128(lanes.as_ptr().cast::<__m128i>()) };
            let bits = _mm_movemask_epi8(test(v)) as u16;
            mask |= u64::from(bits) << (16 * i);
        }
        mask
    }

    /// Lanes where `x <= n`, unsigned: `min(x, n) == x`.
    #[target_feature(enable = "sse2")]
    fn at_most(x: __m128i, n: u8) -> __m128i {
        _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(n as i8)), x)
    }
}

/// Bits `at` and up.
fn from(at: usize) -> u64 {
    u64::MAX.checked_shl(at as u32).unwrap_or(0)
}

/// Bits below `len`.
fn below(len: usize) -> u64 {
    u64::MAX.checked_shr(64 - len as u32).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_between_spaces_and_by_pairs_of_cjk_characters() {
        assert_eq!(word_count("Joint statement on data flows"), 5);
        assert_eq!(word_count("  "), 0);
        assert_eq!(word_count("Café crème"), 2);
        assert_eq!(word_count("日EUデジタルパートナーシップ"), 7);
        assert_eq!(word_count("第2回 日EU会合"), 3);
    }

    #[test]
    fn every_byte_is_classed_alike_in_whole_blocks_and_alone() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for start in 0..bytes.len() - 64 {
            let block = &bytes[start..start + 64];
            assert_eq!(word_mask(block), word_mask_portable(block), "from {start}");
            assert_eq!(
                space_mask(block),
                space_mask_portable(block),
                "from {start}"
            );
        }
        let spaces = (0..=255u8).filter(|&b| space_mask_portable(&[b]) == 1);
        let expected = (0..=255u8).filter(|&b| b.is_ascii() && char::from(b).is_whitespace());
        assert!(
            spaces.eq(expected),
            "the ASCII whitespace of char::is_whitespace"
        );
        let expected = (0..64).filter(|&i| bytes[i].is_ascii_alphanumeric());
        assert_eq!(
            word_mask(&bytes[..64]),
            expected.map(|i| 1u64 << i).sum::<u64>()
        );
    }

    #[test]
    fn ascii_prefixes_end_at_the_first_other_byte() {
        let long = "a".repeat(100);
        for text in [
            "",
            "abc",
            "é",
            "ab—c",
            &long,
            &format!("{long}—x"),
            &format!("{long}x"),
        ] {
            let naive = text
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(text.len());
            assert_eq!(ascii_prefix_len(text.as_bytes()), naive, "{text:?}");
        }
    }

    #[test]
    fn words_are_the_runs_of_ascii_letters_and_digits_across_blocks() {
        let naive = |text: &str| -> Vec<(usize, usize)> {
            let bytes = text.as_bytes();
            let mut words = Vec::new();
            let mut start = None;
            for (i, b) in bytes.iter().chain(std::iter::once(&b' ')).enumerate() {
                match (b.is_ascii_alphanumeric(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        words.push((s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            words
        };
        let long = "w".repeat(130);
        let texts = [
            String::new(),
            "a".into(),
            " a ".into(),
            format!("{long} é{long}. x"),
            format!("{}ab{}", " ".repeat(63), " ".repeat(64)),
            "Data free-flow (DFFT): 5G, R&D and café’s ISO/IEC 27001.".repeat(9),
        ];
        for text in &texts {
            let mut words = Vec::new();
            for_each_ascii_word(text.as_bytes(), |s, e| words.push((s, e)));
            assert_eq!(words, naive(text), "{text:?}");
        }
    }
}
