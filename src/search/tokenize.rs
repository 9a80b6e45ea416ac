//! Text → search terms, the same way `static/search.js` turns a query into
//! terms: NFKC-folded, lower-cased, split into words on anything that is not
//! a letter or digit; English words lose common suffixes and stop words are
//! dropped; runs of Han, Hiragana, Katakana or Hangul (written without
//! spaces) become overlapping character bigrams, a lone character a unigram.
//! Any change here must be made in `tokenize()` of `static/search.js` too;
//! the browser tests compare the two on the same strings.

use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The search terms of `text`, in order, repeats kept (they are the term frequency).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    for_each_term(text, |term| terms.push(term.to_string()));
    terms
}

/// Calls `visit` with each search term of `text`, in order, repeats kept:
/// [`tokenize`] without a `String` per word, for the index build, which
/// reads every word of every document.
///
/// ASCII is already in NFKC, and no character composes with the one before
/// it when that one is ASCII, so only the non-ASCII stretches go through the
/// normaliser (with the ASCII character before each, which a combining mark
/// may join: "e" + U+0301 is "é"), and only when the quick check cannot
/// tell that they are in NFKC already. A whole document through it was a
/// tenth of the index's build.
pub fn for_each_term(text: &str, mut visit: impl FnMut(&str)) {
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
    /// at each word's start and end, was most of a byte loop's time.
    fn ascii(&mut self, stretch: &str, visit: &mut impl FnMut(&str)) {
        let mut last_end = 0;
        crate::words::for_each_ascii_word(stretch.as_bytes(), |start, end| {
            // A word after the stretch's start follows a separator, which
            // ends the open run.
            if start > 0 {
                self.flush(visit);
            }
            if self.cjk {
                self.flush(visit);
                self.cjk = false;
            }
            let at = self.text.len();
            self.text.push_str(&stretch[start..end]);
            self.text[at..].make_ascii_lowercase();
            last_end = end;
        });
        if last_end < stretch.len() {
            self.flush(visit);
        }
    }

    /// Lower-cases `c` (in NFKC) and reads it; [`Run::read`] with a short
    /// way for ASCII.
    fn fold(&mut self, c: char, visit: &mut impl FnMut(&str)) {
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
    fn read(&mut self, c: char, visit: &mut impl FnMut(&str)) {
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

    fn flush(&mut self, visit: &mut impl FnMut(&str)) {
        if self.text.is_empty() {
            return;
        }
        if self.cjk {
            cjk_grams(&self.text, visit);
        } else if is_word_term(&self.text) {
            stem_in_place(&mut self.text);
            visit(&self.text);
        }
        self.text.clear();
    }
}

/// Overlapping bigrams of a CJK run; a run of one character is its own term.
fn cjk_grams(run: &str, visit: &mut impl FnMut(&str)) {
    let starts: Vec<usize> = run.char_indices().map(|(i, _)| i).collect();
    if starts.len() == 1 {
        return visit(run);
    }
    for (i, &start) in starts[..starts.len() - 1].iter().enumerate() {
        let end = starts.get(i + 2).copied().unwrap_or(run.len());
        visit(&run[start..end]);
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

/// [`STOP_WORDS`] and [`is_stop_word`] from one list.
macro_rules! stop_words {
    ($($word:literal)*) => {
        /// Words too common to tell sections apart. Shipped inside the index
        /// so the browser drops the same ones. Sorted.
        pub const STOP_WORDS: &[&str] = &[$($word),*];

        /// The length in bytes of the longest of [`STOP_WORDS`].
        const LONGEST_STOP_WORD: usize = {
            let mut longest = 0;
            let mut i = 0;
            while i < STOP_WORDS.len() {
                if STOP_WORDS[i].len() > longest {
                    longest = STOP_WORDS[i].len();
                }
                i += 1;
            }
            longest
        };

        /// Whether `word` is one of [`STOP_WORDS`]: a `match`, which the
        /// compiler makes a switch on the length and a few comparisons of
        /// integers. Every word of every document is looked up; hashing
        /// each into a set cost a fifth more of the terms' extraction.
        fn is_stop_word(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
}

stop_words!(
    "a" "about" "after" "all" "also" "an" "and" "any" "are" "as" "at" "be" "been"
    "being" "between" "both" "but" "by" "can" "could" "do" "does" "each" "for" "from"
    "had" "has" "have" "he" "her" "his" "how" "i" "if" "in" "into" "is" "it" "its"
    "may" "more" "most" "no" "not" "of" "on" "or" "other" "our" "over" "she" "should"
    "so" "such" "than" "that" "the" "their" "them" "then" "there" "these" "they" "this"
    "those" "through" "to" "under" "up" "upon" "was" "we" "were" "what" "when" "where"
    "which" "while" "who" "will" "with" "would" "you" "your"
);

/// Light English stemming: plural `-s`/`-es`/`-ies`, `-ing`, `-ed` and a final
/// `-e`, so "policies"/"policy" and "shared"/"sharing"/"share" meet. Only
/// ASCII words longer than three letters are touched.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    stem_in_place(&mut w);
    w
}

fn stem_in_place(w: &mut String) {
    if w.len() <= 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.truncate(w.len() - 1);
    }
    if w.ends_with("ing") && w.len() >= 7 {
        w.truncate(w.len() - 3);
    } else if w.ends_with("ed") && w.len() >= 6 {
        w.truncate(w.len() - 2);
    }
    if w.ends_with('e') && w.len() > 4 {
        w.truncate(w.len() - 1);
    }
}

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
        let mut visit = |t: &str| terms.push(t.to_string());
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
        ] {
            assert_eq!(terms(text), char_by_char(text), "{text:?}");
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
