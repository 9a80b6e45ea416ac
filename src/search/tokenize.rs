//! Text → search terms, the same way `static/search.js` turns a query into
//! terms: NFKC-folded, lower-cased, split into words on anything that is not
//! a letter or digit; English words lose common suffixes and stop words are
//! dropped; runs of Han, Hiragana, Katakana or Hangul (written without
//! spaces) become overlapping character bigrams, a lone character a unigram.
//! Any change here must be made in `tokenize()` of `static/search.js` too;
//! the browser tests compare the two on the same strings.

use unicode_normalization::UnicodeNormalization;

/// Words too common to tell sections apart. Shipped inside the index so the
/// browser drops the same ones.
pub const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "between", "both", "but", "by", "can", "could", "do", "does", "each", "for", "from",
    "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "may", "more", "most", "no", "not", "of", "on", "or", "other", "our", "over", "she", "should",
    "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "under", "up", "upon", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "will", "with", "would", "you", "your",
];

/// The search terms of `text`, in order, repeats kept (they are the term frequency).
pub fn tokenize(text: &str) -> Vec<String> {
    let folded: String = text.nfkc().flat_map(char::to_lowercase).collect();
    let mut terms = Vec::new();
    let mut run = String::new();
    let mut run_is_cjk = false;
    for c in folded.chars() {
        let cjk = is_cjk(c);
        let word = cjk || c.is_alphanumeric();
        if !word || (!run.is_empty() && cjk != run_is_cjk) {
            flush(&mut run, run_is_cjk, &mut terms);
        }
        if word {
            run.push(c);
            run_is_cjk = cjk;
        }
    }
    flush(&mut run, run_is_cjk, &mut terms);
    terms
}

fn flush(run: &mut String, cjk: bool, terms: &mut Vec<String>) {
    if run.is_empty() {
        return;
    }
    if cjk {
        terms.extend(cjk_grams(run));
    } else if let Some(term) = word_term(run) {
        terms.push(term);
    }
    run.clear();
}

/// Overlapping bigrams of a CJK run; a run of one character is its own term.
fn cjk_grams(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        return vec![run.to_string()];
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// A word's term: stemmed; `None` for stop words and single letters.
fn word_term(word: &str) -> Option<String> {
    let single_letter = word.chars().count() == 1 && !word.starts_with(|c: char| c.is_numeric());
    if single_letter || STOP_WORDS.contains(&word) {
        return None;
    }
    Some(stem(word))
}

/// Light English stemming: plural `-s`/`-es`/`-ies`, `-ing`, `-ed` and a final
/// `-e`, so "policies"/"policy" and "shared"/"sharing"/"share" meet. Only
/// ASCII words longer than three letters are touched.
pub fn stem(word: &str) -> String {
    if word.len() <= 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut w = word.to_string();
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
    w
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
