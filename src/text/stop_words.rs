//! The one list of stop words: words too common to tell texts apart, each
//! marked with the readers that drop it. Search drops the most (its list
//! is shipped inside the index, so the browser drops the same ones);
//! pledges are compared by their content words, which drop fewer function
//! words and also the verbs every pledge is made with ("urge", "call");
//! the key phrases `suggest` proposes as keywords drop search's and the
//! rest of the function words ("during", "against"), which name no subject
//! but search keeps, as a query may hold them.
//!
//! Every word of every document is looked up, so a reader's words are a
//! table the compiler builds: a word of up to seven bytes is a number (see
//! [`packed_word`]), found by open addressing in 256 slots. A `match` on
//! the strings compared them one after another, a tenth of reading a word;
//! a binary search called `memcmp` six times a word.

use super::hash::partial_lane;

/// The readers a stop word is dropped by, as bits.
type Readers = u8;
/// Search terms, here and in `static/search.js`.
const SEARCH: Readers = 1;
/// The content words pledges are compared by.
const PLEDGES: Readers = 2;
const BOTH: Readers = SEARCH | PLEDGES;
/// Besides search's, the key phrases of `suggest`.
const PHRASES: Readers = 4;

/// Sorted.
#[rustfmt::skip] // a table of words, not one a line
const STOP_WORDS: &[(&str, Readers)] = &[
    ("a", BOTH), ("about", SEARCH), ("after", SEARCH), ("against", PHRASES), ("all", BOTH),
    ("along", PHRASES), ("also", BOTH), ("amid", PHRASES), ("amongst", PHRASES), ("an", BOTH),
    ("and", BOTH), ("any", SEARCH), ("are", BOTH), ("around", PHRASES), ("as", BOTH), ("at", BOTH),
    ("be", BOTH), ("been", SEARCH), ("before", PHRASES), ("behind", PHRASES), ("being", SEARCH),
    ("below", PHRASES), ("beneath", PHRASES), ("beside", PHRASES), ("besides", PHRASES),
    ("between", SEARCH), ("beyond", PHRASES), ("both", BOTH), ("but", SEARCH), ("by", BOTH),
    ("call", PLEDGES), ("calls", PLEDGES), ("can", SEARCH), ("could", SEARCH),
    ("despite", PHRASES), ("do", SEARCH), ("does", SEARCH), ("down", PHRASES), ("during", PHRASES),
    ("each", SEARCH), ("except", PHRASES), ("for", BOTH), ("from", BOTH), ("had", SEARCH),
    ("has", SEARCH), ("have", SEARCH), ("he", SEARCH), ("her", SEARCH), ("his", SEARCH),
    ("how", SEARCH), ("i", SEARCH), ("if", SEARCH), ("in", BOTH), ("into", BOTH), ("is", BOTH),
    ("it", BOTH), ("its", BOTH), ("may", SEARCH), ("more", SEARCH), ("most", SEARCH),
    ("no", SEARCH), ("not", SEARCH), ("of", BOTH), ("off", PHRASES), ("on", BOTH),
    ("onto", PHRASES), ("or", BOTH), ("other", SEARCH), ("our", BOTH), ("out", PHRASES),
    ("over", SEARCH), ("shall", PLEDGES), ("she", SEARCH), ("should", BOTH), ("since", PHRASES),
    ("so", SEARCH), ("such", SEARCH), ("than", SEARCH), ("that", BOTH), ("the", BOTH),
    ("their", BOTH), ("them", SEARCH), ("then", SEARCH), ("there", SEARCH), ("these", BOTH),
    ("they", SEARCH), ("this", BOTH), ("those", SEARCH), ("though", PHRASES), ("through", SEARCH),
    ("thus", PHRASES), ("to", BOTH), ("toward", PHRASES), ("under", SEARCH), ("unless", PHRASES),
    ("unlike", PHRASES), ("until", PHRASES), ("up", SEARCH), ("upon", SEARCH), ("urge", PLEDGES),
    ("urges", PLEDGES), ("via", PHRASES), ("was", SEARCH), ("we", BOTH), ("were", SEARCH),
    ("what", SEARCH), ("when", SEARCH), ("where", SEARCH), ("whether", PHRASES), ("which", SEARCH),
    ("while", SEARCH), ("who", SEARCH), ("will", BOTH), ("with", BOTH), ("within", PHRASES),
    ("without", PHRASES), ("would", BOTH), ("yet", PHRASES), ("you", SEARCH), ("your", SEARCH),
];

