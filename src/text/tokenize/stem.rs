//! The search tokenizer's light English stemming, by bytes from a word's
//! end: on a `String` for the open run, on a word's buffer for a short word.

/// Light English stemming: plural `-s`/`-es`/`-ies`, `-ing`, `-ed` and a final
/// `-e`, so "policies"/"policy" and "shared"/"sharing"/"share" meet. Only
/// ASCII words longer than three letters are touched.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    stem_in_place(&mut w);
    w
}

pub(super) fn stem_in_place(w: &mut String) {
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
pub(super) fn stem_cut_lower(w: &[u8]) -> (usize, bool) {
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
