//! The content words pledges are compared by: lower-case words without
//! function words or a plural `s`, so that "Both governments will promote
//! the Forum" and "We call on both governments to promote the Forum"
//! share theirs. Plainer than search terms: no stemming beyond the `s`,
//! no bigrams of Chinese, Japanese or Korean (a pledge's wording is
//! compared with other wordings, not with a reader's query).

use crate::text::stop_words::PLEDGE_STOP_WORDS;

/// The content words of `text`, repeats kept.
#[cfg(test)]
pub fn content_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_content_word(text, |w| words.push(w.to_string()));
    words
}

/// Hands each of [`content_words`] to `visit` in turn, folded in one
/// buffer: millions of words at 10,000 documents, none of them allocated.
pub fn for_each_content_word(text: &str, mut visit: impl FnMut(&str)) {
    let mut folded = String::new();
    let words = text.split(|c: char| !c.is_alphanumeric());
    for word in words.filter(|w| !w.is_empty()) {
        folded.clear();
        // By bytes when ASCII (almost every word); `to_lowercase` knows
        // a word-final sigma.
        match word.is_ascii() {
            true => {
                folded.push_str(word);
                folded.make_ascii_lowercase();
            }
            false => folded.push_str(&word.to_lowercase()),
        }
        if PLEDGE_STOP_WORDS.contains(&folded) {
            continue;
        }
        match folded.strip_suffix('s') {
            Some(stem) if stem.len() > 3 && !stem.ends_with('s') => visit(stem),
            _ => visit(&folded),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_are_folded_without_stop_words_or_plural_s() {
        assert_eq!(
            content_words("We URGE the Parties to share Data, and Été data"),
            ["partie", "share", "data", "été", "data"]
        );
    }
}