/// The stop words of search terms, in the index's order.
pub fn search_stop_words() -> impl Iterator<Item = &'static str> {
    STOP_WORDS
        .iter()
        .filter(|(_, readers)| readers & SEARCH != 0)
        .map(|(word, _)| *word)
}

/// The length in bytes of the longest stop word: a longer word is none.
pub const LONGEST_STOP_WORD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < STOP_WORDS.len() {
        if STOP_WORDS[i].0.len() > longest {
            longest = STOP_WORDS[i].0.len();
        }
        i += 1;
    }
    assert!(longest <= 7, "a packed word holds seven bytes");
    longest
};

/// A word of at most seven bytes as a number: its bytes in order, then
/// its length in the top byte, so that no two such words share one. The
/// search tokenizer makes the same number from the low `u64` it holds a
/// short word in (zeros after the word) without this loop.
const fn packed_word(word: &[u8]) -> u64 {
    let mut key = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() && i < 7 {
        key |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    key
}

/// [`packed_word`] of a word of at most seven bytes, without its loop.
fn packed_short(word: &[u8]) -> u64 {
    partial_lane(word) | (word.len() as u64) << 56
}

/// Slots of a [`StopWords`] table: a power of two, under half of them filled.
const SLOTS: usize = 256;

/// Where the search for `key` in a table starts (Fibonacci hashing).
const fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize % SLOTS
}

/// One reader's stop words, as the [`packed_word`]s of its words by open
/// addressing: a key sits at its [`slot`] or in the first free slot after
/// it. No key is 0, the free slots' value.
pub struct StopWords([u64; SLOTS]);

/// The stop words of search terms.
pub static SEARCH_STOP_WORDS: StopWords = StopWords::of(SEARCH);

/// The stop words of the content words pledges are compared by.
pub static PLEDGE_STOP_WORDS: StopWords = StopWords::of(PLEDGES);

/// The function words `suggest`'s key phrases drop besides search's.
pub static PHRASE_STOP_WORDS: StopWords = StopWords::of(PHRASES);

impl StopWords {
    /// The table of the words `reader` drops, built by the compiler.
    const fn of(reader: Readers) -> StopWords {
        assert!(STOP_WORDS.len() < SLOTS / 2);
        let mut table = [0; SLOTS];
        let mut i = 0;
        while i < STOP_WORDS.len() {
            let (word, readers) = STOP_WORDS[i];
            i += 1;
            if readers & reader == 0 {
                continue;
            }
            let key = packed_word(word.as_bytes());
            let mut at = slot(key);
            while table[at] != 0 {
                at = (at + 1) % SLOTS;
            }
            table[at] = key;
        }
        StopWords(table)
    }

    /// Whether `word` is one of these stop words.
    pub fn contains(&self, word: &str) -> bool {
        word.len() <= LONGEST_STOP_WORD && self.contains_packed(packed_short(word.as_bytes()))
    }

    /// Whether `key` is the [`packed_word`] of one of these stop words.
    pub fn contains_packed(&self, key: u64) -> bool {
        let mut at = slot(key);
        loop {
            match self.0[at] {
                0 => return false,
                k if k == key => return true,
                _ => at = (at + 1) % SLOTS,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_and_found_by_their_readers_only() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        for &(word, readers) in STOP_WORDS {
            assert_eq!(
                SEARCH_STOP_WORDS.contains(word),
                readers & SEARCH != 0,
                "{word}"
            );
            assert_eq!(
                PLEDGE_STOP_WORDS.contains(word),
                readers & PLEDGES != 0,
                "{word}"
            );
            assert_eq!(
                PHRASE_STOP_WORDS.contains(word),
                readers & PHRASES != 0,
                "{word}"
            );
        }
        for table in [&SEARCH_STOP_WORDS, &PLEDGE_STOP_WORDS, &PHRASE_STOP_WORDS] {
            assert!(!table.contains("tho") && !table.contains("theirs") && !table.contains("a\0"));
        }
    }

    #[test]
    fn short_words_pack_alike_both_ways() {
        let text = b"abcdefg";
        for len in 0..=7 {
            assert_eq!(
                packed_short(&text[..len]),
                packed_word(&text[..len]),
                "{len}"
            );
        }
    }

    #[test]
    fn search_ships_its_words_in_order() {
        let words: Vec<&str> = search_stop_words().collect();
        assert_eq!(words.len(), 84);
        assert_eq!(words[..3], ["a", "about", "after"]);
        assert!(!words.contains(&"urge"));
    }
}
